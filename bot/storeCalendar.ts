import { calendarInForce } from '../data/rules/bankHolidaysInForce.js';
import type { WorkingCalendar } from '../data/rules/workingHours.js';
import type { Store } from '../data/store/store.js';

/** The working calendar the bot runs on, and a way to take up bank holidays imported while it runs. */
export interface StoreCalendar extends WorkingCalendar {
  /** Reads the bank holidays in force again (after an admin command, which may have imported a feed). */
  refresh(): Promise<void>;
}

/**
 * The working-hours calendar over the bank holidays in force (data/rules/bankHolidaysInForce.ts), loaded when the bot
 * starts and again after each admin command it runs (bot/admin/controlSocket.ts); the calendar itself answers synchronously.
 */
export async function storeCalendar(store: Store): Promise<StoreCalendar> {
  let current = calendarInForce(await store.reference.bankHolidays());
  return {
    isWorkingTime: (instant) => current.isWorkingTime(instant),
    addWorkingHours: (instant, hours) => current.addWorkingHours(instant, hours),
    workingHoursBetween: (from, to) => current.workingHoursBetween(from, to),
    nextWorkingTime: (instant) => current.nextWorkingTime(instant),
    refresh: async () => {
      current = calendarInForce(await store.reference.bankHolidays());
    },
  };
}
