import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedRecords } from '../helpers/storeFixtures.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WorkflowTicket } from '../../data/model.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { readLiveSnapshot } from '../../data/store/liveSnapshot.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { startFakeOrd, type FakeOrd } from '../fixtures/fakeOrd.js';
import { ordAnswer } from '../fixtures/ordFixtures.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { manager, said, type Manager, type Reply } from '../helpers/conversationDriver.js';
import { staffWorkbook, startFileServer, TWELVE_STAFF, type FileServer } from '../dialogs/users/staffSpreadsheet.js';

/**
 * Whole journeys of a care home manager over real HTTP: the bot runs as its own process (deliveryMode expectReplies), the
 * NHS ODS directory is a fake HTTP server, Teams' connector is the fake connector, files come from a local file server.
 */

const CARE_HOME = 'Care home (residential or nursing)';

/** A DSPT year that is current today ("25/26" is current until 30 June 2027), so the journeys do not age. */
function currentDsptYear(today = new Date()): string {
  const end = today.getUTCMonth() >= 6 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${String(end - 1).slice(2)}/${String(end).slice(2)}`;
}
const YEAR = currentDsptYear();
let ord: FakeOrd;
let connector: FakeConnector;
let files: FileServer;
let bot: BotProcess;
let dataDir: string;
let env: Record<string, string>;

const start = async () => {
  bot = await startBotProcess(env);
};
const tickets = async (): Promise<WorkflowTicket[]> => (await readLiveSnapshot(dataDir)).tickets as WorkflowTicket[];
const person = (n: number) => ({ aadObjectId: `00000000-0000-4000-8000-00000000010${n}`, name: `Manager ${n}` });

/** Plays lines of (what the manager sends, what the answer must contain), failing with the whole transcript. */
async function talk(
  who: Manager,
  lines: Array<[string | Record<string, unknown> | (() => Promise<Reply[]>), string | string[]]>,
): Promise<Reply[]> {
  let last: Reply[] = [];
  for (const [input, expected] of lines) {
    last = typeof input === 'string' ? await who.say(input) : typeof input === 'function' ? await input() : await who.submit(input);
    for (const want of Array.isArray(expected) ? expected : [expected]) {
      if (!said(last).includes(want)) throw new Error(`expected "${want}"\n--- transcript ---\n${who.transcript()}`);
    }
  }
  return last;
}

/** Presses Submit on the newest summary card. */
const submitSummary = (who: Manager) => async () => {
  const summaryId = /"summaryId":"([^"]+)"/.exec(JSON.stringify(who.lastReplies().map((r) => r.raw)))?.[1];
  return who.submit({ accessSummary: 'submit', summaryId });
};

const ONE_CARE_MANAGER: Array<[string, string]> = [
  ['Fewer than 10', 'What is the full name of the first person who needs access?'],
  ['Ben Walsh', "What is Ben Walsh's job title?"],
  ['Care Manager', 'Care Manager has the Non-Clinical role in the UCP'],
  ['Yes', "What is Ben Walsh's work e-mail address?"],
  ['ben.walsh@nhs.net', "That's everyone"],
  ["That's everyone", 'Please check your request below.'],
];

beforeAll(async () => {
  ord = await startFakeOrd();
  ord.setFixture(
    'VX5E6',
    ordAnswer({
      code: 'VX5E6',
      name: 'ELM VIEW CARE HOME',
      postcode: 'N4 1AA',
      roles: [{ id: 'RO101', primary: true }],
      icb: { code: 'QMJ', role: 'RO261' },
    }),
  );
  ord.setFixture(
    'VX7G8',
    ordAnswer({
      code: 'VX7G8',
      name: 'WILLOW HOUSE',
      postcode: 'N1 2AA',
      roles: [{ id: 'RO101', primary: true }],
      icb: { code: 'QMJ', role: 'RO261' },
    }),
  );
  ord.setFixture(
    'VX9H1',
    ordAnswer({
      code: 'VX9H1',
      name: 'OAK LODGE',
      postcode: 'N1 3AA',
      roles: [{ id: 'RO101', primary: true }],
      icb: { code: 'QMJ', role: 'RO261' },
    }),
  );
  ord.setFixture(
    'VKT01',
    ordAnswer({
      code: 'VKT01',
      name: 'KENT COAST CARE',
      postcode: 'CT1 1AA',
      roles: [{ id: 'RO101', primary: true }],
      icb: { code: 'QKS', role: 'RO261' },
    }),
  );
  connector = await FakeConnector.start();
  files = await startFileServer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-journeys-'));
  const store = await openLowdbStore({ dir: dataDir });
  // One home per journey that submits: an organisation has one open access request at a time (issue 13 point 7).
  await seedRecords(store, {
    dpiaRegister: [
      { odsCode: 'VX1A2', name: 'Sunnyview Care Home', icbCode: 'QMJ' },
      { odsCode: 'VX7G8', name: 'Willow House', icbCode: 'QMJ' },
      { odsCode: 'VX9H1', name: 'Oak Lodge', icbCode: 'QMJ' },
    ],
    dsptStatuses: [
      { odsCode: 'VX1A2', name: 'SUNNYVIEW CARE HOME', status: `${YEAR} Standards Met`, publishedOn: '2025-06-20' },
      { odsCode: 'VX3C4', name: 'LILAC HOUSE', status: `${YEAR} Standards Met`, publishedOn: '2025-06-20' },
      { odsCode: 'VX5E6', name: 'ELM VIEW CARE HOME', status: `${YEAR} Approaching Standards`, publishedOn: '2025-06-20' },
      { odsCode: 'VKT01', name: 'KENT COAST CARE', status: `${YEAR} Standards Met`, publishedOn: '2025-06-20' },
      { odsCode: 'VX7G8', name: 'WILLOW HOUSE', status: `${YEAR} Standards Met`, publishedOn: '2025-06-20' },
      { odsCode: 'VX9H1', name: 'OAK LODGE', status: `${YEAR} Standards Met`, publishedOn: '2025-06-20' },
    ],
    rosters: [{ kind: 'helpdeskChannel', id: '19:helpdesk@thread.tacv2', addedAt: new Date().toISOString() }],
  });
  await store.close();
  env = {
    DATA_DIR: dataDir,
    ODS_BASE_URL: ord.url,
    TEAMS_SERVICE_URL: connector.url,
    NOTIFY_RETRY_SECONDS: '1',
    PUBLIC_BASE_URL: 'https://ucp-bot.example.org/',
  };
  await start();
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await Promise.all([ord?.close(), connector?.close(), files?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a care home manager's journeys, over real HTTP", () => {
  it('a home that is ready and named in the DPIA: its request goes straight to the helpdesk', async () => {
    const grace = manager(() => bot.url, person(1), connector.url);
    await talk(grace, [
      ['hello', 'Request access'],
      ['request access', "What is your organisation's ODS code?"],
      ['VX1A2', 'SUNNYVIEW CARE HOME'],
      // The choice questions answered with their buttons, as a person in Teams or the Agents Playground would.
      [() => grace.press("Yes, that's right"), 'Where is your organisation?'],
      [() => grace.press('In London'), 'Which London borough'],
      ['Islington', 'Islington is in North Central London.'],
      [() => grace.press('Care home'), ['named in the North Central London onboarding DPIA', 'HSCN']],
      [() => grace.press('No, internet'), 'How will your staff reach the UCP?'],
      [() => grace.press('The UCP web portal'), 'How many members of staff need access?'],
      ['2', 'What is the full name of the first person who needs access?'],
      ...ONE_CARE_MANAGER.slice(1),
      [submitSummary(grace), ['Your ticket number is UCP-', 'The UCP helpdesk will be in touch about the request in its working hours']],
    ]);
    const [ticket] = (await tickets()).filter((t) => t.requester.aadObjectId === person(1).aadObjectId);
    expect(ticket).toMatchObject({
      kind: 'organisationAccess',
      state: 'awaitingHelpdesk',
      organisation: { odsCode: 'VX1A2', namedInDpia: true, icbCode: 'QMJ' },
    });
    await connector.waitFor((r) => r.route === 'send' && JSON.stringify(r.body).includes(ticket.id), 10_000);
    // Issue 14: the helpdesk's card shows the four checks the service settled from the directory and the imported lists.
    const checked = await connector.waitFor(
      (r) =>
        ['send', 'update'].includes(r.route) &&
        JSON.stringify(r.body).includes(ticket.id) &&
        JSON.stringify(r.body).split('waiting for an agent to confirm').length === 5,
      10_000,
    );
    expect(JSON.stringify(checked.body)).toContain(`${YEAR} Standards Met, published 20/06/2025`);
    expect(JSON.stringify(checked.body)).toContain('Confirm the 4 automatic checks');
  });

  it('a home not named in the DPIA: its request goes to its ICS lead first', async () => {
    const who = manager(() => bot.url, person(2), connector.url);
    await talk(who, [
      ['request access', "What is your organisation's ODS code?"],
      ['VX3C4', 'LILAC HOUSE'],
      ["Yes, that's right", 'Where is your organisation?'],
      ['In London', 'Which London borough'],
      ['Croydon', 'Croydon is in South West London.'],
      [CARE_HOME, ['not named in a London onboarding DPIA yet', 'HSCN']],
      ['No, we use the internet', 'How will your staff reach'],
      ['The UCP web portal', 'How many members of staff'],
      ...ONE_CARE_MANAGER,
      [submitSummary(who), ["South West London Integrated Care System's governance lead is asked to approve", 'around a week']],
    ]);
    const [ticket] = (await tickets()).filter((t) => t.requester.aadObjectId === person(2).aadObjectId);
    expect(ticket).toMatchObject({ state: 'awaitingIcsApproval', organisation: { odsCode: 'VX3C4', namedInDpia: false, icbCode: 'QWE' } });
  });

  it('a home at Approaching Standards: told kindly what to do first as soon as it gives its ODS code, and nothing is sent', async () => {
    const who = manager(() => bot.url, person(3), connector.url);
    const stop = await talk(who, [
      ['request access', "What is your organisation's ODS code?"],
      [
        'VX5E6',
        [
          'That is enough for NHSmail, but the UCP needs Standards Met.',
          "So I haven't sent anything yet.",
          'type request access to ask again',
        ],
      ],
    ]);
    expect(said(stop)).not.toMatch(/Where is your organisation|Which London borough|What kind of organisation/);
    expect((await tickets()).filter((t) => t.requester.aadObjectId === person(3).aadObjectId)).toEqual([]);
  });

  it('a service outside London commissioned for Londoners: approval by the lead of the London ICS that commissions it', async () => {
    const who = manager(() => bot.url, person(4), connector.url);
    await talk(who, [
      ['request access', "What is your organisation's ODS code?"],
      ['VKT01', 'KENT COAST CARE'],
      ["Yes, that's right", 'Where is your organisation?'],
      ['Outside London, commissioned to care for Londoners', 'Which London borough commissions your service?'],
      ['Croydon', 'Croydon is in South West London.'],
      [CARE_HOME, 'outside London and commissioned to care for Londoners'],
      ['No, we use the internet', 'How will your staff reach'],
      ['The UCP web portal', 'How many members of staff'],
      ...ONE_CARE_MANAGER,
      [submitSummary(who), "the South West London Integrated Care System's governance lead is asked to approve"],
    ]);
    const [ticket] = (await tickets()).filter((t) => t.requester.aadObjectId === person(4).aadObjectId);
    expect(ticket).toMatchObject({
      state: 'awaitingIcsApproval',
      organisation: { odsCode: 'VKT01', location: 'commissioned', icbCode: 'QWE' },
    });
  });

  it('twelve staff by spreadsheet with two bad rows: a report row by row, the bad rows left out, ten submitted', async () => {
    files.serve('/staff.xlsx', await staffWorkbook(TWELVE_STAFF));
    const who = manager(() => bot.url, person(5), connector.url);
    const offer = await talk(who, [
      ['request access', "What is your organisation's ODS code?"],
      ['VX7G8', 'WILLOW HOUSE'],
      ["Yes, that's right", 'Where is your organisation?'],
      ['In London', 'Which London borough'],
      ['Islington', 'Islington is in North Central London.'],
      [CARE_HOME, 'HSCN'],
      ['No, we use the internet', 'How will your staff reach'],
      ['The UCP web portal', 'How many members of staff'],
      ['10 or more', ['For ten or more people, a spreadsheet is quicker.', 'Download the template']],
    ]);
    const templateUrl = /"url":"([^"]+ucp-multiple-users\.xlsx)"/.exec(JSON.stringify(offer.map((r) => r.raw)))?.[1];
    expect(templateUrl).toBe('https://ucp-bot.example.org/templates/ucp-multiple-users.xlsx');
    const template = await fetch(`${bot.url}${new URL(templateUrl ?? '').pathname}`);
    expect(template.status).toBe(200);
    await talk(who, [
      [
        () => who.attach(files.url('/staff.xlsx'), 'staff.xlsx'),
        [
          '10 people are ready; 2 rows need changing before we can send the request:',
          'Row 7: The e-mail jane@gmail.com is a personal address.',
          'Row 11:',
        ],
      ],
      ['Remove the bad rows', ["I've left out rows 7 and 11. 10 people are ready to send.", 'Please check your request below.']],
    ]);
    expect((await tickets()).filter((t) => t.requester.aadObjectId === person(5).aadObjectId)).toEqual([]);
    await talk(who, [[submitSummary(who), 'Your ticket number is UCP-']]);
    const [ticket] = (await tickets()).filter((t) => t.requester.aadObjectId === person(5).aadObjectId);
    expect(ticket.users).toHaveLength(10);
    expect(ticket.users?.map((u) => u.email)).not.toContain('jane@gmail.com');
  });

  it('a restart in the middle of an access request: the manager carries on where they were', async () => {
    const who = manager(() => bot.url, person(6), connector.url);
    await talk(who, [
      ['request access', "What is your organisation's ODS code?"],
      ['VX9H1', 'OAK LODGE'],
      ["Yes, that's right", 'Where is your organisation?'],
      ['In London', 'Which London borough'],
    ]);
    bot.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    await start();
    await talk(who, [
      ['Islington', 'Islington is in North Central London.'],
      [CARE_HOME, 'HSCN'],
      ['No, we use the internet', 'How will your staff reach'],
      ['The UCP web portal', 'How many members of staff'],
      ...ONE_CARE_MANAGER,
      [submitSummary(who), 'Your ticket number is UCP-'],
    ]);
    const [ticket] = (await tickets()).filter((t) => t.requester.aadObjectId === person(6).aadObjectId);
    expect(ticket).toMatchObject({ state: 'awaitingHelpdesk', organisation: { odsCode: 'VX9H1', borough: 'Islington' } });
  });
});
