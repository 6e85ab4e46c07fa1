/** Times on cards and in updates, as London clocks show them ("Mon 2 Mar, 10:04"). */
import { londonParts } from '../data/rules/londonTime.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Used for every time a person reads on a card or in an update. The year is added only when it is not the year of
 * `now`, so this week's cards stay short while an old ticket is never misread as recent.
 */
export function formatCardTime(iso: string, now: Date): string {
  const instant = new Date(iso);
  if (!Number.isFinite(instant.getTime())) return 'an unknown time';
  const p = londonParts(instant);
  const year = p.year === londonParts(now).year ? '' : ` ${p.year}`;
  return `${WEEKDAYS[p.weekday - 1]} ${p.day} ${MONTHS[p.month - 1]}${year}, ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** "at 09:00 on Tue 3 Mar": the same instant, for a line that says when the service did something (reminders). */
export function formatCardTimeAt(iso: string, now: Date): string {
  const text = formatCardTime(iso, now);
  const comma = text.lastIndexOf(', ');
  return comma < 0 ? `at ${text}` : `at ${text.slice(comma + 2)} on ${text.slice(0, comma)}`;
}

/** "3 working days" or "5 working hours": whole days once a day has passed. */
export function workingSpan(hours: number, dayHours: number): string {
  if (hours >= dayHours) {
    const days = Math.floor(hours / dayHours);
    return `${days} working day${days === 1 ? '' : 's'}`;
  }
  const whole = Math.max(1, Math.floor(hours));
  return `${whole} working hour${whole === 1 ? '' : 's'}`;
}
