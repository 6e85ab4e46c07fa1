import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { readUsersWorkbook } from '../../../bot/spreadsheet/readUsersWorkbook.js';

type Cell = ExcelJS.CellValue;

async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((cells, i) => {
      cells.forEach((value, j) => {
        if (value !== undefined) sheet.getCell(i + 1, j + 1).value = value;
      });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const HEADINGS = ['First name', 'Last name', 'Job title', 'Work e-mail'];
const PERSON = ['Amara', 'Okafor', 'Care Manager', 'amara.okafor@nhs.net'];

describe('reading a filled-in users workbook', () => {
  it("reads headings in any order, case or spelling, and keeps each row's spreadsheet number", async () => {
    const file = await workbook({
      Users: [
        ['Staff for Sunnyview Care Home'],
        [],
        ['E-MAIL ADDRESS', 'Surname', 'forename', 'Job role', 'NMC PIN', 'Regulator', 'Appropriate use?'],
        ['amara.okafor@nhs.net', 'Okafor', 'Amara', 'Nurse', '12A3456E', 'NMC', 'Yes'],
      ],
    });
    expect(await readUsersWorkbook(file)).toEqual({
      ok: true,
      sheetName: 'Users',
      rows: [
        {
          row: 4,
          firstName: 'Amara',
          lastName: 'Okafor',
          jobTitle: 'Nurse',
          email: 'amara.okafor@nhs.net',
          professionalBody: 'NMC',
          registrationNumber: '12A3456E',
          confirmAppropriateUse: 'Yes',
        },
      ],
    });
  });

  it('skips empty rows in the middle and at the end, and rows with only formatting', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('users');
    sheet.addRow(HEADINGS);
    sheet.addRow(PERSON);
    sheet.addRow([]);
    sheet.addRow(['Ben', 'Walsh', 'Care Manager', 'ben.walsh@nhs.net']);
    for (let r = 5; r <= 40; r += 1) sheet.getCell(`A${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    sheet.getCell('A41').value = '   ';
    const read = await readUsersWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.ok && read.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('reads e-mail links, rich text, formulas and numbers as the text a person sees', async () => {
    const file = await workbook({
      Users: [
        [...HEADINGS, 'Registration number'],
        [
          { richText: [{ text: 'Am' }, { text: 'ara', font: { bold: true } }] },
          { formula: 'PROPER("okafor")', result: 'Okafor' },
          'Consultant Medical',
          { text: 'amara.okafor@nhs.net', hyperlink: 'mailto:amara.okafor@nhs.net' },
          1234567,
        ],
      ],
    });
    const read = await readUsersWorkbook(file);
    expect(read.ok && read.rows[0]).toMatchObject({
      firstName: 'Amara',
      lastName: 'Okafor',
      email: 'amara.okafor@nhs.net',
      registrationNumber: '1234567',
    });
  });

  it('accepts one Name column instead of first and last name', async () => {
    const read = await readUsersWorkbook(
      await workbook({
        Users: [
          ['Name', 'Job title', 'Email'],
          ['Amara Okafor', 'Nurse', 'a@nhs.net'],
        ],
      }),
    );
    expect(read.ok && read.rows[0]).toMatchObject({ fullName: 'Amara Okafor', firstName: '', lastName: '' });
  });

  it('finds the list on a sheet with another name when there is no Users sheet, but never on the Example sheet', async () => {
    const read = await readUsersWorkbook(
      await workbook({ Example: [HEADINGS, ['Example', 'Nurse', 'Nurse', 'example.nurse@nhs.net']], 'Sheet 1': [HEADINGS, PERSON] }),
    );
    expect(read).toMatchObject({ ok: true, sheetName: 'Sheet 1' });
  });

  it.each([
    ['a text file', Buffer.from('First name,Last name\nAmara,Okafor\n'), 'notXlsx', "isn't an Excel workbook"],
    ['a damaged zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]), 'notXlsx', "isn't an Excel workbook"],
    [
      'an old .xls or password-protected file',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      'protected',
      'password',
    ],
  ])('refuses %s with a plain message', async (_label, file, reason, words) => {
    const read = await readUsersWorkbook(file);
    expect(read).toMatchObject({ ok: false, reason });
    expect(!read.ok && read.message).toContain(words);
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = await storedZip('hello.txt', Buffer.from('hello'));
    expect(await readUsersWorkbook(zip)).toMatchObject({ ok: false, reason: 'notXlsx' });
  });

  it('refuses a workbook with no recognisable headings', async () => {
    const read = await readUsersWorkbook(
      await workbook({
        Users: [
          ['Who', 'What'],
          ['Amara', 'Nurse'],
        ],
      }),
    );
    expect(read).toMatchObject({ ok: false, reason: 'noSheet' });
    expect(!read.ok && read.message).toContain('Users sheet');
  });

  it('names the columns that are missing', async () => {
    const read = await readUsersWorkbook(await workbook({ Users: [['First name', 'Last name', 'Work e-mail'], PERSON] }));
    expect(read).toEqual({
      ok: false,
      reason: 'missingColumns',
      message: 'The Users sheet has no "Job title" column. Please keep the headings from the template in the first row and send it again.',
    });
  });

  it('refuses more than 500 people, and takes exactly 500', async () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => ['P', `${i}`, 'Nurse', `p${i}@nhs.net`]);
    expect(await readUsersWorkbook(await workbook({ Users: [HEADINGS, ...people(501)] }))).toMatchObject({
      ok: false,
      reason: 'tooManyRows',
    });
    const read = await readUsersWorkbook(await workbook({ Users: [HEADINGS, ...people(500)] }));
    expect(read.ok && read.rows).toHaveLength(500);
  });

  it('refuses a small file that would unpack to something huge, before loading it', async () => {
    const bomb = await deflatedZip('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const read = await readUsersWorkbook(bomb);
    expect(read).toMatchObject({ ok: false, reason: 'tooBig' });
  });
});

/** A one-file zip, built by hand so the test controls exactly what its directory declares. */
function zipOf(name: string, data: Buffer, method: 0 | 8, stored: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(stored.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(stored.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const directoryStart = local.length + nameBytes.length + stored.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryStart, 16);
  return Buffer.concat([local, nameBytes, stored, central, nameBytes, end]);
}

async function storedZip(name: string, data: Buffer): Promise<Buffer> {
  return zipOf(name, data, 0, data);
}

async function deflatedZip(name: string, data: Buffer): Promise<Buffer> {
  return zipOf(name, data, 8, deflateRawSync(data, { level: 9 }));
}
