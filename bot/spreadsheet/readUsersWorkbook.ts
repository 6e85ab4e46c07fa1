/**
 * Reads the filled-in multiple-user spreadsheet into rows (with the row numbers the manager sees), forgiving about
 * how the headings are written and where they are, and refusing with a plain message a file it cannot use.
 * It only reads: whether each row is acceptable is data/imports/usersSheet.ts's job.
 */
import type ExcelJS from 'exceljs';
import {
  columnForHeader,
  MAX_USER_ROWS,
  REQUIRED_COLUMNS,
  USER_COLUMNS,
  type UserColumn,
  type UserSheetRow,
} from '../../data/imports/usersSheetColumns.js';
import { cellText } from './cellText.js';
import { loadExcelJs } from './loadExcelJs.js';
import { declaredUnzippedSize } from './zipSize.js';

/** The rows of the staff list, or why the file cannot be used (with a message to show the manager). */
export type UsersWorkbookResult =
  | { ok: true; rows: UserSheetRow[]; sheetName: string }
  | { ok: false; reason: 'notXlsx' | 'protected' | 'tooBig' | 'noSheet' | 'missingColumns' | 'empty' | 'tooManyRows'; message: string };

/** Limits for readUsersWorkbook. */
export interface ReadUsersWorkbookOptions {
  /** Default MAX_USER_ROWS (500). */
  maxRows?: number;
  /** Refuses a file that would unpack to more than this; default 50 MB. */
  maxUnzippedBytes?: number;
}

/** Headings are looked for in the first rows only: a title or a note above them is fine, a sheet of data with none is not. */
const HEADER_SEARCH_ROWS = 10;
/** Sheets of the template that never hold the staff list. */
const NOT_THE_LIST = new Set(['instructions', 'example', 'examples', 'lists']);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const TEMPLATE_HINT = 'Please use the template we gave you: one person per row on the Users sheet, under the headings.';

interface Header {
  row: number;
  columns: Map<UserColumn, number>;
}

const NAMES: Readonly<Record<UserColumn, string>> = {
  ...(Object.fromEntries(USER_COLUMNS.map((c) => [c.key, c.header])) as Record<UserColumn, string>),
  fullName: 'Name',
};

function refuse(reason: Exclude<UsersWorkbookResult, { ok: true }>['reason'], message: string): UsersWorkbookResult {
  return { ok: false, reason, message };
}

function findHeader(sheet: ExcelJS.Worksheet): Header | undefined {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  let best: Header | undefined;
  for (let r = 1; r <= last; r += 1) {
    const columns = new Map<UserColumn, number>();
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const key = columnForHeader(cellText(cell.value));
      if (key && !columns.has(key)) columns.set(key, col);
    });
    if (columns.size > (best?.columns.size ?? 1)) best = { row: r, columns };
  }
  return best;
}

function missingColumns(header: Header): UserColumn[] {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.columns.has(c));
  const hasNames = (header.columns.has('firstName') && header.columns.has('lastName')) || header.columns.has('fullName');
  if (!hasNames) missing.unshift(...(['firstName', 'lastName'] as const).filter((c) => !header.columns.has(c)));
  return missing;
}

function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The sheet with the staff list: the one called Users, else the first other sheet with recognisable headings. */
function pickSheet(workbook: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; header: Header | undefined } | undefined {
  const sheets = workbook.worksheets;
  const named = sheets.find((s) => s.name.trim().toLowerCase() === 'users');
  if (named) return { sheet: named, header: findHeader(named) };
  const candidates = sheets.filter((s) => !NOT_THE_LIST.has(s.name.trim().toLowerCase()) && s.state === 'visible');
  const withHeaders = candidates.map((sheet) => ({ sheet, header: findHeader(sheet) })).filter((c) => c.header !== undefined);
  return withHeaders.find((c) => c.header && missingColumns(c.header).length === 0) ?? withHeaders[0];
}

function readRows(sheet: ExcelJS.Worksheet, header: Header, maxRows: number): UserSheetRow[] | 'tooMany' {
  const rows: UserSheetRow[] = [];
  let tooMany = false;
  const text = (row: ExcelJS.Row, key: UserColumn) => {
    const col = header.columns.get(key);
    return col === undefined ? '' : cellText(row.getCell(col).value).trim();
  };
  // eachRow visits only rows that exist in the file: a sheet formatted down to row 1,048,576 costs nothing extra.
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= header.row || tooMany) return;
    const read: UserSheetRow = {
      row: r,
      firstName: text(row, 'firstName'),
      lastName: text(row, 'lastName'),
      jobTitle: text(row, 'jobTitle'),
      email: text(row, 'email'),
      professionalBody: text(row, 'professionalBody'),
      registrationNumber: text(row, 'registrationNumber'),
      confirmAppropriateUse: text(row, 'confirmAppropriateUse'),
    };
    const fullName = text(row, 'fullName');
    if (fullName !== '') read.fullName = fullName;
    // A row with nothing under the headings (only formatting, or a note far to the right) is no one.
    const { row: _n, ...cells } = read;
    if (Object.values(cells).every((v) => v === '')) return;
    if (rows.length >= maxRows) tooMany = true;
    else rows.push(read);
  });
  return tooMany ? 'tooMany' : rows;
}

/** Used when a manager sends the filled-in spreadsheet: its rows, or a message saying why the file cannot be used. */
export async function readUsersWorkbook(file: Buffer, options: ReadUsersWorkbookOptions = {}): Promise<UsersWorkbookResult> {
  const maxRows = options.maxRows ?? MAX_USER_ROWS;
  const maxUnzipped = options.maxUnzippedBytes ?? 50 * 1024 * 1024;
  if (file.subarray(0, 4).equals(OLE_MAGIC)) {
    return refuse(
      'protected',
      'This file is either protected with a password or saved in the older Excel format (.xls). ' +
        'Please remove any password, save it as "Excel Workbook (.xlsx)" and send it again.',
    );
  }
  const unzipped = file.subarray(0, 4).equals(ZIP_MAGIC) ? declaredUnzippedSize(file) : undefined;
  if (unzipped === undefined) {
    return refuse('notXlsx', "This file isn't an Excel workbook (.xlsx), so we can't read it. " + TEMPLATE_HINT);
  }
  if (unzipped > maxUnzipped) {
    return refuse(
      'tooBig',
      'This workbook is far bigger inside than a staff list would be. Please send the template with just the staff list in it.',
    );
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs types its input as its own Buffer interface; at run time it takes a Node Buffer.
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    return refuse(
      'notXlsx',
      "We couldn't open this file as an Excel workbook. It may be damaged, or another kind of file. " + TEMPLATE_HINT,
    );
  }
  // Any zip loads; one with no sheets (a Word file, a folder of photos) was never a workbook.
  if (workbook.worksheets.length === 0) {
    return refuse('notXlsx', "This file isn't an Excel workbook (.xlsx), so we can't read it. " + TEMPLATE_HINT);
  }
  const picked = pickSheet(workbook);
  if (!picked?.header) {
    return refuse('noSheet', "We couldn't find the list of staff in this file. " + TEMPLATE_HINT);
  }
  const missing = missingColumns(picked.header);
  if (missing.length > 0) {
    const names = listInWords(missing.map((c) => `"${NAMES[c]}"`));
    return refuse(
      'missingColumns',
      `The ${picked.sheet.name} sheet has no ${names} column${missing.length > 1 ? 's' : ''}. ` +
        'Please keep the headings from the template in the first row and send it again.',
    );
  }
  const rows = readRows(picked.sheet, picked.header, maxRows);
  if (rows === 'tooMany') {
    return refuse(
      'tooManyRows',
      `The spreadsheet lists more than ${maxRows} people. Please split them into files of up to ${maxRows} and send them one at a time.`,
    );
  }
  if (rows.length === 0) {
    return refuse(
      'empty',
      `We found the headings on the ${picked.sheet.name} sheet but no one listed under them. Please add one person per row and send it again.`,
    );
  }
  return { ok: true, rows, sheetName: picked.sheet.name };
}
