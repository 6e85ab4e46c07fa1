import { describe, expect, it } from '@jest/globals';
import { bankHolidaysInForce, calendarInForce } from '../../../data/rules/bankHolidaysInForce.js';
import { bankHolidays as shippedHolidays } from '../../../data/reference/index.js';

const imported = [{ title: 'An extra day', date: '2026-12-29', notes: '' }];

describe('the bank holidays in force', () => {
  it('are the shipped snapshot until a gov.uk feed is imported, and say so', () => {
    expect(bankHolidaysInForce(null)).toEqual({ holidays: shippedHolidays, source: 'shipped snapshot' });
    expect(bankHolidaysInForce(undefined).source).toBe('shipped snapshot');
  });

  it('are the imported feed once there is one, in place of the snapshot', () => {
    expect(bankHolidaysInForce(imported)).toEqual({ holidays: imported, source: 'imported' });
  });

  it('give a calendar that counts only the holidays in force', () => {
    // Christmas Eve 2026 16:00 + 2 working hours. Snapshot: the 25th and the substitute 28th are holidays → Tuesday 29th 10:00.
    expect(calendarInForce(null).addWorkingHours(new Date('2026-12-24T16:00:00Z'), 2).toISOString()).toBe('2026-12-29T10:00:00.000Z');
    // Imported list with only the 29th: the 25th and 28th are working days again.
    expect(calendarInForce(imported).addWorkingHours(new Date('2026-12-24T16:00:00Z'), 2).toISOString()).toBe('2026-12-25T10:00:00.000Z');
  });
});
