/** The per-row report a manager reads after sending the multiple-user spreadsheet: what to fix, row by row. Plain text. */
import type { UserRowsReport } from './usersSheet.js';

/** How much of a long report to list. */
export interface RowReportOptions {
  /** Rows with problems listed before the rest are summed up; default 30 (a Teams message stays readable). */
  maxProblemRows?: number;
  /** Rows with notes only listed; default 10. */
  maxNoteRows?: number;
  /** The whole report stays under this many bytes (UTF-8); default 20 KB, well inside a Teams message. */
  maxBytes?: number;
}

/** Ends a report cut short while it listed rows to fix. */
export const MORE_PROBLEMS = '…and more problems not listed here: fix these first, then send the spreadsheet again to see the rest.';
/** Ends a report cut short among the notes. */
export const MORE_NOTES = '…and more notes not listed here.';

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

function rows(n: number): string {
  return n === 1 ? '1 row' : `${n} rows`;
}

/** Used to answer the spreadsheet: a summary line, then "Row 7: …" for each row to fix, then notes worth knowing. */
export function formatRowReport(report: UserRowsReport, options: RowReportOptions = {}): string {
  const maxProblemRows = options.maxProblemRows ?? 30;
  const maxNoteRows = options.maxNoteRows ?? 10;
  const maxBytes = options.maxBytes ?? 20 * 1024;
  const total = report.rows.length;
  if (total === 0) return 'The spreadsheet has no one listed in it yet.';
  const lines: string[] = [];
  if (report.badCount === 0) {
    lines.push(
      total === 1 ? 'The 1 person in the spreadsheet is ready to send.' : `All ${total} people in the spreadsheet are ready to send.`,
    );
  } else {
    lines.push(
      `${people(report.okCount)} ${report.okCount === 1 ? 'is' : 'are'} ready; ${rows(report.badCount)} need${report.badCount === 1 ? 's' : ''} changing before we can send the request:`,
    );
    const bad = report.rows.filter((r) => !r.ok);
    for (const row of bad.slice(0, maxProblemRows)) lines.push(`Row ${row.row}: ${row.problems.join(' ')}`);
    if (bad.length > maxProblemRows) {
      const rest = bad.slice(maxProblemRows);
      lines.push(`…and ${rest.length} more ${rest.length === 1 ? 'row' : 'rows'} with problems, starting at row ${rest[0].row}.`);
    }
  }
  const problemLines = lines.length;
  const noted = report.rows.filter((r) => r.notes.length > 0);
  if (noted.length > 0) {
    lines.push('', 'Good to know:');
    for (const row of noted.slice(0, maxNoteRows)) lines.push(`Row ${row.row}: ${row.notes.join(' ')}`);
    if (noted.length > maxNoteRows)
      lines.push(`…and notes on ${noted.length - maxNoteRows} more ${noted.length - maxNoteRows === 1 ? 'row' : 'rows'}.`);
  }
  return withinBytes(lines, problemLines, maxBytes);
}

/** The lines joined, stopping before the line that would pass `maxBytes` and saying that more was left out. */
function withinBytes(lines: readonly string[], problemLines: number, maxBytes: number): string {
  const kept: string[] = [];
  let bytes = 0;
  for (const [i, line] of lines.entries()) {
    const ending = i < problemLines ? MORE_PROBLEMS : MORE_NOTES;
    const size = Buffer.byteLength(line) + 1;
    // Room is always left for the closing line, so the report with it stays under the limit.
    if (bytes + size + Buffer.byteLength(ending) + 1 > maxBytes) {
      kept.push(ending);
      return kept.join('\n');
    }
    kept.push(line);
    bytes += size;
  }
  return kept.join('\n');
}
