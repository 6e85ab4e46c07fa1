import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv } from '../../../data/imports/csv.js';
import { runAdminIn } from '../../helpers/adminRunner.js';
import { seedReportData } from '../../helpers/reportFixtures.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-reports-cli-'));
  await seedReportData(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `report …` and reads its standard output back as CSV: the header row, then objects by column. */
async function report(
  ...argv: string[]
): Promise<{ code: number; header: string[]; rows: Record<string, string>[]; out: string; err: string }> {
  const run = await runAdminIn(dir, 'report', ...argv);
  const [header, ...rest] = run.code === 0 ? parseCsv(run.out).map((row) => row.cells) : [[]];
  return { ...run, header, rows: rest.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i]]))) };
}

describe('admin CLI: report', () => {
  it('writes requests by ICS and state as CSV with the working hours waited, and nothing else on standard output', async () => {
    const run = await report('requests');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.header).toEqual([
      'Ticket',
      'Request',
      'ICS',
      'Organisation',
      'ODS code',
      'State',
      'Received (London)',
      'In this state since (London)',
      'Working hours in this state',
      'Working hours in all',
    ]);
    expect(run.rows.map((r) => [r.Ticket, r.ICS, r.State])).toEqual([
      ['UCP-800004', 'North Central London', 'Waiting for ICS approval'],
      ['UCP-800003', 'North Central London', 'Resolved'],
      ['UCP-800001', 'South East London', 'Waiting for the helpdesk'],
      ['UCP-800002', 'South East London', 'Assigned'],
    ]);
    const resolved = run.rows.find((r) => r.Ticket === 'UCP-800003');
    // Mon 2 March 09:00 to Wed 4 March 13:00: two whole working days and four hours.
    expect([resolved?.['Working hours in this state'], resolved?.['Working hours in all']]).toEqual(['Finished', '20']);
    expect(Number(run.rows.find((r) => r.Ticket === 'UCP-800001')?.['Working hours in this state'])).toBeGreaterThan(0);
  });

  it('narrows requests to an ICS named in words and to the days they were received, both days included', async () => {
    const run = await report('requests', '--ics', 'North Central London', '--from', '2026-03-10', '--to', '2026-03-10');
    expect(run.rows.map((r) => r.Ticket)).toEqual(['UCP-800004']);
  });

  it("writes decisions with who made them, in which role, and when, naming an archived request's ICS and defusing a typed formula", async () => {
    const run = await report('decisions', '--from', '2026-03-01', '--to', '2026-03-31');
    expect(run.code).toBe(0);
    expect(run.rows.map((r) => [r.Ticket, r.Decision, r.Who, r.Role, r['When (London)']])).toEqual([
      ['UCP-800002', 'Approved by the ICS', 'Sam Lead', 'South East London governance lead', '2026-03-02 14:00'],
      ['UCP-800002', 'Assigned', 'Someone not on a roster', 'UCP helpdesk', '2026-03-03 09:00'],
      ['UCP-800003', 'Resolved', 'Alex Agent', 'UCP helpdesk', '2026-03-04 13:00'],
      ['UCP-800005', 'Closed', 'Bea Agent', 'UCP helpdesk', '2026-03-05 11:00'],
      ['UCP-800001', 'Turned down', 'Sam Lead', 'South East London governance lead', '2026-03-11 09:30'],
      ['UCP-800004', 'Withdrawn', 'The service', 'The service (automatic)', '2026-03-12 17:30'],
    ]);
    expect(run.rows.find((r) => r.Ticket === 'UCP-800005')?.ICS).toBe('South East London');
    expect(run.rows.find((r) => r.Decision === 'Turned down')?.['Reason given']).toBe('\'=HYPERLINK("http://x"), not in our area');
    expect(run.out).not.toMatch(/undefined/);
  });

  it('lists the managers Teams and e-mail both failed to reach, with why in plain words, for the helpdesk to phone', async () => {
    const run = await report('unreachable');
    expect(run.code).toBe(0);
    expect(run.rows).toEqual([
      {
        Name: 'Mo Manager',
        'E-mail': '',
        Organisation: 'Demo Sunnyview Care Home (VX1A2)',
        Tickets: 'UCP-800004',
        'Last tried (London)': '2026-03-10 10:05',
        Why: 'Teams refused an earlier message (the app was uninstalled or blocked), so Teams is no longer tried; no e-mail address is known for them.',
        'Message waiting': 'Your request UCP-800004 went to the ICS',
      },
      {
        Name: 'Grace Adeyemi',
        'E-mail': 'grace.adeyemi@nhs.net',
        Organisation: 'Rosewood Court Care Home (VN4K2)',
        Tickets: 'UCP-800001',
        'Last tried (London)': '2026-03-09 10:00',
        Why: 'Teams says the app is uninstalled or blocked; the mail server refused the e-mail (code 550).',
        'Message waiting': 'Your request UCP-800001 is being handled',
      },
    ]);
  });

  it.each([
    [['report'], /which report\? \(usage: report requests\|decisions\|unreachable/],
    [['report', 'people'], /unknown report "people"/],
    [['report', 'requests', '--from', '01/03/2026'], /--from date "01\/03\/2026" is not a date written yyyy-mm-dd/],
    [['report', 'requests', '--from', '2026-02-30'], /--from date "2026-02-30" is not a date/],
    [['report', 'decisions', '--from', '2026-03-10', '--to', '2026-03-01'], /--to date \(2026-03-01\) is before its --from date/],
    [['report', 'decisions', '--ics', 'Narnia'], /"Narnia" is not an ICS this service knows/],
    [['report', 'unreachable', 'extra'], /unexpected argument "extra"/],
    [['report', 'requests', '--json'], /reports are CSV only/],
  ])('refuses %j with exit code 2, a usage line on standard error and nothing on standard output', async (...argv) => {
    const [args, message] = argv as [string[], RegExp];
    const run = await runAdminIn(dir, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });

  it('lists the reports in the help text', async () => {
    expect((await runAdminIn(dir, 'help')).out).toContain('report unreachable [--from <yyyy-mm-dd> --to <yyyy-mm-dd>] [--ics <ICS>]');
  });
});
