/**
 * Europe/London wall clock ⇄ instant, with Intl only. The helpdesk keeps UK hours, so every deadline is
 * reasoned about in London time while instants are stored in UTC.
 */

/** The London wall-clock reading of one instant. */
export interface LondonParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  weekday: number;
  /** Minutes London is ahead of UTC at that instant: 0 in GMT, 60 in BST. */
  offsetMinutes: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Constructing a DateTimeFormat is slow (tens of microseconds); one shared instance keeps conversions cheap.
// h23 avoids the "24:00" midnight some ICU versions print with hour12: false.
const londonFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || !Number.isFinite(instant.getTime())) {
    throw new RangeError('Expected a valid Date instant.');
  }
}

/** Reads the London wall clock at an instant; used wherever a rule asks "what day and time is it in London?". */
export function londonParts(instant: Date): LondonParts {
  assertValidInstant(instant);
  const fields: Record<string, number> = {};
  for (const part of londonFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The formatter drops milliseconds, so compare against the instant truncated to the whole second.
  const time = instant.getTime();
  const wholeSecond = time - (((time % 1000) + 1000) % 1000);
  const weekdayFromSunday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: weekdayFromSunday === 0 ? 7 : weekdayFromSunday,
    offsetMinutes: (wallAsUtc - wholeSecond) / MINUTE_MS,
  };
}

function assertWallClock(year: number, month: number, day: number, hour: number, minute: number): void {
  const all = [year, month, day, hour, minute];
  if (!all.every(Number.isInteger)) throw new RangeError(`London wall-clock fields must be whole numbers: ${all.join(', ')}.`);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date.`);
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    throw new RangeError(`${hour}:${minute} is not a time of day.`);
  }
}

function matchesWallClock(time: number, year: number, month: number, day: number, hour: number, minute: number): boolean {
  const p = londonParts(new Date(time));
  return p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute && p.second === 0;
}

/**
 * The instant at which London clocks show the given time; used to find openings and closings of a working day.
 * A time skipped when clocks go forward (01:00–01:59 on the last Sunday of March) moves forward by the gap,
 * so 01:30 gives 02:30 BST. A time that happens twice when clocks go back (01:00–01:59 on the last Sunday of
 * October) gives the first, BST, occurrence: the earlier reading never makes a deadline later than it was meant to be.
 */
export function fromLondonWallClock(year: number, month: number, day: number, hour: number, minute: number): Date {
  assertWallClock(year, month, day, hour, minute);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // London's offset a day either side covers every offset that can apply to this wall time.
  const before = londonParts(new Date(wallAsUtc - DAY_MS)).offsetMinutes;
  const after = londonParts(new Date(wallAsUtc + DAY_MS)).offsetMinutes;
  // The larger offset gives the earlier instant, so trying it first picks the first of two occurrences.
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const candidate = wallAsUtc - offset * MINUTE_MS;
    if (matchesWallClock(candidate, year, month, day, hour, minute)) return new Date(candidate);
  }
  // In the spring gap: read the wall time with the offset in force before the gap, which lands after it.
  return new Date(wallAsUtc - before * MINUTE_MS);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * An instant as ISO 8601 London local time with its offset ("2026-03-30T09:00:00+01:00"), for logs and audit
 * lines people read. Milliseconds are written only when the instant has them.
 */
export function formatLondon(instant: Date): string {
  const p = londonParts(instant);
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(p.offsetMinutes);
  const fraction = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}` +
    `${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The London calendar date of an instant, as yyyy-mm-dd: "today" for rules that work in days (the DSPT deadline, imports). */
export function londonToday(instant: Date): string {
  const p = londonParts(instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
