/** What a report may be narrowed to, as typed on the command line or sent by the tab, checked once for both. */
import { ValidationError } from '../../data/errors.js';
import { fromLondonWallClock, londonParts } from '../../data/rules/londonTime.js';
import { findIcs, icsByCode } from '../../data/rules/ics.js';

/** A London date range, both days included, as instants: `from` inclusive, `to` exclusive (midnight after the last day). */
export interface ReportWindow {
  from?: string;
  to?: string;
}

/** The window and the ICS (an ICB code) a report is narrowed to; empty means everything. */
export interface ReportFilters {
  window: ReportWindow;
  icbCode?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A report's filters from what the person typed. Dates are London calendar days (yyyy-mm-dd), both included; the ICS is
 * an ICB code, short name or name. Throws ValidationError with a sentence naming the bad value.
 */
export function reportFilters(input: { from?: string; to?: string; ics?: string }): ReportFilters {
  const from = input.from?.trim() ? londonMidnight(input.from.trim(), 'from', 0) : undefined;
  const to = input.to?.trim() ? londonMidnight(input.to.trim(), 'to', 1) : undefined;
  if (from !== undefined && to !== undefined && from >= to) {
    throw new ValidationError(`The report's --to date (${input.to}) is before its --from date (${input.from}).`, {
      from: input.from,
      to: input.to,
    });
  }
  const written = input.ics?.trim() ?? '';
  if (written === '') return { window: { from, to } };
  if (written.length > 100) throw new ValidationError('The ICS given is too long to be an ICS name.', {});
  const ics = icsByCode(written) ?? findIcs(written);
  if (!ics)
    throw new ValidationError(
      `"${written}" is not an ICS this service knows (use an ICB code such as QMJ, a short name such as NCL, or a name).`,
      {},
    );
  return { window: { from, to }, icbCode: ics.icbCode };
}

/** Whether an instant (ISO) lies in the window. */
export function inWindow(at: string, window: ReportWindow): boolean {
  return (window.from === undefined || at >= window.from) && (window.to === undefined || at < window.to);
}

function londonMidnight(value: string, name: 'from' | 'to', daysAfter: number): string {
  const match = DATE.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new ValidationError(
      `The report's --${name} date "${value.slice(0, 40)}" is not a date written yyyy-mm-dd (for example 2026-03-31).`,
      { [name]: value.slice(0, 40) },
    );
  }
  const next = new Date(Date.UTC(year, month - 1, day + daysAfter));
  return fromLondonWallClock(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0).toISOString();
}

/** An instant as London clocks show it, "2026-03-10 10:05": easy to read in the tab, sorted and read as a date by spreadsheets. */
export function reportTime(iso: string): string {
  const instant = new Date(iso);
  if (!Number.isFinite(instant.getTime())) return 'Not recorded';
  const p = londonParts(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
