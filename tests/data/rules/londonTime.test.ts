import { describe, it, expect } from '@jest/globals';
import { formatLondon, fromLondonWallClock, londonParts, londonToday } from '../../../data/rules/londonTime.js';
import { seededRandom } from '../../fixtures/seededRandom.js';

describe('londonParts', () => {
  it.each([
    // instant (UTC)                 y     mo  d   h   mi  s   weekday offset   what a Londoner sees
    ['2026-01-15T12:00:00Z', 2026, 1, 15, 12, 0, 0, 4, 0], // Thursday noon, GMT
    ['2026-07-15T12:00:00Z', 2026, 7, 15, 13, 0, 0, 3, 60], // Wednesday 13:00, BST
    ['2026-03-29T00:59:59Z', 2026, 3, 29, 0, 59, 59, 7, 0], // last second of GMT before spring forward
    ['2026-03-29T01:00:00Z', 2026, 3, 29, 2, 0, 0, 7, 60], // clocks jump straight to 02:00 BST
    ['2026-10-25T00:30:00Z', 2026, 10, 25, 1, 30, 0, 7, 60], // first 01:30, still BST
    ['2026-10-25T01:30:00Z', 2026, 10, 25, 1, 30, 0, 7, 0], // second 01:30, now GMT
    ['2026-06-30T23:30:00Z', 2026, 7, 1, 0, 30, 0, 3, 60], // already tomorrow in London
    ['2026-12-31T23:59:59Z', 2026, 12, 31, 23, 59, 59, 4, 0], // New Year's Eve, GMT: still the old year
    ['2026-12-28T09:00:00Z', 2026, 12, 28, 9, 0, 0, 1, 0], // a Monday is weekday 1
    ['2026-12-27T09:00:00Z', 2026, 12, 27, 9, 0, 0, 7, 0], // a Sunday is weekday 7
  ])('reads %s as the wall clock a Londoner sees', (iso, year, month, day, hour, minute, second, weekday, offsetMinutes) => {
    expect(londonParts(new Date(iso))).toEqual({ year, month, day, hour, minute, second, weekday, offsetMinutes });
  });

  it('keeps a whole-minute offset when the instant has milliseconds', () => {
    const parts = londonParts(new Date('2026-06-01T12:34:56.789Z'));
    expect(parts).toMatchObject({ hour: 13, minute: 34, second: 56, offsetMinutes: 60 });
  });

  it('keeps a whole-minute offset for instants before 1970', () => {
    expect(londonParts(new Date('1969-01-01T00:00:00.500Z'))).toMatchObject({ year: 1969, hour: 1, offsetMinutes: 60 }); // British Standard Time, 1968–71
  });

  it('refuses an invalid date rather than returning nonsense', () => {
    expect(() => londonParts(new Date('not a date'))).toThrow(RangeError);
  });
});

type Wall = [year: number, month: number, day: number, hour: number, minute: number];

describe('fromLondonWallClock', () => {
  it.each<[Wall, string]>([
    // London wall clock                    instant (UTC)
    [[2026, 1, 15, 9, 0], '2026-01-15T09:00:00.000Z'], // GMT
    [[2026, 7, 15, 9, 0], '2026-07-15T08:00:00.000Z'], // BST
    [[2026, 3, 29, 0, 59], '2026-03-29T00:59:00.000Z'], // just before the spring gap
    [[2026, 3, 29, 1, 0], '2026-03-29T01:00:00.000Z'], // 01:00 does not exist: moves forward to 02:00 BST
    [[2026, 3, 29, 1, 30], '2026-03-29T01:30:00.000Z'], // 01:30 does not exist: moves forward to 02:30 BST
    [[2026, 3, 29, 2, 0], '2026-03-29T01:00:00.000Z'], // 02:00 BST, the first minute after the gap
    [[2026, 10, 25, 0, 59], '2026-10-24T23:59:00.000Z'], // before the repeated hour
    [[2026, 10, 25, 1, 0], '2026-10-25T00:00:00.000Z'], // repeated hour: the first (BST) 01:00
    [[2026, 10, 25, 1, 30], '2026-10-25T00:30:00.000Z'], // repeated hour: the first (BST) 01:30
    [[2026, 10, 25, 2, 0], '2026-10-25T02:00:00.000Z'], // 02:00 happens once, in GMT
    [[2027, 3, 28, 1, 15], '2027-03-28T01:15:00.000Z'], // 2027's spring gap moves forward too
  ])('finds the instant London clocks show %j', (wall, iso) => {
    const [y, m, d, h, min] = wall;
    expect(fromLondonWallClock(y, m, d, h, min).toISOString()).toBe(iso);
  });

  it('round-trips every minute-aligned instant of 2026 outside the repeated autumn hour', () => {
    const random = seededRandom(20260329);
    const yearStart = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 2000; i += 1) {
      const time = yearStart + Math.floor(random() * 365 * 24 * 60) * 60_000;
      const p = londonParts(new Date(time));
      const back = fromLondonWallClock(p.year, p.month, p.day, p.hour, p.minute).getTime();
      // The second (GMT) 01:00–01:59 on 25 October reads back as the first (BST) one, an hour earlier, by design.
      const inSecondOccurrence = time >= Date.UTC(2026, 9, 25, 1) && time < Date.UTC(2026, 9, 25, 2);
      expect(back).toBe(inSecondOccurrence ? time - 3_600_000 : time);
    }
  });

  it.each([
    ['spring', Date.UTC(2026, 2, 28, 22), Date.UTC(2026, 2, 29, 4)],
    ['autumn', Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 4)],
  ])('reads back every minute around the %s clock change, the repeated hour as its first occurrence', (_season, from, to) => {
    const repeatedFrom = Date.UTC(2026, 9, 25, 1);
    const repeatedTo = Date.UTC(2026, 9, 25, 2);
    for (let time = from; time < to; time += 60_000) {
      const p = londonParts(new Date(time));
      const back = fromLondonWallClock(p.year, p.month, p.day, p.hour, p.minute).getTime();
      expect(back).toBe(time >= repeatedFrom && time < repeatedTo ? time - 3_600_000 : time);
    }
  });

  it.each<[Wall]>([
    [[2026, 2, 29, 9, 0]], // 2026 is not a leap year
    [[2026, 13, 1, 9, 0]],
    [[2026, 0, 1, 9, 0]],
    [[2026, 4, 31, 9, 0]],
    [[2026, 4, 1, 24, 0]],
    [[2026, 4, 1, 9, 60]],
    [[2026, 4, 1, 9.5, 0]],
  ])('refuses %j, which is not a real date and time', (wall) => {
    const [y, m, d, h, min] = wall;
    expect(() => fromLondonWallClock(y, m, d, h, min)).toThrow(RangeError);
  });
});

describe('formatLondon', () => {
  it.each([
    ['2026-03-30T08:00:00Z', '2026-03-30T09:00:00+01:00'], // Monday morning after the spring change
    ['2026-03-27T09:00:00Z', '2026-03-27T09:00:00+00:00'], // the Friday before, still GMT
    ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00+01:00'], // first 01:30
    ['2026-10-25T01:30:00Z', '2026-10-25T01:30:00+00:00'], // second 01:30: the offset tells them apart
    ['2026-06-30T23:30:00Z', '2026-07-01T00:30:00+01:00'],
    ['2026-06-01T12:34:56.789Z', '2026-06-01T13:34:56.789+01:00'],
  ])('writes %s as %s', (iso, expected) => {
    expect(formatLondon(new Date(iso))).toBe(expected);
  });

  it('writes a string that parses back to the same instant', () => {
    for (const iso of [
      '2026-01-01T00:00:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:59Z',
      '2026-10-25T01:00:00Z',
      '2027-12-28T17:00:00.001Z',
    ]) {
      expect(new Date(formatLondon(new Date(iso))).getTime()).toBe(new Date(iso).getTime());
    }
  });
});

describe('londonToday', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01'], // half past midnight in London (BST): already the next day
    ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT in winter: still the same day
  ])('gives the London date of %s as %s', (iso, date) => {
    expect(londonToday(new Date(iso))).toBe(date);
  });
});
