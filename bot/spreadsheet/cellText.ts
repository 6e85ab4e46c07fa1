/** What a spreadsheet cell shows, as text, whatever exceljs holds for it (rich text, an e-mail link, a formula's result…). */
import type { CellValue } from 'exceljs';

const MAX_DEPTH = 3;

/** Used when reading a filled-in sheet: the cell's text as the person sees it, '' for an empty cell or an error. */
export function cellText(value: CellValue | unknown, depth = 0): string {
  if (value === null || value === undefined || depth > MAX_DEPTH) return '';
  if (typeof value === 'string') return value;
  // Whole numbers as typed (a GMC number 1234567, never 1.234567e6); others as written.
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return '';
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText)) return cell.richText.map((part) => cellText((part as { text?: unknown }).text, depth + 1)).join('');
  if ('hyperlink' in cell) {
    // Excel turns a typed e-mail address into a mailto: link whose text is the address.
    const shown = cellText(cell.text, depth + 1);
    return shown !== '' ? shown : String(cell.hyperlink).replace(/^mailto:/i, '');
  }
  if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result, depth + 1);
  return '';
}
