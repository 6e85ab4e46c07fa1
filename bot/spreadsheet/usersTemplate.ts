/**
 * The multiple-user spreadsheet handed to care home managers (source 001: ten or more users → one form).
 * Sheets: Instructions (opens first), Users (headings only: the manager fills it in), Example (two filled-in rows,
 * never read on import, and refused if copied into Users), Lists (hidden: the job titles behind the drop-down).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './loadExcelJs.js';
import { MAX_USER_ROWS, EXAMPLE_USERS, USER_COLUMNS, type UserColumn } from '../../data/imports/usersSheetColumns.js';
import { jobTitles, REGISTRATION_BODIES } from '../../data/reference/index.js';
import { registrationBodyName } from '../../data/rules/registration.js';

const NHS_BLUE = 'FF005EB8';
const PALE_BLUE = 'FFE8EDEE';
const WIDTHS: Readonly<Record<UserColumn, number>> = {
  firstName: 18,
  lastName: 20,
  fullName: 30,
  jobTitle: 30,
  email: 36,
  professionalBody: 22,
  registrationNumber: 22,
  confirmAppropriateUse: 24,
};
const BODY_CHOICES = REGISTRATION_BODIES.map((b) => (b === 'SWE' ? 'Social Work England' : b));

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  USER_COLUMNS.forEach((spec, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: NHS_BLUE } };
    cell.note = spec.hint;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function addColumns(sheet: ExcelJS.Worksheet): void {
  sheet.columns = USER_COLUMNS.map((spec) => ({ header: spec.header, key: spec.key, width: WIDTHS[spec.key] }));
  // Text, so Excel keeps a registration number as typed (no lost leading zeros, no 1.23E+06).
  sheet.getColumn('registrationNumber').numFmt = '@';
  styleHeader(sheet);
}

/**
 * One validation for a whole range. exceljs merges per-cell validations into ranges after sorting addresses as text
 * (C10 before C2), which writes overlapping ranges that Excel reports as damage; its untyped range form avoids that.
 */
function validateRange(sheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
    range,
    validation,
  );
}

function addUsersSheet(workbook: ExcelJS.Workbook, titleCount: number): void {
  const sheet = workbook.addWorksheet('Users', { properties: { tabColor: { argb: NHS_BLUE } } });
  addColumns(sheet);
  const col = (key: UserColumn) => USER_COLUMNS.findIndex((c) => c.key === key) + 1;
  const rows = (key: UserColumn) => {
    const letter = sheet.getColumn(col(key)).letter;
    return `${letter}2:${letter}${MAX_USER_ROWS + 1}`;
  };
  // A warning, not a stop: a title outside the list is allowed and the helpdesk decides its role.
  validateRange(sheet, rows('jobTitle'), {
    type: 'list',
    allowBlank: true,
    formulae: [`Lists!$A$2:$A$${titleCount + 1}`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Not a UCP job title',
    error: 'This title is not in the list. You can keep it: the helpdesk will decide which access it gives.',
  });
  validateRange(sheet, rows('professionalBody'), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${BODY_CHOICES.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Professional body',
    error: `Please pick one of: ${BODY_CHOICES.join(', ')}.`,
  });
  validateRange(sheet, rows('confirmAppropriateUse'), {
    type: 'list',
    allowBlank: true,
    formulae: ['"Yes,No"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Confirm appropriate use',
    error: 'Please pick Yes or No, or leave it empty for NHSmail, nhs.uk and gov.uk addresses.',
  });
}

function addExampleSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Example', { properties: { tabColor: { argb: 'FF768692' } } });
  addColumns(sheet);
  for (const example of EXAMPLE_USERS) {
    const row = sheet.addRow(example);
    row.font = { italic: true, color: { argb: 'FF425563' } };
  }
  const note = sheet.getCell(`A${EXAMPLE_USERS.length + 3}`);
  note.value = 'These two rows only show how to fill in the Users sheet. They are not read: please do not copy them into it.';
  note.font = { bold: true };
}

function addListsSheet(workbook: ExcelJS.Workbook, titles: readonly string[]): void {
  const sheet = workbook.addWorksheet('Lists', { state: 'veryHidden' });
  sheet.getCell('A1').value = 'Job titles';
  titles.forEach((title, i) => {
    sheet.getCell(`A${i + 2}`).value = title;
  });
}

function instructions(): string[][] {
  const clinical = jobTitles.titles.filter((t) => t.role === 'Clinical').map((t) => t.title);
  const bodies = REGISTRATION_BODIES.map(registrationBodyName).join(', ');
  return [
    ['Asking for Universal Care Plan (UCP) access for 10 or more staff'],
    [
      'Use this spreadsheet when you ask for UCP access for ten or more members of staff at once. For fewer people, the assistant in Teams asks about each person one by one.',
    ],
    [''],
    ['How to fill it in'],
    ['1. Go to the Users sheet. Put one person on each row, starting on row 2, under the headings. Please leave the headings as they are.'],
    [
      '2. Job title: pick it from the list if you can. The title decides what the person can do in the UCP: Clinical (read and edit), Non-Clinical (fill in most sections; submit only non-clinical ones) or Urgent Care (view only). If their title is not in the list, type it in: the helpdesk will decide.',
    ],
    [
      `3. Clinical staff must be registered with a professional body. For them, fill in "Professional body" and "Registration number". The bodies we can check are: ${bodies}. These job titles have clinical access: ${clinical.join(', ')}.`,
    ],
    [
      "4. Work e-mail: each person's own work address. These are accepted straight away: NHSmail addresses (ending @nhs.net), other NHS addresses (ending nhs.uk), government addresses (ending gov.uk) and addresses on the NHS secure e-mail accredited list.",
    ],
    [
      '5. Personal addresses (such as Gmail, Hotmail, Outlook.com, Yahoo or iCloud) and shared mailboxes (such as info@, admin@, office@ or enquiries@) cannot be used: each account belongs to one person.',
    ],
    [
      '6. Any other work address (for example one at your care home\'s own web address) can be used if you confirm that it is the person\'s own work address and will be used only for the direct care of the people you look after: put Yes in "Confirm appropriate use". Leave that column empty for NHSmail, nhs.uk and gov.uk addresses.',
    ],
    [`7. You can list up to ${MAX_USER_ROWS} people in one spreadsheet. If you have more, please send them in more than one file.`],
    ['8. The Example sheet shows two filled-in rows. They are only examples and are never read.'],
    [''],
    ['Sending it'],
    [
      'Save the file as an Excel workbook (.xlsx) and send it to the UCP onboarding assistant in your Teams chat, using the paperclip (Attach) button. The assistant checks every row and tells you which ones, if any, need changing. Nothing goes to the helpdesk until every row is right.',
    ],
    [''],
    ['Please list only staff who need the UCP for the direct care of the people you look after.'],
  ];
}

function addInstructionsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Instructions');
  sheet.getColumn(1).width = 110;
  sheet.addRows(instructions());
  sheet.eachRow((row, n) => {
    row.alignment = { wrapText: true, vertical: 'top' };
    const text = String(row.getCell(1).value ?? '');
    if (n === 1) row.font = { bold: true, size: 14, color: { argb: NHS_BLUE } };
    else if (text === 'How to fill it in' || text === 'Sending it') {
      row.font = { bold: true };
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PALE_BLUE } };
    }
  });
}

/** Used to serve the template (GET /templates/ucp-multiple-users.xlsx); the content only changes with the reference data, so build it once. */
export async function buildUsersTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'UCP onboarding assistant';
  workbook.title = 'UCP multiple user access request';
  const titles = jobTitles.titles.map((t) => t.title).sort((a, b) => a.localeCompare(b, 'en'));
  addInstructionsSheet(workbook);
  addUsersSheet(workbook, titles.length);
  addExampleSheet(workbook);
  addListsSheet(workbook, titles);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
