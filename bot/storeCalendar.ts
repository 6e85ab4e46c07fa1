import { calendarInForce } from '../data/rules/bankHolidaysInForce.js';
import type { WorkingCalendar } from '../data/rules/workingHours.js';
import type { Store } from '../data/store/store.js';

/**
 * The working-hours calendar over the bank holidays in force (data/rules/bankHolidaysInForce.ts), loaded once when the bot
 * starts; the calendar itself answers synchronously. Loading at start is enough: only the admin CLI imports bank
 * holidays, and it can change the store only while the bot is stopped (one writer per data folder), so a new feed is
 * used from the bot's next start.
 */
export async function storeCalendar(store: Store): Promise<WorkingCalendar> {
  return calendarInForce(await store.reference.bankHolidays());
}
