import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdminIn } from '../../helpers/adminRunner.js';
import { openLowdbStore } from '../../../data/store/lowdbStore.js';

const LEAD = '3f2a1b4c-0000-4000-8000-000000000001';
const AGENT = '9c1e2d3f-0000-4000-8000-000000000002';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-admin-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const admin = (...argv: string[]) => runAdminIn(dir, ...argv);

async function json<T = Record<string, unknown>>(...argv: string[]): Promise<T> {
  const result = await admin(...argv, '--json');
  expect(result).toMatchObject({ code: 0, err: '' });
  return JSON.parse(result.out) as T;
}

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

/** The reference lists the data folder holds, read through the store as the bot would. */
async function referenceLists() {
  const store = await openLowdbStore({ dir });
  try {
    return {
      dpiaRegister: await store.reference.dpiaRegister(),
      dsptStatuses: await store.reference.dsptStatuses(),
      bankHolidays: await store.reference.bankHolidays(),
    };
  } finally {
    await store.close();
  }
}

describe('admin CLI: rule look-ups', () => {
  it('gives the role for a job title in the table, with the registration it needs', async () => {
    expect(await json('role', 'Staff Nurse')).toMatchObject({
      kind: 'exact',
      title: 'Staff Nurse',
      role: 'Clinical',
      needsRegistration: true,
      registrationBodies: ['NMC'],
    });
  });

  it('reads a common abbreviation as its title and says so', async () => {
    expect(await json('role', 'RGN')).toMatchObject({ kind: 'alias', alias: 'RGN', title: 'Nurse', role: 'Clinical' });
    expect((await admin('role', 'HCA')).out).toBe('"HCA" is read as "Health Care Assistant": role Non-Clinical.');
  });

  it('never guesses a title that is not in the table: it offers the nearest and leaves it to the helpdesk', async () => {
    const result = await json<{ kind: string; suggestions: string[]; message: string }>('role', 'Senior Carer');
    expect(result.kind).toBe('unknown');
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.message).toMatch(/helpdesk/i);
  });

  it('accepts an nhs.net address, refuses a personal one and asks for confirmation for another organisation', async () => {
    expect(await json('email', 'jane.smith@nhs.net')).toMatchObject({ outcome: 'accepted', rule: 'nhs.net' });
    expect(await json('email', 'jane.smith@gmail.com')).toMatchObject({ outcome: 'refused', reason: 'personal' });
    expect(await json('email', 'jane.smith@rosecourtcare.co.uk')).toMatchObject({ outcome: 'needsConfirmation' });
  });

  it('accepts a domain outright once the accredited list naming it is imported', async () => {
    const list = file('accredited.csv', 'Organisation Name,Domain\nRose Court,rosecourtcare.co.uk\n');
    expect((await admin('import', 'accredited-domains', list)).code).toBe(0);
    expect(await json('email', 'jane.smith@rosecourtcare.co.uk')).toMatchObject({ outcome: 'accepted', rule: 'accredited' });
  });

  it('says what kind of organisation an ODS code looks like', async () => {
    expect(await json('ods', ' vab12 ')).toMatchObject({ ok: true, code: 'VAB12', kinds: expect.arrayContaining(['socialCareSite']) });
  });

  it('decides eligibility from the flags, with reasons and next steps', async () => {
    const result = await json<{ decision: string; ics: { icbCode: string }; reasons: string[]; nextSteps: string[] }>(
      'eligibility',
      '--type',
      'careHome',
      '--dspt',
      '25/26 Standards Met',
      '--dpia',
      'no',
      '--location',
      'london',
      '--ics',
      'NCL',
      '--ods',
      'VAB12',
    );
    expect(result.decision).toBe('needsIcsApproval');
    expect(result.ics.icbCode).toBe('QMJ');
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.nextSteps.length).toBeGreaterThan(0);
    expect(
      (await json('eligibility', '--type', 'careHome', '--dspt', 'Approaching Standards', '--dpia', 'yes', '--location', 'london'))
        .decision,
    ).toBe('needsDsptFirst');
    expect(
      (await json('eligibility', '--type', 'careHome', '--dspt', 'Standards Met', '--dpia', 'no', '--location', 'outside')).decision,
    ).toBe('needsOwnDpia');
  });

  it('asks an NHS type for its DSPT unless --type-confirmed says the ODS directory gives that type', async () => {
    expect((await json('eligibility', '--type', 'nhsTrust', '--dpia', 'yes', '--location', 'london')).decision).toBe('needsDsptFirst');
    expect(
      (await json('eligibility', '--type', 'nhsTrust', '--type-confirmed', 'yes', '--dpia', 'yes', '--location', 'london')).decision,
    ).toBe('eligible');
  });

  it('adds working hours over Christmas 2026 and prints the answer in UTC and London time', async () => {
    expect(await json('working-hours', 'add', '2026-12-24T16:00:00Z', '2')).toMatchObject({
      resultUtc: '2026-12-29T10:00:00.000Z',
      resultLondon: '2026-12-29T10:00:00+00:00',
      holidays: 'shipped snapshot',
    });
    // Friday 16:30 GMT + 1 h: half an hour on Friday, half an hour on Monday after the clocks went forward.
    expect((await admin('working-hours', 'add', '2026-03-27T16:30:00Z', '1')).out).toBe(
      '2026-03-30T08:30:00.000Z (London: 2026-03-30T09:30:00+01:00)',
    );
  });

  it('warns when the answer lies past the last year whose bank holidays it knows', async () => {
    const result = await json<{ warning: string }>('working-hours', 'add', '2028-12-20T09:00:00Z', '400');
    expect(result.warning).toBe(
      'Bank holidays are known only up to 2028; later ones are counted as working days. Import a newer gov.uk feed.',
    );
  });

  it('counts early 2028 with its bank holidays and no warning', async () => {
    const result = await json<{ resultUtc: string; warning?: string }>('working-hours', 'add', '2027-12-31T16:00:00Z', '2');
    expect(result.resultUtc).toBe('2028-01-04T10:00:00.000Z'); // Mon 3 Jan 2028 is New Year's Day's substitute
    expect(result.warning).toBeUndefined();
  });

  it('uses imported bank holidays once an administrator has imported the gov.uk feed', async () => {
    const feed = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
          { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
          { title: 'Extra day', date: '2026-12-29', notes: '', bunting: true },
        ],
      },
    };
    expect((await admin('import', 'bank-holidays', file('bank-holidays.json', JSON.stringify(feed)))).code).toBe(0);
    expect(await json('working-hours', 'add', '2026-12-24T16:00:00Z', '2')).toMatchObject({
      resultUtc: '2026-12-30T10:00:00.000Z',
      holidays: 'imported',
    });
  });
});

describe('admin CLI: bad input', () => {
  it.each([
    [['email', 'not an address'], /^An e-mail address can't contain spaces/],
    [['working-hours', 'add', '2026-02-30T10:00:00Z', '2'], /^"2026-02-30T10:00:00Z" is not an ISO 8601 instant/],
    [['working-hours', 'add', '2026-12-24T16:00:00Z', '0x10'], /^hours must be a number from 0 to 10000 \(got "0x10"\)$/],
    [['working-hours', 'add', '2026-12-24T16:00:00Z', '1e9'], /^hours must be a number from 0 to 10000/],
    [['ods', '!!'], /ODS code/i],
    [['eligibility', '--dpia', 'yes', '--location', 'london'], /^--type must be one of careHome/],
    [['eligibility', '--type', 'careHome', '--dpia', 'maybe', '--location', 'london'], /^--dpia must be yes or no \(got "maybe"\)$/],
    [
      ['eligibility', '--type', 'nhsTrust', '--type-confirmed', 'sure', '--dpia', 'yes', '--location', 'london'],
      /^--type-confirmed must be yes or no \(got "sure"\)$/,
    ],
    [
      ['eligibility', '--type', 'careHome', '--dpia', 'no', '--location', 'london', '--ics', 'Kent'],
      /^--ics "Kent" is not one of the London ICSs/,
    ],
    [['working-hours', 'add', '2026-12-24 16:00', '2'], /is not an ISO 8601 instant with a time zone/],
    [['working-hours', 'add', '2026-12-24T16:00:00Z', 'two'], /^hours must be a number from 0 to 10000 \(got "two"\)$/],
    [['roster', 'add', 'icsLead', 'not-a-guid', '--ics', 'NCL'], /is not a Teams aadObjectId/],
    [['roster', 'add', 'icsLead', LEAD], /needs --ics/],
    [['roster', 'add', 'helpdeskAgent', AGENT, '--ics', 'NCL'], /--ics applies to icsLead and icsChannel only/],
    [['roster', 'add', 'overlord', AGENT], /unknown roster kind "overlord"/],
    [['import', 'dpia', '/no/such/file.csv'], /cannot read \/no\/such\/file\.csv: no such file/],
    [['import', 'everything', 'x.csv'], /cannot import "everything"/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['role', '--colour', 'red'], /Unknown option '--colour'/],
    [['ods', 'VAB12', 'extra'], /unexpected argument "extra"/],
  ])('%j exits 2 with one line saying what is wrong', async (argv, message) => {
    const result = await admin(...(argv as string[]));
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('exits 2 from the real command line too', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/admin/cli.ts', 'ods', '??'], {
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('admin CLI: rosters', () => {
  it('adds, lists and removes roster entries, auditing each change', async () => {
    expect((await admin('roster', 'add', 'icsLead', LEAD, '--ics', 'North Central London', '--name', 'Jo Lead')).out).toBe(
      `Added ${LEAD} as icsLead for QMJ.`,
    );
    expect((await admin('roster', 'add', 'helpdeskAgent', AGENT)).code).toBe(0);
    expect((await admin('roster', 'add', 'helpdeskChannel', '19:abc@thread.tacv2')).code).toBe(0);
    expect((await admin('roster', 'add', 'helpdeskAgent', AGENT)).out).toMatch(/already on the roster as helpdeskAgent; nothing changed/);

    const leads = await json<Array<{ kind: string; id: string; scope: string; displayName: string }>>('roster', 'list', 'icsLead');
    expect(leads).toEqual([expect.objectContaining({ kind: 'icsLead', id: LEAD, scope: 'QMJ', displayName: 'Jo Lead' })]);
    expect(await json<unknown[]>('roster', 'list')).toHaveLength(3);

    expect((await admin('roster', 'remove', 'helpdeskAgent', AGENT)).code).toBe(0);
    const removedAgain = await admin('roster', 'remove', 'helpdeskAgent', AGENT);
    expect(removedAgain).toMatchObject({ code: 2, err: `${AGENT} is not on the roster as helpdeskAgent; nothing changed` });
    expect(await json<unknown[]>('roster', 'list', 'helpdeskAgent')).toEqual([]);

    const audit = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; actor: string });
    expect(audit.map((e) => e.action)).toEqual(['roster.add', 'roster.add', 'roster.add', 'roster.remove']);
    expect(audit.every((e) => e.actor.startsWith('admin-cli:'))).toBe(true);
  });
});

describe('admin CLI: imports', () => {
  it('imports a DPIA register, replacing only the entries of the ICSs the file names', async () => {
    const first = file('dpia.csv', 'ODS Code,Name,ICS\nVAB12,Rose Court,QMJ\nVAB13,Lime Tree,SEL\n');
    expect((await admin('import', 'dpia', first)).out).toBe(
      `Imported 2 DPIA register entries from ${first}. Replaced the entries of SEL 0 → 1, NCL 0 → 1; other ICSs unchanged.`,
    );
    const second = file('dpia2.csv', 'ODS Code,Name,ICS\nVAB14,Oak House,QMJ\nVAB15,Elm Lodge,QMJ\n');
    expect((await admin('import', 'dpia', second)).out).toBe(
      `Imported 2 DPIA register entries from ${second}. Replaced the entries of NCL 1 → 2; other ICSs unchanged.`,
    );
    expect((await referenceLists()).dpiaRegister).toEqual([
      { odsCode: 'VAB13', name: 'Lime Tree', icbCode: 'QKK' },
      { odsCode: 'VAB14', name: 'Oak House', icbCode: 'QMJ' },
      { odsCode: 'VAB15', name: 'Elm Lodge', icbCode: 'QMJ' },
    ]);
  });

  it('refuses a file with a header and no rows instead of emptying the list', async () => {
    await admin('import', 'dspt', file('dspt.csv', 'Code,Organisation Name,Status\nVAB12,Rose Court,25/26 Standards Met\n'));
    const empty = file('empty.csv', 'Code,Organisation Name,Status\n');
    expect(await admin('import', 'dspt', empty)).toMatchObject({
      code: 2,
      err: `nothing imported: 1 bad row in ${empty}\n  line 1: the file has a header but no rows, so nothing was imported`,
    });
    expect((await referenceLists()).dsptStatuses).toHaveLength(1);
  });

  it('lists every bad bank-holiday entry at the line where it starts in the file', async () => {
    const feed = [
      '{',
      '  "england-and-wales": {',
      '    "division": "england-and-wales",',
      '    "events": [',
      '      {"title": "New Year\u2019s Day", "date": "2026-01-01", "notes": "", "bunting": true},',
      '      {"title": "", "date": "2026-04-03", "notes": "", "bunting": false},',
      '      {"title": "Easter Monday", "date": "2026-04-31", "notes": "", "bunting": true}',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    const result = await admin('import', 'bank-holidays', file('bh.json', feed));
    expect(result.code).toBe(2);
    expect(result.err.split('\n').slice(1)).toEqual([
      '  line 6: Holiday 2 has no name',
      '  line 7: Holiday 3 (Easter Monday) has the date "2026-04-31", which is not a real day written as yyyy-mm-dd',
    ]);
  });

  it('warns when an imported feed does not cover this year and next', async () => {
    const feed = {
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'Christmas Day', date: '2019-12-25', notes: '', bunting: true }],
      },
    };
    const result = await admin('import', 'bank-holidays', file('old.json', JSON.stringify(feed)));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /warning, line 1: the feed lists no bank holidays in \d{4}, so \d{4} will count every weekday as a working day/,
    );
  });

  it('imports nothing from a file with bad rows and lists every bad row with its line number', async () => {
    await admin('import', 'dpia', file('good.csv', 'ODS Code,Name,ICS\nVAB12,Rose Court,QMJ\n'));
    const bad = file('bad.csv', 'ODS Code,Name,ICS\nVAB20,Good Home,QMJ\n??,Bad Code,QMJ\nVAB21,Nowhere,Kent\n');
    const result = await admin('import', 'dpia', bad);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toEqual([
      `nothing imported: 2 bad rows in ${bad}`,
      '  line 3: the ODS code "??" is not valid',
      '  line 4: "Kent" is not one of the London ICSs',
    ]);
    expect((await referenceLists()).dpiaRegister).toEqual([{ odsCode: 'VAB12', name: 'Rose Court', icbCode: 'QMJ' }]);
  });

  it('imports the DSPT export and warns about statuses it does not recognise', async () => {
    const csv = file(
      'dspt.csv',
      'Code,Organisation Name,Status,Date Of Publication,Primary Sector,Integrated Care Board\n' +
        'VAB12,Rose Court,24/25 Standards Met,28/06/2025,Social Care,NCL ICB\nVAB13,Lime Tree,Standards Pending,,,\n',
    );
    const result = await admin('import', 'dspt', csv);
    expect(result.code).toBe(0);
    expect(result.out).toContain('warning, line 3: the status "Standards Pending" is not one we recognise');
    expect((await referenceLists()).dsptStatuses.map((r) => r.odsCode)).toEqual(['VAB12', 'VAB13']);
  });

  it('refuses a bank-holiday file that is not the gov.uk feed, changing nothing', async () => {
    const result = await admin('import', 'bank-holidays', file('bh.json', '{"scotland": {}}'));
    expect(result.code).toBe(2);
    expect((await referenceLists()).bankHolidays).toBeNull();
  });

  it('audits every import with its size', async () => {
    await admin('import', 'dpia', file('dpia.csv', 'ODS Code,Name,ICS\nVAB12,Rose Court,QMJ\n'));
    const events = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; details: unknown });
    expect(events).toEqual([expect.objectContaining({ action: 'import.dpia', details: { records: 1, warnings: 0 } })]);
  });
});

describe('admin CLI: help', () => {
  it('lists the commands with help, and exits 2 when no command is given', async () => {
    expect(await admin('help')).toMatchObject({ code: 0, out: expect.stringContaining('roster add icsLead') });
    expect((await admin()).code).toBe(2);
  });
});
