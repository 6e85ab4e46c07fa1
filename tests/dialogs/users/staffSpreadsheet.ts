/** A filled-in multiple-user spreadsheet (the real template, filled with exceljs), and a small HTTP server that serves it as Teams' file store would. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import ExcelJS from 'exceljs';
import { buildUsersTemplate } from '../../../bot/spreadsheet/usersTemplate.js';
import { USER_COLUMNS, type UserColumn } from '../../../data/imports/usersSheetColumns.js';

/** One person as typed into the sheet: text, or what Excel may store instead (a number, an e-mail link). */
export type StaffRow = Partial<Record<UserColumn, ExcelJS.CellValue>>;

/** Twelve staff; rows 7 (a personal address) and 11 (a nurse with no registration number) of the sheet are wrong. */
export const TWELVE_STAFF: readonly StaffRow[] = [
  {
    firstName: 'Amara',
    lastName: 'Okafor',
    jobTitle: 'Nurse',
    email: 'amara.okafor@nhs.net',
    professionalBody: 'NMC',
    registrationNumber: '12A3456E',
  },
  { firstName: 'Ben', lastName: 'Walsh', jobTitle: 'Care Manager', email: 'ben.walsh@nhs.net' },
  {
    firstName: 'Chloe',
    lastName: 'Nguyen',
    jobTitle: 'Staff Nurse',
    email: 'chloe.nguyen@nhs.net',
    professionalBody: 'NMC',
    registrationNumber: '09K1234A',
  },
  {
    firstName: 'Dev',
    lastName: 'Patel',
    jobTitle: 'Clinical Administrator',
    email: 'dev.patel@sunnyviewcare.co.uk',
    confirmAppropriateUse: 'Yes',
  },
  { firstName: 'Ella', lastName: 'Brown', jobTitle: 'Care Manager', email: 'ella.brown@nhs.net' },
  { firstName: 'Jane', lastName: 'Doe', jobTitle: 'Care Manager', email: 'jane@gmail.com' },
  {
    firstName: 'Femi',
    lastName: 'Adeyemi',
    jobTitle: 'General Practitioner',
    email: 'femi.adeyemi@nhs.net',
    professionalBody: 'GMC',
    registrationNumber: '7654321',
  },
  { firstName: 'Grace', lastName: 'Kim', jobTitle: 'Health Care Assistant', email: 'grace.kim@nhs.net' },
  { firstName: 'Harry', lastName: 'Singh', jobTitle: 'Assistant Care Manager', email: 'harry.singh@camden.gov.uk' },
  { firstName: 'Isla', lastName: 'Murphy', jobTitle: 'Nurse', email: 'isla.murphy@nhs.net' },
  { firstName: 'Jack', lastName: "O'Neil", jobTitle: 'Care Manager', email: 'jack.oneil@nhs.net' },
  {
    firstName: 'Kemi',
    lastName: 'Bello',
    jobTitle: 'District Nurse',
    email: 'kemi.bello@nhs.net',
    professionalBody: 'NMC',
    registrationNumber: '15C7788F',
  },
];

/** The same twelve with both rows put right. */
export const TWELVE_STAFF_FIXED: readonly StaffRow[] = TWELVE_STAFF.map((row) => {
  if (row.email === 'jane@gmail.com') return { ...row, email: 'jane.doe@nhs.net' };
  if (row.email === 'isla.murphy@nhs.net') return { ...row, professionalBody: 'NMC', registrationNumber: '22B4455C' };
  return row;
});

/** The template as the bot hands it out, filled in with these rows from row 2. */
export async function staffWorkbook(rows: readonly StaffRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildUsersTemplate()) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Users');
  if (!sheet) throw new Error('the template has no Users sheet');
  const headings = (sheet.getRow(1).values as unknown[]).map(String);
  rows.forEach((person, i) => {
    const row = sheet.getRow(i + 2);
    for (const spec of USER_COLUMNS)
      if (person[spec.key] !== undefined) row.getCell(headings.indexOf(spec.header)).value = person[spec.key];
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Files served over real HTTP on 127.0.0.1, by path. */
export interface FileServer {
  url(path: string): string;
  serve(path: string, body: Buffer): void;
  readonly requests: number;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, Buffer>();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    const body = files.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, body) => files.set(path, body),
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Teams message carrying one file, as Teams sends it in a 1:1 chat. */
export function fileMessage(downloadUrl: string, name = 'staff.xlsx'): Partial<Activity> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        content: { downloadUrl, uniqueId: 'x', fileType: name.split('.').pop() },
      },
    ],
  };
}
