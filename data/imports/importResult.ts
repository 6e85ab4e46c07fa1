import { headerKey, parseCsv, type CsvRow } from './csv.js';

/** A problem with one row of an import file, by the line a person sees in their spreadsheet or editor. */
export interface RowProblem {
  line: number;
  problem: string;
}

/** All or nothing: either every row is good, or nothing is imported and every bad row is listed. */
export type ImportResult<T> = { ok: true; records: T[]; warnings: RowProblem[] } | { ok: false; problems: RowProblem[] };

type Columns = Record<string, string[]>;

/** A CSV file's data rows with a cell reader by field name, once its header has every required column. */
export interface CsvTable<F extends string> {
  rows: CsvRow[];
  cell(row: CsvRow, field: F): string;
}

/**
 * Parses an import CSV and finds each field's column by its accepted header names (case and punctuation ignored).
 * Returns the problems instead when the file is unreadable, empty or lacks a required column.
 */
export function readCsvTable<R extends string, O extends string>(
  text: string,
  required: Record<R, string[]>,
  optional: Record<O, string[]>,
): { ok: true; table: CsvTable<R | O> } | { ok: false; problems: RowProblem[] } {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (err) {
    const message = (err as Error).message;
    return { ok: false, problems: [{ line: Number(/^line (\d+)/.exec(message)?.[1] ?? 1), problem: message.replace(/^line \d+: /, '') }] };
  }
  if (rows.length === 0) return { ok: false, problems: [{ line: 1, problem: 'the file is empty' }] };
  const [header, ...data] = rows;
  // A header alone is far more likely a wrong export than a wish to empty the list: refuse rather than wipe it.
  if (data.length === 0)
    return { ok: false, problems: [{ line: header.line, problem: 'the file has a header but no rows, so nothing was imported' }] };
  const keys = header.cells.map(headerKey);
  const find = (names: string[]) => keys.findIndex((k) => names.map(headerKey).includes(k));
  const missing = Object.values<string[]>(required).filter((names) => find(names) === -1);
  if (missing.length > 0) {
    const expected = [...Object.values<string[]>(required), ...Object.values<string[]>(optional)].map((names) => names[0]).join(', ');
    return {
      ok: false,
      problems: [
        { line: header.line, problem: `the header has no ${missing.map((n) => `"${n[0]}"`).join(', ')} column (expected: ${expected})` },
      ],
    };
  }
  const index = new Map<string, number>();
  for (const [field, names] of Object.entries<string[]>({ ...required, ...optional } as Columns)) {
    const at = find(names);
    if (at !== -1) index.set(field, at);
  }
  return {
    ok: true,
    table: { rows: data, cell: (row, field) => (index.has(field) ? (row.cells[index.get(field) as number] ?? '') : '') },
  };
}
