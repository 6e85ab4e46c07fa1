import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseCsv } from '../../../data/imports/csv.js';
import { startBotProcess, type BotProcess } from '../../helpers/botProcess.js';
import { seedReportData } from '../../helpers/reportFixtures.js';
import { people } from '../../fixtures/workflowFixtures.js';
import { APP_ID, makeSigningKey, makeToken, startJwksServer, TENANT, type SigningKey } from './tabTokenFixtures.js';

// The bot runs in its own process (restify patches Node's HTTP responses process-wide); the JWKS server runs here.
let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let bot: BotProcess;
let dataDir: string;

beforeAll(async () => {
  key = await makeSigningKey('tenant-key-1');
  jwks = await startJwksServer([key.publicJwk]);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ucp-tab-reports-'));
  await seedReportData(dataDir);
  bot = await startBotProcess({
    DATA_DIR: dataDir,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-here',
    MicrosoftAppTenantId: TENANT,
    TAB_JWKS_URL: jwks.url,
    TEAMS_SERVICE_URL: 'http://127.0.0.1:9/',
  });
});

afterAll(async () => {
  bot?.kill();
  await bot?.exited;
  await jwks?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function get(pathname: string, token?: string): Promise<{ status: number; type: string; text: string; headers: Headers }> {
  const response = await fetch(`${bot.url}${pathname}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
    headers: response.headers,
  };
}

const agentToken = () => makeToken(key, { oid: people.agent.aadObjectId });

interface Table {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

describe("the tab's reports over HTTP", () => {
  it('refuses every report, JSON or CSV, without a token (401) and to someone not on the helpdesk roster (403), showing nobody', async () => {
    for (const name of ['requests', 'decisions', 'unreachable', 'unreachable.csv']) {
      expect((await get(`/api/tab/reports/${name}`)).status).toBe(401);
      for (const someone of [people.lead, people.requester, people.stranger]) {
        const answer = await get(`/api/tab/reports/${name}`, await makeToken(key, { oid: someone.aadObjectId }));
        expect(answer.status).toBe(403);
        expect(answer.text).not.toMatch(/Grace|Mo Manager|nhs\.net|Sunnyview/);
      }
    }
  });

  it('gives a helpdesk agent requests by ICS and state: the counts and each request', async () => {
    const answer = await get('/api/tab/reports/requests', await agentToken());
    expect(answer.status).toBe(200);
    const view = JSON.parse(answer.text) as { title: string; tables: Table[]; icsChoices: { value: string; label: string }[] };
    expect(view.title).toBe('Requests by ICS and state');
    expect(view.tables[0].rows).toEqual([
      ['North Central London', 'Waiting for ICS approval', 1],
      ['North Central London', 'Resolved', 1],
      ['South East London', 'Waiting for the helpdesk', 1],
      ['South East London', 'Assigned', 1],
    ]);
    expect(view.tables[1].rows.map((r) => r[0])).toEqual(['UCP-800004', 'UCP-800003', 'UCP-800001', 'UCP-800002']);
    expect(view.icsChoices).toContainEqual({ value: 'QMJ', label: 'North Central London' });
  });

  it('gives decisions narrowed to an ICS and to London days', async () => {
    const answer = await get('/api/tab/reports/decisions?from=2026-03-02&to=2026-03-05&ics=QKK', await agentToken());
    const view = JSON.parse(answer.text) as { tables: Table[] };
    expect(view.tables[0].rows.map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      ['UCP-800002', 'Approved by the ICS', 'Sam Lead', 'South East London governance lead'],
      ['UCP-800002', 'Assigned', 'Someone not on a roster', 'UCP helpdesk'],
      ['UCP-800005', 'Closed', 'Bea Agent', 'UCP helpdesk'],
    ]);
  });

  it('downloads the managers to phone as a CSV file with the same sign-in, formulas defused', async () => {
    const answer = await get('/api/tab/reports/unreachable.csv', await agentToken());
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="ucp-unreachable-report.csv"');
    const [header, ...rows] = parseCsv(answer.text).map((row) => row.cells);
    expect(header).toEqual(['Name', 'E-mail', 'Organisation', 'Tickets', 'Last tried (London)', 'Why', 'Message waiting']);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Mo Manager', ''],
      ['Grace Adeyemi', 'grace.adeyemi@nhs.net'],
    ]);

    const decisions = parseCsv((await get('/api/tab/reports/decisions.csv', await agentToken())).text).map((row) => row.cells);
    expect(decisions.flat()).toContain('\'=HYPERLINK("http://x"), not in our area');
  });

  it('answers a bad date or ICS with 400 and a sentence, and an unknown report with 404', async () => {
    const token = await agentToken();
    const bad = await get('/api/tab/reports/requests?from=2026-13-01', token);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({
      error: 'The report\'s from date "2026-13-01" is not a date written yyyy-mm-dd (for example 2026-03-31).',
    });
    expect((await get('/api/tab/reports/requests?ics=Narnia', token)).status).toBe(400);
    expect((await get('/api/tab/reports/everyone', token)).status).toBe(404);
    expect((await get('/api/tab/reports/requests.xlsx', token)).status).toBe(404);
  });

  it('serves the page with the Reports section and its CSV download', async () => {
    const html = await (await fetch(`${bot.url}/tab`)).text();
    expect(html).toContain('<h2 id="reports-heading">Reports</h2>');
    expect(html).toContain('id="report-csv"');
  });
});
