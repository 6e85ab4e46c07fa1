import type { BankHoliday } from '../model.js';
import { bankHolidays as shippedHolidays } from '../reference/index.js';
import { createWorkingCalendar, type WorkingCalendar } from './workingHours.js';

/** The bank holidays every working-hours clock counts, and where they came from (the admin look-up says which). */
export interface HolidaysInForce {
  holidays: readonly BankHoliday[];
  source: 'imported' | 'shipped snapshot';
}

/**
 * The bank holidays in force: an imported gov.uk feed when there is one (the live data's `bankHolidays`, null until the
 * first import), else the shipped snapshot. The service, the reminders and every admin command ask here, so they agree.
 */
export function bankHolidaysInForce(imported: readonly BankHoliday[] | null | undefined): HolidaysInForce {
  return imported ? { holidays: imported, source: 'imported' } : { holidays: shippedHolidays, source: 'shipped snapshot' };
}

/** The working-hours calendar over the bank holidays in force. */
export function calendarInForce(imported: readonly BankHoliday[] | null | undefined): WorkingCalendar {
  return createWorkingCalendar({ holidays: bankHolidaysInForce(imported).holidays });
}
