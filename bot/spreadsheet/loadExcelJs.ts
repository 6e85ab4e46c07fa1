import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded the first time a spreadsheet is read or the template is built: it adds ~25 MB to the service's
 * resident size, and most days no manager sends a spreadsheet (docs/performance.md, Memory).
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
