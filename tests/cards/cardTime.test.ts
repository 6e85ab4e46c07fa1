import { describe, it, expect } from '@jest/globals';
import { formatCardTime } from '../../cards/cardTime.js';

describe('formatCardTime', () => {
  const now = new Date('2026-06-15T12:00:00.000Z');

  it.each([
    ['2026-03-02T10:04:00.000Z', 'Mon 2 Mar, 10:04'], // GMT: London shows UTC
    ['2026-03-30T09:04:00.000Z', 'Mon 30 Mar, 10:04'], // BST: London is an hour ahead
    ['2026-06-30T23:30:00.000Z', 'Wed 1 Jul, 00:30'], // already tomorrow in London
    ['2025-12-31T23:59:00.000Z', 'Wed 31 Dec 2025, 23:59'], // another year: the year is shown
  ])('shows %s as London clocks do: %s', (iso, expected) => {
    expect(formatCardTime(iso, now)).toBe(expected);
  });

  it('says the time is unknown rather than showing "Invalid Date"', () => {
    expect(formatCardTime('not a time', now)).toBe('an unknown time');
  });
});
