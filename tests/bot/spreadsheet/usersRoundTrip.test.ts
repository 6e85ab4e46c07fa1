import { describe, expect, it } from '@jest/globals';
import { validateUserRows } from '../../../data/imports/usersSheet.js';
import { formatRowReport } from '../../../data/imports/usersSheetReport.js';
import { accreditedDomainSet } from '../../../data/rules/email.js';
import { readUsersWorkbook } from '../../../bot/spreadsheet/readUsersWorkbook.js';
import { staffWorkbook, type StaffRow } from '../../dialogs/users/staffSpreadsheet.js';

const policy = { accreditedDomains: accreditedDomainSet(['carehomes-secure.org.uk']) };

/** Twelve staff as a manager would type them; rows 7 and 11 of the sheet are wrong. */
const STAFF: readonly StaffRow[] = [
  {
    firstName: 'Amara',
    lastName: 'Okafor',
    jobTitle: 'Nurse',
    email: 'amara.okafor@nhs.net',
    professionalBody: 'NMC',
    registrationNumber: '12A3456E',
  },
  // Excel turns a typed address into a mailto: link.
  {
    firstName: 'Ben',
    lastName: 'Walsh',
    jobTitle: 'Care Manager',
    email: { text: 'ben.walsh@nhs.net', hyperlink: 'mailto:ben.walsh@nhs.net' },
  },
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
  { firstName: 'Ella', lastName: 'Brown', jobTitle: 'Activities Coordinator', email: 'ella.brown@nhs.net' },
  // Row 7: a personal address.
  { firstName: 'Jane', lastName: 'Doe', jobTitle: 'Care Manager', email: 'jane@gmail.com' },
  {
    firstName: 'Femi',
    lastName: 'Adeyemi',
    jobTitle: 'General Practitioner',
    email: 'femi.adeyemi@nhs.net',
    professionalBody: 'GMC',
    registrationNumber: 7654321,
  },
  {
    firstName: 'Grace',
    lastName: 'Kim',
    jobTitle: 'Occupational Therapist',
    email: 'grace.kim@carehomes-secure.org.uk',
    professionalBody: 'HCPC',
    registrationNumber: 'OT12345',
  },
  { firstName: 'Harry', lastName: 'Singh', jobTitle: 'Assistant Care Manager', email: 'harry.singh@camden.gov.uk' },
  // Row 11: a nurse with no registration number.
  { firstName: 'Isla', lastName: 'Murphy', jobTitle: 'Nurse', email: 'isla.murphy@nhs.net' },
  { firstName: 'Jack', lastName: "O'Neil", jobTitle: 'Care Manager', email: 'jack.oneil@nhs.net' },
  { firstName: 'Kemi', lastName: 'Bello', jobTitle: 'District Nurse', email: 'kemi.bello@nhs.net', registrationNumber: '15C7788F' },
];

describe('the multiple-user spreadsheet, end to end through a real xlsx file', () => {
  it('reads back twelve people from the filled-in template: ten ready, two to fix, with their row numbers and reasons', async () => {
    const read = await readUsersWorkbook(await staffWorkbook(STAFF));
    if (!read.ok) throw new Error(read.message);
    expect(read.sheetName).toBe('Users');
    expect(read.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);

    const report = validateUserRows(read.rows, policy);
    expect(report.okCount).toBe(10);
    expect(report.badCount).toBe(2);
    expect(report.rows.filter((r) => !r.ok).map((r) => r.row)).toEqual([7, 11]);
    expect(report.rows.find((r) => r.row === 7)?.problems.join(' ')).toContain('jane@gmail.com is a personal address');
    expect(report.rows.find((r) => r.row === 11)?.problems.join(' ')).toContain('registration number');

    const users = report.rows.flatMap((r) => r.user ?? []);
    expect(users.find((u) => u.name === 'Femi Adeyemi')).toMatchObject({
      role: 'Clinical',
      registration: { body: 'GMC', number: '7654321' },
    });
    expect(users.find((u) => u.name === 'Dev Patel')).toMatchObject({ role: 'Non-Clinical', emailConfirmed: true });
    expect(users.find((u) => u.name === 'Ben Walsh')?.email).toBe('ben.walsh@nhs.net');
    expect(users.find((u) => u.name === 'Ella Brown')).toMatchObject({ role: null, jobTitle: 'Activities Coordinator' });
    expect(users.find((u) => u.name === 'Kemi Bello')?.registration).toEqual({ body: 'NMC', number: '15C7788F' });

    const text = formatRowReport(report);
    expect(text.split('\n')[0]).toBe('10 people are ready; 2 rows need changing before we can send the request:');
    expect(text).toMatch(/^Row 7: The e-mail jane@gmail\.com is a personal address/m);
    expect(text).toMatch(
      /^Row 11: A Nurse has clinical access, so we need their Nursing and Midwifery Council \(NMC\) registration number/m,
    );
    expect(text).toMatch(/^Row 6: "Activities Coordinator" is not one of the UCP's job titles/m);
  });
});
