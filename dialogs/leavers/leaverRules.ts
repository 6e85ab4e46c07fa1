/** The leavers conversation's own rules: how far ahead a last working day may be, how many per request, and when it is done. */
import { londonParts } from '../../data/rules/londonTime.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';

/** A last working day may be today, any day before, or up to this many days ahead (asking much earlier is easily forgotten). */
export const MAX_DAYS_AHEAD = 60;
/** People per request: enough for a home's leavers, short enough to review in a chat. Send more as a second request. */
export const MAX_LEAVERS = 20;
const WORKING_DAY_HOURS = 8;

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** yyyy-mm-dd plus `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Used as the judge of the last-working-day answer: undefined when the day is acceptable, else why not. */
export function judgeLastWorkingDay(day: string, today: string): string | undefined {
  if (day <= addDays(today, MAX_DAYS_AHEAD)) return undefined;
  return `That is more than ${MAX_DAYS_AHEAD} days away. Please tell me nearer the time, or give a day within the next ${MAX_DAYS_AHEAD} days.`;
}

/** "Tuesday 31 March 2026" for yyyy-mm-dd. */
export function longDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[(date.getUTCDay() + 6) % 7]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The London day `workingDays` working days from `now` (the helpdesk's configured target, when there is one). */
export function expectedBy(calendar: WorkingCalendar, now: Date, workingDays: number): string {
  const done = calendar.addWorkingHours(now, workingDays * WORKING_DAY_HOURS);
  const p = londonParts(done);
  return longDay(`${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`);
}
