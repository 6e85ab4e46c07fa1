import type ExcelJS from 'exceljs';
import { onceUntilFailure } from '../onceUntilFailure.js';

/**
 * exceljs, loaded the first time a spreadsheet is read or the template is built: it adds ~25 MB to the service's
 * resident size, and most days no manager sends a spreadsheet (docs/performance.md).
 */
export const loadExcelJs: () => Promise<typeof ExcelJS> = onceUntilFailure(() => import('exceljs').then((module) => module.default));
