import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded the first time a spreadsheet is read or the template is built: it adds ~25 MB to the service's
 * resident size, and most days no manager sends a spreadsheet (docs/performance.md, Memory).
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  // A failed load is forgotten, so the next spreadsheet tries again.
  loading ??= import('exceljs').then((module) => module.default, (err: unknown) => { loading = undefined; throw err; });
  return loading;
}
