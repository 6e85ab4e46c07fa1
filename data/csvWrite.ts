/**
 * Writing CSV that people open in a spreadsheet: the one place every export (the admin CLI's audit and reports, the helpdesk
 * tab's download) builds its cells, so quoting and formula defusing are done once and the same way.
 */

/** RFC 4180 ends each record with CRLF; spreadsheets accept it everywhere. */
export const CSV_NEWLINE = '\r\n';

/** A byte-order mark: without it Excel reads UTF-8 as Windows-1252 and "Zoë" arrives as "ZoÃ«". */
export const CSV_BOM = '\uFEFF';

// A spreadsheet runs a cell starting with one of these as a formula (tab and CR too: some strip them first).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: empty for undefined or null; a leading = + - @ tab or CR is prefixed with ' so a spreadsheet never runs text
 * someone typed as a formula; quoted (RFC 4180) when it holds a comma, a quote or a line break.
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record's cells joined by commas, without the line ending (the caller adds CSV_NEWLINE or prints a line). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}

/** A whole file: the header, then one record per row, each ending in CRLF. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly unknown[]>, options: { bom?: boolean } = {}): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${options.bom ? CSV_BOM : ''}${lines.join(CSV_NEWLINE)}${CSV_NEWLINE}`;
}
