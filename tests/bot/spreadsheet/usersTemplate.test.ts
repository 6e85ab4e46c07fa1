import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { USER_COLUMNS, EXAMPLE_USERS } from '../../../data/imports/usersSheetColumns.js';
import { jobTitles } from '../../../data/reference/index.js';
import { readUsersWorkbook } from '../../../bot/spreadsheet/readUsersWorkbook.js';
import { buildUsersTemplate } from '../../../bot/spreadsheet/usersTemplate.js';

/** One file of a zip, found through its central directory (a test's own reader, independent of exceljs). */
function unzipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n -= 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.subarray(at + 46, at + 46 + nameLength).toString();
    if (entryName === name) {
      const local = zip.readUInt32LE(at + 42);
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const stored = zip.subarray(data, data + zip.readUInt32LE(at + 20));
      return (zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(stored) : stored).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the zip`);
}

async function template(): Promise<{ file: Buffer; workbook: ExcelJS.Workbook }> {
  const file = await buildUsersTemplate();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return { file, workbook };
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no ${name} sheet`);
  return found;
}

describe('the multiple-user spreadsheet template', () => {
  it('is a real xlsx with Instructions first, then Users, Example and a hidden Lists sheet', async () => {
    const { file, workbook } = await template();
    expect(file.subarray(0, 2).toString()).toBe('PK');
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Instructions', 'visible'],
      ['Users', 'visible'],
      ['Example', 'visible'],
      ['Lists', 'veryHidden'],
    ]);
  });

  it('has the headings a manager expects on the Users sheet, bold, with a note each, frozen at the top', async () => {
    const users = sheet((await template()).workbook, 'Users');
    const header = users.getRow(1);
    expect(USER_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual([
      'First name',
      'Last name',
      'Job title',
      'Work e-mail',
      'Professional body',
      'Registration number',
      'Confirm appropriate use',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(String(header.getCell(4).note)).toContain('NHSmail');
    expect(users.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(users.actualRowCount).toBe(1);
  });

  it('offers drop-downs: every UCP job title (others allowed with a warning), the professional bodies, and Yes/No', async () => {
    const { workbook } = await template();
    const users = sheet(workbook, 'Users');
    const lists = sheet(workbook, 'Lists');
    for (const row of [2, 501]) {
      expect(users.getCell(`C${row}`).dataValidation).toMatchObject({
        type: 'list',
        formulae: [`Lists!$A$2:$A$${jobTitles.titles.length + 1}`],
        errorStyle: 'warning',
      });
      expect(users.getCell(`E${row}`).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"NMC,GMC,HCPC,GPhC,GDC,Social Work England"'],
      });
      expect(users.getCell(`G${row}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });
    }
    const listed = Array.from({ length: jobTitles.titles.length }, (_, i) => lists.getCell(`A${i + 2}`).value);
    expect(new Set(listed)).toEqual(new Set(jobTitles.titles.map((t) => t.title)));
  });

  it('writes one validation per column, with no overlapping ranges (Excel calls those damage)', async () => {
    const xml = unzipEntry((await template()).file, 'xl/worksheets/sheet2.xml');
    expect([...xml.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(['C2:C501', 'E2:E501', 'G2:G501']);
  });

  it('keeps registration numbers as text so Excel does not mangle them', async () => {
    expect(sheet((await template()).workbook, 'Users').getColumn(6).numFmt).toBe('@');
  });

  it('explains in plain English who is clinical, which e-mails are accepted and the most rows', async () => {
    const instructions = sheet((await template()).workbook, 'Instructions');
    const text = (instructions.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('These job titles have clinical access: Nurse');
    expect(text).toContain('@nhs.net');
    expect(text).toContain('Gmail');
    expect(text).toContain('info@');
    expect(text).toContain('Confirm appropriate use');
    expect(text).toContain('up to 500 people');
    expect(text).toContain('only examples');
  });

  it('shows the examples on their own sheet, and reading the untouched template finds no one', async () => {
    const { file, workbook } = await template();
    const example = sheet(workbook, 'Example');
    expect(example.getCell('A2').value).toBe(EXAMPLE_USERS[0].firstName);
    expect(example.getCell('D3').value).toBe(EXAMPLE_USERS[1].email);
    expect(await readUsersWorkbook(file)).toMatchObject({ ok: false, reason: 'empty' });
  });
});
