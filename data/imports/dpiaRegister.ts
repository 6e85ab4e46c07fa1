import type { DpiaEntry, Ics } from '../model.js';
import { checkOdsCode } from '../rules/ods.js';
import { readCsvTable, type ImportResult, type RowProblem } from './importResult.js';

const REQUIRED = {
  odsCode: ['ODS Code', 'ODS', 'Code', 'Organisation Code'],
  name: ['Name', 'Organisation Name', 'Organisation'],
  ics: ['ICS', 'ICB', 'ICS/ICB', 'Integrated Care System', 'Integrated Care Board'],
};

/**
 * Reads the DPIA register CSV (ODS code, name, ICS). The ICS may be written as its ICB code, short name or name;
 * `resolveIcs` decides. Every row must be good or nothing is imported.
 */
export function parseDpiaRegister(text: string, resolveIcs: (written: string) => Ics | undefined): ImportResult<DpiaEntry> {
  const read = readCsvTable(text, REQUIRED, {});
  if (!read.ok) return read;
  const { rows, cell } = read.table;
  const problems: RowProblem[] = [];
  const firstSeen = new Map<string, number>();
  const records: DpiaEntry[] = [];
  for (const row of rows) {
    const [code, name, written] = [cell(row, 'odsCode'), cell(row, 'name'), cell(row, 'ics')];
    const wrong: string[] = [];
    const ods = checkOdsCode(code);
    if (!ods.ok) wrong.push(`the ODS code "${code}" is not valid`);
    else if (firstSeen.has(ods.code)) wrong.push(`${ods.code} is listed twice (first on line ${firstSeen.get(ods.code)})`);
    if (name === '') wrong.push('the name is empty');
    const ics = written === '' ? undefined : resolveIcs(written);
    if (!ics) wrong.push(written === '' ? 'the ICS is empty' : `"${written}" is not one of the London ICSs`);
    if (wrong.length > 0 || !ods.ok || !ics) {
      problems.push({ line: row.line, problem: wrong.join('; ') });
      continue;
    }
    firstSeen.set(ods.code, row.line);
    records.push({ odsCode: ods.code, name, icbCode: ics.icbCode });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records, warnings: [] };
}
