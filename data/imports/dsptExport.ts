import type { DsptRecord } from '../model.js';
import { assessmentYearStart, parsePublishedStatus } from '../rules/dspt.js';
import { checkOdsCode } from '../rules/ods.js';
import { readCsvTable, type ImportResult, type RowProblem } from './importResult.js';

/** Header names of the DSPT organisation-search export (DOMAIN.md), first the published one, then variants seen in hand-made copies. */
const REQUIRED = {
  code: ['Code', 'ODS Code', 'Organisation Code'],
  name: ['Organisation Name', 'Name'],
  status: ['Status', 'Latest Status'],
};
const OPTIONAL = {
  publishedOn: ['Date Of Publication', 'Publication Date', 'Date Published'],
  sector: ['Primary Sector', 'Sector'],
  icb: ['Integrated Care Board', 'ICB'],
};

/**
 * Reads the DSPT organisation-search CSV export; every row must be good or nothing is imported. `today` (yyyy-mm-dd,
 * London) finds statuses that could not have been published yet: they are kept as published and warned about, and
 * count as unknown until they become possible (data/rules/dspt.ts parseDsptStatus).
 */
export function parseDsptExport(text: string, today: string): ImportResult<DsptRecord> {
  const read = readCsvTable(text, REQUIRED, OPTIONAL);
  if (!read.ok) return read;
  const { rows, cell } = read.table;
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const firstSeen = new Map<string, number>();
  const records: DsptRecord[] = [];
  for (const row of rows) {
    const [code, name, status, date] = [cell(row, 'code'), cell(row, 'name'), cell(row, 'status'), cell(row, 'publishedOn')];
    const wrong: string[] = [];
    const ods = checkOdsCode(code);
    if (!ods.ok) wrong.push(`the code "${code}" is not an ODS code`);
    else if (firstSeen.has(ods.code)) wrong.push(`${ods.code} is listed twice (first on line ${firstSeen.get(ods.code)})`);
    if (name === '') wrong.push('the organisation name is empty');
    if (status === '') wrong.push('the status is empty');
    const publishedOn = date === '' ? undefined : ukDateToIso(date);
    if (publishedOn === null) wrong.push(`the date "${date}" is not a real date in dd/mm/yyyy form`);
    if (wrong.length > 0 || !ods.ok) {
      problems.push({ line: row.line, problem: wrong.join('; ') });
      continue;
    }
    firstSeen.set(ods.code, row.line);
    const parsed = parsePublishedStatus({ status, ...(publishedOn ? { publishedOn } : {}) }, today);
    if (parsed.notYetPossible) warnings.push({ line: row.line, problem: notYetPossibleProblem(status, date, parsed.year, today) });
    else if (parsed.status === 'unknown') {
      warnings.push({ line: row.line, problem: `the status "${status}" is not one we recognise; it will count as unknown (not met)` });
    }
    const sector = cell(row, 'sector');
    const icb = cell(row, 'icb');
    records.push({
      odsCode: ods.code,
      name,
      status,
      ...(publishedOn ? { publishedOn } : {}),
      ...(sector ? { sector } : {}),
      ...(icb ? { icb } : {}),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records, warnings };
}

function notYetPossibleProblem(status: string, date: string, year: string | undefined, today: string): string {
  if (year !== undefined && assessmentYearStart(year) > today) {
    return `the status "${status}" is for an assessment year that starts on ${assessmentYearStart(year)}, after today; it will count as unknown (not met) until then`;
  }
  return `the publication date ${date} is after today; the status will count as unknown (not met) until then`;
}

/** dd/mm/yyyy → yyyy-mm-dd, or null when it is not a real calendar date. */
export function ukDateToIso(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
