/** A problem with one row of an import file, by the line a person sees in their spreadsheet or editor. */
export interface RowProblem {
  line: number;
  problem: string;
}

/** All or nothing: either every row is good, or nothing is imported and every bad row is listed. */
export type ImportResult<T> =
  | { ok: true; records: T[]; warnings: RowProblem[] }
  | { ok: false; problems: RowProblem[] };

/** Finds the column for each wanted field by its accepted header names; lists what is missing. */
export function locateColumns<K extends string>(header: string[], wanted: Record<K, string[]>, key: (cell: string) => string):
  { ok: true; index: Record<K, number> } | { ok: false; missing: K[] } {
  const keys = header.map(key);
  const index = {} as Record<K, number>;
  const missing: K[] = [];
  for (const field of Object.keys(wanted) as K[]) {
    const at = keys.findIndex((k) => wanted[field].map(key).includes(k));
    if (at === -1) missing.push(field);
    else index[field] = at;
  }
  return missing.length ? { ok: false, missing } : { ok: true, index };
}
