/** DSPT statuses: read the published string defensively, compare it with the bars that matter, and find its deadline. Pure. */

export type DsptStatus = 'standardsMet' | 'standardsExceeded' | 'approachingStandards' | 'notPublished' | 'unknown';

export interface ParsedDsptStatus {
  status: DsptStatus;
  /** The assessment year, normalised to "2024-25"; absent when the string carried none (or was not understood). */
  year?: string;
  /** The string exactly as given, for the helpdesk to see. */
  raw: string;
  /**
   * True when the status could not have been published by today: its assessment year starts after today (see
   * parseDsptStatus), or the export dates its publication after today. Such a status is always 'unknown'.
   */
  notYetPossible?: true;
}

/** When an organisation's DSPT status runs out and whether it already has. */
export interface DsptRenewal {
  /** ISO date (yyyy-mm-dd): always a 30 June. */
  dueOn: string;
  /** statusYear: worked out from the status's own year; nextDeadline: no usable year, so the next 30 June from today. */
  basis: 'statusYear' | 'nextDeadline';
  overdue: boolean;
  /** True when dueOn falls in today's calendar year: what the yearly reminder looks for. */
  endsThisYear: boolean;
}

// Only these exact phrases count. "Standards Not Met", "Met", "Standards Met - with improvement plan" and the like
// fall through to 'unknown' so that nothing is ever read as met by accident.
// A Map, not an object literal, so that "constructor" and the like find nothing rather than Object's own properties.
const PHRASES: ReadonlyMap<string, DsptStatus> = new Map([
  ['standards met', 'standardsMet'],
  ['standards exceeded', 'standardsExceeded'],
  ['approaching standards', 'approachingStandards'],
  ['not published', 'notPublished'],
]);

const YEAR_AND_PHRASE = /^(?:(\d{2}|\d{4}) ?[/-] ?(\d{2}|\d{4}) )?([a-z ]+)$/;

/**
 * Used whenever a DSPT status string arrives (published export, helpdesk entry, person's answer), with London's
 * today as yyyy-mm-dd.
 *
 * A year-prefixed status ("27/28 Standards Met") names an assessment year, read as the financial year it covers:
 * "YY/ZZ" runs from 1 April 20YY, and its assessment is due by 30 June 20ZZ (the reading renewalDue documents). No
 * assessment for a year can be published before that year begins, so a status whose year starts after today is
 * unknown, never met: it is a typing slip or a bad row, and the helpdesk checks it on the DSPT website.
 */
export function parseDsptStatus(raw: string | null | undefined, today: string): ParsedDsptStatus {
  const original = raw ?? '';
  const text = original.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  const match = YEAR_AND_PHRASE.exec(text);
  const status = match ? PHRASES.get(match[3] ?? '') : undefined;
  if (!match || status === undefined) return { status: 'unknown', raw: original };
  if (match[1] === undefined || match[2] === undefined) return { status, raw: original };
  const year = normaliseYear(match[1], match[2]);
  // A year that is not two consecutive years ("24/26") means we misread something: trust none of it.
  if (year === undefined) return { status: 'unknown', raw: original };
  if (assessmentYearStart(year) > dateOnly(today)) return { status: 'unknown', year, raw: original, notYetPossible: true };
  return { status, year, raw: original };
}

/** The first day of an assessment year ("2027-28" → "2027-04-01"): before it, no status for that year can exist. */
export function assessmentYearStart(year: string): string {
  return `${year.slice(0, 4)}-04-01`;
}

/**
 * Used for a row of the published export: as parseDsptStatus, and a publication date after today (a row from the
 * future) makes the status unknown as well.
 */
export function parsePublishedStatus(record: { status: string; publishedOn?: string }, today: string): ParsedDsptStatus {
  const parsed = parseDsptStatus(record.status, today);
  if (record.publishedOn === undefined || record.publishedOn <= dateOnly(today) || parsed.notYetPossible) return parsed;
  return { status: 'unknown', ...(parsed.year ? { year: parsed.year } : {}), raw: parsed.raw, notYetPossible: true };
}

/** The UCP needs Standards Met or Standards Exceeded (sources 000, 001). */
export function meetsUcpBar(parsed: ParsedDsptStatus): boolean {
  return parsed.status === 'standardsMet' || parsed.status === 'standardsExceeded';
}

/** Used when talking about NHSmail: Approaching Standards or better is enough there (source 004). */
export function meetsNhsmailBar(parsed: ParsedDsptStatus): boolean {
  return meetsUcpBar(parsed) || parsed.status === 'approachingStandards';
}

/**
 * The 30 June by which this status must be renewed.
 *
 * Reading (DOMAIN.md, source 004): the DSPT is annual and each year's assessment is due by 30 June. The "24/25"
 * assessment is the one due by 30 June 2025; the status it earns stands until the next deadline, 30 June 2026,
 * by which the 25/26 assessment must be published. So a status for year "20XX-YY" is due for renewal on
 * 30 June 20YY + 1 and has lapsed after that day. A status with no year (or one we did not understand, or
 * Not Published) gives us nothing to go on, so the next 30 June on or after today applies and it is never overdue.
 */
export function renewalDue(parsed: ParsedDsptStatus, today: string): DsptRenewal {
  const todayYear = yearOf(today);
  const statusYear = parsed.year !== undefined && meetsNhsmailBar(parsed) ? Number(parsed.year.slice(0, 4)) : undefined;
  if (statusYear !== undefined) {
    const dueOn = `${statusYear + 2}-06-30`;
    return { dueOn, basis: 'statusYear', overdue: today > dueOn, endsThisYear: statusYear + 2 === todayYear };
  }
  const thisYearsDeadline = `${todayYear}-06-30`;
  const dueOn = today <= thisYearsDeadline ? thisYearsDeadline : `${todayYear + 1}-06-30`;
  return { dueOn, basis: 'nextDeadline', overdue: false, endsThisYear: dueOn === thisYearsDeadline };
}

/** True when a dated status has passed its renewal deadline (see renewalDue). */
export function dsptLapsed(parsed: ParsedDsptStatus, today: string): boolean {
  return renewalDue(parsed, today).overdue;
}

function normaliseYear(first: string, second: string): string | undefined {
  const start = first.length === 2 ? 2000 + Number(first) : Number(first);
  const endMatches = second.length === 2 ? Number(second) === (start + 1) % 100 : Number(second) === start + 1;
  if (!endMatches) return undefined;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function yearOf(isoDate: string): number {
  return Number(dateOnly(isoDate).slice(0, 4));
}

/** The date itself when it is a real yyyy-mm-dd day; a RangeError otherwise, so a wrong "today" is never compared. */
function dateOnly(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(`${isoDate}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Expected a date as yyyy-mm-dd, got "${isoDate}"`);
  }
  return isoDate;
}
