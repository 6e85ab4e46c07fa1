import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { parseCsv } from '../../data/imports/csv.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../fixtures/workflowFixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = path.resolve('tests/artifacts/helpdesk-tab.png');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const org = (name: string, odsCode: string, icbCode: string, borough: string) => ({
  name,
  odsCode,
  icbCode,
  borough,
  location: 'london' as const,
  namedInDpia: true,
  dsptStatus: '25/26 Standards Met',
  odsVerified: true,
});

// Waiting a month is overdue whatever day the test runs; a ticket that has just arrived never is.
const monthAgo = hoursAgo(24 * 30);
const waitingForIcs = makeWorkflowTicket({
  id: 'UCP-800001',
  state: 'awaitingIcsApproval',
  stateEnteredAt: monthAgo,
  organisation: org('Rosewood Court Care Home', 'VN4K2', 'QKK', 'Lewisham'),
  // What the reminder sweep records when it escalates (issue 14 point 5), in this wait.
  remindersSent: [
    { kind: 'icsEscalation', at: hoursAgo(24 * 20), since: monthAgo, waitedHours: 40, dueAfterHours: 40, workingDayHours: 8 },
  ],
});
const assigned = makeWorkflowTicket({
  id: 'UCP-800002',
  kind: 'addUsers',
  state: 'assigned',
  assignee: { ...people.agent },
  stateEnteredAt: hoursAgo(0.02),
  lastAction: { by: { ...people.agent }, at: hoursAgo(0.02), verb: 'assign' },
  organisation: org('Hackney Lodge', 'VQ7P1', 'QMF', 'Hackney'),
});
const justArrived = makeWorkflowTicket({
  id: 'UCP-800003',
  state: 'awaitingHelpdesk',
  stateEnteredAt: hoursAgo(0.01),
  organisation: org('Greenwich View Nursing Home', 'VG2R8', 'QKK', 'Greenwich'),
});
const closed = makeWorkflowTicket({ id: 'UCP-800004', state: 'resolved', organisation: org('Old Mill House', 'VB1X3', 'QKK', 'Bromley') });

let bot: BotProcess;
let dataDir: string;
let profile: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ucp-tab-e2e-'));
  const store = await openLowdbStore({ dir: dataDir });
  await seedWorkflow(store, [waitingForIcs, assigned, justArrived, closed]);
  await store.transaction((tx) => {
    tx.audit({ actor: people.requester.aadObjectId, action: 'submit', ticketId: waitingForIcs.id, to: 'submitted', at: hoursAgo(24 * 30) });
    tx.audit({
      actor: 'system',
      action: 'route',
      ticketId: waitingForIcs.id,
      from: 'submitted',
      to: 'awaitingIcsApproval',
      at: hoursAgo(24 * 30),
    });
  });
  await store.close();
  bot = await startBotProcess({ DATA_DIR: dataDir, TEAMS_SERVICE_URL: 'http://127.0.0.1:9/' });
  profile = await mkdtemp(path.join(os.tmpdir(), 'ucp-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await context?.close();
  bot?.kill();
  await bot?.exited;
  await rm(dataDir, { recursive: true, force: true });
  await rm(profile, { recursive: true, force: true });
});

const ticketIds = () => page.locator('#tickets tbody th[scope="row"]').allTextContents();

describe('the helpdesk tab in a browser (local mode)', () => {
  it('lists the open seeded tickets, overdue first, and says it is in local mode', async () => {
    await page.goto(`${bot.url}/tab`);
    await expect(page.locator('#local-banner').isVisible()).resolves.toBe(true);
    await expect(page.locator('#local-banner').textContent()).resolves.toContain('Local mode: no sign-in — do not use with real data');
    await page.locator('#status').getByText('3 tickets shown, 1 overdue.').waitFor();
    const ids = await ticketIds();
    expect(ids[0]).toBe(waitingForIcs.id);
    expect([...ids].sort()).toEqual([waitingForIcs.id, assigned.id, justArrived.id]);
    const firstRow = await page.locator('#tickets tbody tr').first().innerText();
    expect(firstRow).toContain('Overdue');
    expect(firstRow).toContain('Waiting for ICS approval');
    expect(firstRow).toContain('South East London');
    expect(firstRow).toMatch(/working days/);
    expect(firstRow).toMatch(
      /Escalated to the helpdesk channel at \d\d:\d\d on .*: 5 working days without an answer from the South East London governance lead/,
    );
    expect(firstRow).toContain('The South East London governance lead');
    const arrived = await page.locator('#tickets tbody tr', { hasText: justArrived.id }).innerText();
    expect(arrived).toContain('On time (reminder after 4 working hours)');
    expect(arrived).toContain('Nobody yet');
  }, 30_000);

  it('narrows the queue with a labelled filter', async () => {
    await page.getByRole('region', { name: 'Tickets' }).getByLabel('ICS').selectOption('QMF');
    await page.locator('#status').getByText('1 ticket shown, 0 overdue.').waitFor();
    expect(await ticketIds()).toEqual([assigned.id]);
    expect(await page.locator('#tickets tbody tr').first().innerText()).toContain('Alex Agent');

    await page.getByRole('region', { name: 'Tickets' }).getByLabel('ICS').selectOption('');
    await page.getByLabel('Assigned to').selectOption('unassigned');
    await page.locator('#status').getByText('2 tickets shown, 1 overdue.').waitFor();
    expect([...(await ticketIds())].sort()).toEqual([waitingForIcs.id, justArrived.id]);

    await page.getByLabel('Status').selectOption('resolved');
    await page.getByLabel('Assigned to').selectOption('');
    await page.locator('#status').getByText('1 ticket shown, 0 overdue.').waitFor();
    expect(await ticketIds()).toEqual([closed.id]);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator('#status').getByText('3 tickets shown, 1 overdue.').waitFor();
  }, 30_000);

  it('finds a ticket with the search box and downloads what it shows as a CSV file', async () => {
    await page.getByLabel('Search').fill('hackney lodge');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('#status').getByText('1 ticket shown, 0 overdue.').waitFor();
    expect(await ticketIds()).toEqual([assigned.id]);
    expect(await page.locator('#tickets tbody tr').first().innerText()).toContain('Grace Adeyemi');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these tickets (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ucp-helpdesk-tickets-.*\.csv$/);
    const file = path.join(profile, 'download.csv');
    await download.saveAs(file);
    const rows = parseCsv(await readFile(file, 'utf8')).map((row) => row.cells);
    expect(rows.map((row) => row[0])).toEqual(['Ticket', assigned.id]);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator('#status').getByText('3 tickets shown, 1 overdue.').waitFor();
  }, 30_000);

  it('opens a ticket from the keyboard and shows its details and audit trail, then writes a screenshot', async () => {
    await page.getByRole('button', { name: `Open ticket ${waitingForIcs.id}` }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#status').getByText(`Ticket ${waitingForIcs.id} is open below the queue.`).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('detail-heading');
    const detail = await page.locator('#detail').innerText();
    expect(detail).toContain(`Organisation access request ${waitingForIcs.id}`);
    expect(detail).toContain('Grace Adeyemi <grace.adeyemi@nhs.net>');
    expect(detail).toContain('Priya Natarajan');
    expect(await page.locator('#detail-reminders').innerText()).toContain('Escalated to the helpdesk channel');
    const audit = await page.locator('#detail-audit tbody tr').allInnerTexts();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toContain('Grace Adeyemi');
    expect(audit[0]).toContain('Sent by the care home');
    expect(audit[1]).toContain('The service');
    expect(audit[1]).toContain('Waiting for ICS approval');

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);

    await page.getByRole('button', { name: 'Back to the queue' }).press('Enter');
    await expect(page.locator('#detail').isHidden()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(waitingForIcs.id);
  }, 30_000);

  it.each<[string, (route: Route) => Promise<void>, string]>([
    [
      'refused (403)',
      (route) => route.fulfill({ status: 403, body: '' }),
      'Only members of the UCP helpdesk can see the queue. If you should be one, ask a system administrator to add you to the helpdesk roster.',
    ],
    [
      'not reachable',
      (route) => route.abort('connectionrefused'),
      'The helpdesk service could not be reached. Please check your connection and try again.',
    ],
  ])(
    'tells the agent what to do when the queue is %s, in the words the page gives that case',
    async (_case, answer, words) => {
      await page.route('**/api/tab/tickets?*', answer);
      try {
        await page.getByRole('button', { name: 'Clear filters' }).click();
        await page.getByRole('alert').getByText(words).waitFor();
      } finally {
        await page.unroute('**/api/tab/tickets?*');
      }
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.locator('#status').getByText('3 tickets shown, 1 overdue.').waitFor();
      await expect(page.locator('#problem').isHidden()).resolves.toBe(true);
    },
    30_000,
  );
});
