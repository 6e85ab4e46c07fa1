import { calendarInForce } from '../data/rules/bankHolidaysInForce.js';
import type { WorkingCalendar } from '../data/rules/workingHours.js';
import type { Store } from '../data/store/store.js';

/**
 * The working-hours calendar over the bank holidays in force (data/rules/bankHolidaysInForce.ts). Rebuilt only when the imported list changes, so an import is used from the next question on.
 */
export function storeCalendar(store: Store): WorkingCalendar {
  let source: unknown;
  let calendar: WorkingCalendar | undefined;
  const current = (): WorkingCalendar => {
    const imported = store.read((data) => data.bankHolidays);
    if (!calendar || imported !== source) {
      source = imported;
      calendar = calendarInForce(imported);
    }
    return calendar;
  };
  return {
    isWorkingTime: (instant) => current().isWorkingTime(instant),
    addWorkingHours: (instant, hours) => current().addWorkingHours(instant, hours),
    workingHoursBetween: (from, to) => current().workingHoursBetween(from, to),
    nextWorkingTime: (instant) => current().nextWorkingTime(instant),
  };
}
