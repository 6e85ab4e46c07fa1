/** Reading the gov.uk bank-holiday feed (https://www.gov.uk/bank-holidays.json) into England and Wales holidays. */
import { ValidationError } from '../errors.js';
import type { BankHoliday } from '../model.js';

const DIVISION = 'england-and-wales';
// An administrator reads the message; a long list of the same mistake helps nobody.
const MAX_PROBLEMS_IN_MESSAGE = 5;

/** True for a real calendar day written yyyy-mm-dd; used to check holiday dates from the feed and from configuration. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEvent(index: number, event: Record<string, unknown>): string {
  const title = typeof event.title === 'string' && event.title.trim() !== '' ? ` (${event.title.trim()})` : '';
  return `Holiday ${index + 1}${title}`;
}

/** Checks one event; returns the holiday, or adds what is wrong with it to `problems`. */
function readEvent(raw: unknown, index: number, problems: string[]): BankHoliday | undefined {
  if (!isRecord(raw)) {
    problems.push(`Holiday ${index + 1} is not a holiday entry.`);
    return undefined;
  }
  const label = describeEvent(index, raw);
  const before = problems.length;
  if (typeof raw.title !== 'string' || raw.title.trim() === '') problems.push(`${label} has no name.`);
  if (typeof raw.date !== 'string') problems.push(`${label} has no date.`);
  else if (!isCalendarDate(raw.date)) problems.push(`${label} has the date "${raw.date}", which is not a real day written as yyyy-mm-dd.`);
  if (raw.notes !== undefined && typeof raw.notes !== 'string') problems.push(`${label} has notes that are not text.`);
  if (raw.bunting !== undefined && typeof raw.bunting !== 'boolean')
    problems.push(`${label} has a bunting value that is not true or false.`);
  if (problems.length > before) return undefined;

  const holiday: BankHoliday = {
    title: (raw.title as string).trim(),
    date: raw.date as string,
    notes: (raw.notes as string | undefined) ?? '',
  };
  if (typeof raw.bunting === 'boolean') holiday.bunting = raw.bunting;
  return holiday;
}

function rejection(problems: string[]): ValidationError {
  const shown = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE);
  const more = problems.length - shown.length;
  const tail = more > 0 ? ` And ${more} more ${more === 1 ? 'problem' : 'problems'}.` : '';
  return new ValidationError(`The bank holiday list could not be used. ${shown.join(' ')}${tail}`, { problems });
}

/**
 * Reads a parsed gov.uk bank-holiday feed (or our shipped snapshot) into England and Wales holidays, sorted by
 * date with one entry per date (the first listed wins). Used when loading the snapshot and when an administrator
 * imports a fresh feed. Throws ValidationError listing every problem, so nothing half-read is ever used.
 */
export function parseBankHolidayFeed(json: unknown): BankHoliday[] {
  if (!isRecord(json)) throw rejection(['It is not a bank holiday list in the gov.uk format.']);
  const division = json[DIVISION];
  if (!isRecord(division)) throw rejection(['It has no England and Wales section ("england-and-wales").']);

  const problems: string[] = [];
  // The name inside repeats the key; when present it must agree, so a section pasted under the wrong key is caught.
  if (division.division !== undefined && division.division !== DIVISION) {
    problems.push(`The England and Wales section is labelled "${String(division.division)}".`);
  }
  if (!Array.isArray(division.events)) throw rejection([...problems, 'The England and Wales section has no list of holidays.']);
  if (division.events.length === 0) problems.push('The England and Wales section lists no holidays.');

  const holidays = division.events
    .map((raw, index) => readEvent(raw, index, problems))
    .filter((holiday): holiday is BankHoliday => holiday !== undefined);
  if (problems.length > 0) throw rejection(problems);

  // Array.prototype.sort is stable, so among entries for the same date the first listed stays first.
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return holidays.filter((holiday, i) => i === 0 || holiday.date !== holidays[i - 1].date);
}
