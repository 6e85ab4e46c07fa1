import { describe, expect, it } from '@jest/globals';
import { validateUserRows } from '../../../data/imports/usersSheet.js';
import { formatRowReport, MORE_PROBLEMS } from '../../../data/imports/usersSheetReport.js';
import type { UserSheetRow } from '../../../data/imports/usersSheetColumns.js';
import { accreditedDomainSet } from '../../../data/rules/email.js';

const policy = { accreditedDomains: accreditedDomainSet(['carehomes-secure.org.uk']) };

function row(overrides: Partial<UserSheetRow> = {}): UserSheetRow {
  return {
    row: 2,
    firstName: 'Amara',
    lastName: 'Okafor',
    jobTitle: 'Care Manager',
    email: 'amara.okafor@nhs.net',
    professionalBody: '',
    registrationNumber: '',
    confirmAppropriateUse: '',
    ...overrides,
  };
}

function one(overrides: Partial<UserSheetRow>) {
  return validateUserRows([row(overrides)], policy).rows[0];
}

describe('checking the rows of the multiple-user spreadsheet', () => {
  it('turns a good row into the user the request will carry', () => {
    expect(one({})).toEqual({
      row: 2,
      ok: true,
      problems: [],
      notes: [],
      user: { name: 'Amara Okafor', jobTitle: 'Care Manager', role: 'Non-Clinical', email: 'amara.okafor@nhs.net' },
    });
  });

  it.each([
    ['a missing first name', { firstName: '' }, 'The first name is missing.'],
    ['a missing last name', { lastName: ' ' }, 'The last name is missing.'],
    ['no name at all', { firstName: '', lastName: '' }, "The person's name is missing."],
    ['a missing job title', { jobTitle: '' }, 'The job title is missing.'],
    ['a missing e-mail', { email: '' }, 'The work e-mail is missing.'],
    ['a very long first name', { firstName: 'A'.repeat(101) }, 'The first name is longer than 100 characters.'],
  ])('refuses %s', (_label, overrides, problem) => {
    const result = one(overrides);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(problem);
    expect(result.user).toBeUndefined();
  });

  it('takes one "Name" column when the sheet has no first and last name', () => {
    expect(one({ firstName: '', lastName: '', fullName: ' Amara  Okafor ' }).user?.name).toBe('Amara Okafor');
  });

  it('keeps an unknown job title for the helpdesk to decide, with the nearest titles, and does not count it as an error', () => {
    const result = one({ jobTitle: 'Carer' });
    expect(result.ok).toBe(true);
    expect(result.user).toMatchObject({ jobTitle: 'Carer', role: null });
    expect(result.notes.join(' ')).toContain('the helpdesk will decide');
  });

  it('uses the UCP title for a known other name, and says so', () => {
    const result = one({ jobTitle: 'RGN', professionalBody: 'NMC', registrationNumber: '12A3456E' });
    expect(result.user).toMatchObject({ jobTitle: 'Nurse', role: 'Clinical' });
    expect(result.notes).toEqual(['"RGN" was taken as Nurse (Clinical access).']);
  });

  describe('clinical staff', () => {
    it('need a registration number', () => {
      const result = one({ jobTitle: 'Nurse' });
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toBe(
        'A Nurse has clinical access, so we need their Nursing and Midwifery Council (NMC) registration number in the "Registration number" column.',
      );
    });

    it('have the number checked against the body given', () => {
      const result = one({ jobTitle: 'Nurse', professionalBody: 'nmc', registrationNumber: '1234567' });
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toMatch(
        /^Registration number "1234567": That doesn't look like a Nursing and Midwifery Council \(NMC\) number/,
      );
    });

    it('accept the body written out in full, and a number tidied of spaces and labels', () => {
      const result = one({
        jobTitle: 'Occupational Therapist',
        professionalBody: 'Health and Care Professions Council',
        registrationNumber: 'ot 12345',
      });
      expect(result.user?.registration).toEqual({ body: 'HCPC', number: 'OT12345' });
    });

    it('get the body from the number when only one body fits, and are told', () => {
      const result = one({ jobTitle: 'Nurse', registrationNumber: '12a3456e' });
      expect(result.user?.registration).toEqual({ body: 'NMC', number: '12A3456E' });
      expect(result.notes.join(' ')).toContain('Nursing and Midwifery Council');
    });

    it('are asked for the body when the number could belong to more than one', () => {
      const result = one({ jobTitle: 'Carer', registrationNumber: '1234567' });
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toContain('Please say which professional body');
    });

    it('refuse a body we do not know', () => {
      expect(one({ jobTitle: 'Nurse', professionalBody: 'RCN', registrationNumber: '12A3456E' }).problems[0]).toBe(
        '"RCN" in "Professional body" is not one we know. Please use NMC, GMC, HCPC, GPhC, GDC or Social Work England.',
      );
    });
  });

  it('leaves out a wrong registration number that a non-clinical role does not need, without holding the row back', () => {
    const result = one({ jobTitle: 'Care Manager', registrationNumber: 'abc' });
    expect(result.ok).toBe(true);
    expect(result.user?.registration).toBeUndefined();
    expect(result.notes).toEqual([
      'A Care Manager doesn\'t need a registration number, and "abc" couldn\'t be checked, so we left it out.',
    ]);
  });

  describe('e-mail addresses', () => {
    it('refuse a personal address with a reason', () => {
      expect(one({ email: 'jane@gmail.com' }).problems[0]).toMatch(/^The e-mail jane@gmail\.com is a personal address\./);
    });

    it('refuse a shared mailbox', () => {
      expect(one({ email: 'info@sunnyviewcare.co.uk', confirmAppropriateUse: 'Yes' }).problems[0]).toMatch(/looks like a shared mailbox/);
    });

    it('refuse an address that is not complete, quoting it', () => {
      expect(one({ email: 'amara.okafor' }).problems[0]).toMatch(
        /^The e-mail "amara\.okafor" can't be used\. An e-mail address needs an @/,
      );
    });

    it('need Yes in the confirmation column for a domain outside the accepted list', () => {
      expect(one({ email: 'amara@sunnyviewcare.co.uk' }).problems[0]).toContain('put Yes in the "Confirm appropriate use" column');
      expect(one({ email: 'amara@sunnyviewcare.co.uk', confirmAppropriateUse: 'No' }).problems[0]).toMatch(/^You put No/);
      expect(one({ email: 'amara@sunnyviewcare.co.uk', confirmAppropriateUse: 'yes' }).user).toMatchObject({ emailConfirmed: true });
    });

    it('accept an accredited domain without confirmation', () => {
      const result = one({ email: 'amara@carehomes-secure.org.uk' });
      expect(result.ok).toBe(true);
      expect(result.user?.emailConfirmed).toBeUndefined();
    });

    it('refuse the same address on two rows, naming the other row on each', () => {
      const report = validateUserRows(
        [
          row({ row: 4 }),
          row({ row: 5, firstName: 'Ben', email: 'ben@nhs.net' }),
          row({ row: 9, firstName: 'Amy', email: 'AMARA.OKAFOR@nhs.net ' }),
        ],
        policy,
      );
      expect(report.rows.map((r) => r.ok)).toEqual([false, true, false]);
      expect(report.rows[0].problems).toContain('The e-mail amara.okafor@nhs.net is also on row 9. Each person needs their own address.');
      expect(report.rows[2].problems.join(' ')).toContain('is also on row 4');
      expect(report).toMatchObject({ okCount: 1, badCount: 2 });
    });

    it('name at most three other rows sharing an address, then count the rest, so 500 such rows make a short report', () => {
      const rows = Array.from({ length: 500 }, (_, i) => row({ row: i + 2, firstName: `Person${i}` }));
      const report = validateUserRows(rows, policy);
      expect(report.badCount).toBe(500);
      expect(report.rows[0].problems).toEqual([
        'The e-mail amara.okafor@nhs.net is also on rows 3, 4, 5 and 496 more. Each person needs their own address.',
      ]);
      expect(report.rows[2].problems).toEqual([
        'The e-mail amara.okafor@nhs.net is also on rows 2, 3, 5 and 496 more. Each person needs their own address.',
      ]);
      const all = formatRowReport(report);
      expect(Buffer.byteLength(all)).toBeLessThan(20 * 1024);
      expect(formatRowReport(report, { maxProblemRows: 500 }).split('\n').at(-1)).toBe(MORE_PROBLEMS);
      expect(Buffer.byteLength(formatRowReport(report, { maxProblemRows: 500 }))).toBeLessThan(20 * 1024);
    });

    it('refuse a row repeating the address of someone already given one by one, saying what to do', () => {
      const report = validateUserRows([row({ row: 2 }), row({ row: 3, firstName: 'Ben', email: 'ben@nhs.net' })], policy, {
        listedEmails: ['Amara.Okafor@nhs.net'],
      });
      expect(report.rows.map((r) => r.ok)).toEqual([false, true]);
      expect(report.rows[0].problems).toEqual([
        'The e-mail amara.okafor@nhs.net is already on this request for someone you gave me one by one. If it is the same person, delete this row; if not, each person needs their own address.',
      ]);
    });
  });

  it("refuses a row copied from the template's example", () => {
    const result = one({
      firstName: 'Example',
      lastName: 'Nurse',
      jobTitle: 'Nurse',
      email: 'example.nurse@nhs.net',
      professionalBody: 'NMC',
      registrationNumber: '12A3456E',
    });
    expect(result.problems).toEqual(['This is the example from the template. Please delete this row.']);
  });

  it('lists every problem of a row, not only the first', () => {
    expect(one({ lastName: '', jobTitle: 'Nurse', email: 'x@hotmail.com' }).problems).toHaveLength(3);
  });

  it('keeps what a person typed as plain text, markup and ${…} included, and cuts it when it is very long', () => {
    const typed = '${process.env.SECRET} <b>Head</b> of Fun';
    expect(one({ jobTitle: typed }).notes[0]).toContain(`"${typed}"`);
    const long = one({ email: `${'a'.repeat(300)}@nhs.net` }).problems[0];
    expect(long.length).toBeLessThan(250);
    expect(long).toContain('…');
  });

  it('strips invisible characters pasted in with a name', () => {
    expect(one({ firstName: 'Am\u200Bara\u0007', lastName: 'Okafor\t' }).user?.name).toBe('Am ara Okafor');
  });
});

describe("the spreadsheet refuses the home's shared mailboxes and has role addresses checked (issue 11 point 1)", () => {
  const sunnyview = { ...policy, organisation: { name: 'Sunnyview Care Home', odsCode: 'VABC1' } };
  const sheetRow = (overrides: Partial<UserSheetRow>) => validateUserRows([row(overrides)], sunnyview).rows[0];

  it.each([
    ['n1sunnyview.vabc1@nhs.net', /ODS code \(VABC1\)/],
    ['sunnyview.nurse@nhs.net', /named after your organisation \(Sunnyview Care Home\)/],
    ['nurse@nhs.net', /"nurse" is a job, not a person/],
  ])('refuses %s, saying why, even with Yes in "Confirm appropriate use"', (email, why) => {
    const result = sheetRow({ email, confirmAppropriateUse: 'Yes' });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/looks like a shared mailbox/);
    expect(result.problems[0]).toMatch(why);
    expect(result.problems[0]).toContain('e-mails a code to their address');
  });

  it('keeps an ordinary NHSmail address of a person at the same home', () => {
    expect(sheetRow({ email: 'amara.okafor@nhs.net' }).ok).toBe(true);
  });

  it('asks for Yes before taking a role word beside a name, and then marks it for the helpdesk to check', () => {
    const unconfirmed = sheetRow({ email: 'jane.nurse@nhs.net' });
    expect(unconfirmed.ok).toBe(false);
    expect(unconfirmed.problems[0]).toContain('put Yes in the "Confirm appropriate use" column');
    const confirmed = sheetRow({ email: 'jane.nurse@nhs.net', confirmAppropriateUse: 'Yes' });
    expect(confirmed.ok).toBe(true);
    expect(confirmed.user).toMatchObject({ email: 'jane.nurse@nhs.net', emailCheck: expect.stringContaining('"nurse"') });
    expect(confirmed.user?.emailConfirmed).toBeUndefined();
  });

  it('refuses a personal ISP subdomain and lets a btconnect business address through with Yes', () => {
    expect(sheetRow({ email: 'amara@okafor.plus.com', confirmAppropriateUse: 'Yes' }).problems[0]).toMatch(/is a personal address/);
    expect(sheetRow({ email: 'amara@btconnect.com', confirmAppropriateUse: 'Yes' }).ok).toBe(true);
  });
});
