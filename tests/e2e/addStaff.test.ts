import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedRecords } from '../helpers/storeFixtures.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHECKLIST_ITEMS, type TicketOrganisation, type WorkflowTicket } from '../../data/model.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { readLiveSnapshot } from '../../data/store/liveSnapshot.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { startFakeOrd, type FakeOrd } from '../fixtures/fakeOrd.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { manager, said, type Manager, type Reply } from '../helpers/conversationDriver.js';
import { makeWorkflowTicket } from '../fixtures/workflowFixtures.js';

/**
 * "Add staff" over real HTTP (issue 11 point 4): the bot runs as its own process with a data folder holding two
 * organisations onboarded earlier (their requests resolved with accounts created), one whose DSPT has lapsed since.
 * Source 001 user onboarding: "Check organisation is already listed in the ICS Better Onboarding DPIA".
 */

/** The DSPT year current today and the one that lapsed after the last 30 June, so the journey does not age. */
function dsptYears(today = new Date()): { current: string; lapsed: string } {
  const end = today.getUTCMonth() >= 6 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const year = (start: number) => `${String(start).slice(2)}/${String(start + 1).slice(2)}`;
  return { current: year(end - 1), lapsed: year(end - 2) };
}
const YEARS = dsptYears();

let ord: FakeOrd;
let connector: FakeConnector;
let bot: BotProcess;
let dataDir: string;

const AGENT = { aadObjectId: '00000000-0000-4000-8000-000000000299', name: 'Alex Agent' };
const LAPSED_MANAGER = { aadObjectId: '00000000-0000-4000-8000-000000000201', name: 'Manager Lapsed' };
const CURRENT_MANAGER = { aadObjectId: '00000000-0000-4000-8000-000000000202', name: 'Manager Current' };

/** A care home onboarded earlier in South East London: a care home the directory confirmed, internet, web portal. */
function organisation(odsCode: string, name: string): TicketOrganisation {
  return {
    odsCode,
    name,
    icbCode: 'QKK',
    borough: 'Lewisham',
    postcode: 'SE13 5AB',
    location: 'london',
    namedInDpia: true,
    organisationType: 'Care home (residential or nursing)',
    typeConfirmedByDirectory: true,
    odsVerified: true,
    hscn: false,
    accessRoute: 'webPortal',
  };
}

/** Its access request, resolved with every check ticked (accounts created). */
function finishedRequest(who: { aadObjectId: string; name: string }, org: TicketOrganisation, id: string): WorkflowTicket {
  const stamp = { by: AGENT, at: '2025-05-20T10:00:00.000Z' };
  return makeWorkflowTicket({
    id,
    state: 'resolved',
    requester: who,
    organisation: org,
    createdAt: '2025-05-19T09:00:00.000Z',
    updatedAt: '2025-05-20T10:00:00.000Z',
    checklist: Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, stamp])),
  });
}

const tickets = async (who: { aadObjectId: string }): Promise<WorkflowTicket[]> =>
  ((await readLiveSnapshot(dataDir)).tickets as WorkflowTicket[]).filter((t) => t.requester.aadObjectId === who.aadObjectId);

async function talk(who: Manager, lines: Array<[string | (() => Promise<Reply[]>), string | string[]]>): Promise<void> {
  for (const [input, expected] of lines) {
    const last = typeof input === 'string' ? await who.say(input) : await input();
    for (const want of Array.isArray(expected) ? expected : [expected]) {
      if (!said(last).includes(want)) throw new Error(`expected "${want}"\n--- transcript ---\n${who.transcript()}`);
    }
  }
}

/** The card a helpdesk agent sees when Teams refreshes the posted card (an Action.Execute invoke, as Teams sends it). */
async function helpdeskView(ticketId: string, version: number): Promise<string> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'inv-refresh',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: '29:agent-alex', aadObjectId: AGENT.aadObjectId, name: AGENT.name },
      recipient: { id: '28:bot' },
      conversation: { id: '19:helpdesk@thread.tacv2', conversationType: 'channel' },
      value: { action: { type: 'Action.Execute', verb: 'refreshCard', data: { ticketId, version } } },
    }),
  });
  expect(response.status).toBe(200);
  return JSON.stringify(await response.json());
}

const submitSummary = (who: Manager) => async () => {
  const summaryId = /"summaryId":"([^"]+)"/.exec(JSON.stringify(who.lastReplies().map((r) => r.raw)))?.[1];
  return who.submit({ accessSummary: 'submit', summaryId });
};

beforeAll(async () => {
  ord = await startFakeOrd();
  connector = await FakeConnector.start();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-add-staff-'));
  const store = await openLowdbStore({ dir: dataDir });
  const addedAt = new Date().toISOString();
  await seedRecords(store, {
    dpiaRegister: [
      { odsCode: 'VL0D1', name: 'Lapsed Lodge', icbCode: 'QKK' },
      { odsCode: 'VE0G1', name: 'Evergreen House', icbCode: 'QKK' },
    ],
    dsptStatuses: [
      { odsCode: 'VL0D1', name: 'LAPSED LODGE', status: `${YEARS.lapsed} Standards Met`, publishedOn: '2024-06-20' },
      { odsCode: 'VE0G1', name: 'EVERGREEN HOUSE', status: `${YEARS.current} Standards Met`, publishedOn: '2025-06-20' },
    ],
    tickets: [
      finishedRequest(LAPSED_MANAGER, organisation('VL0D1', 'Lapsed Lodge'), 'UCP-000001'),
      finishedRequest(CURRENT_MANAGER, organisation('VE0G1', 'Evergreen House'), 'UCP-000002'),
    ],
    rosters: [
      { kind: 'helpdeskChannel', id: '19:helpdesk@thread.tacv2', addedAt },
      { kind: 'helpdeskAgent', id: AGENT.aadObjectId, displayName: AGENT.name, addedAt },
    ],
  });
  await store.close();
  bot = await startBotProcess({ DATA_DIR: dataDir, ODS_BASE_URL: ord.url, TEAMS_SERVICE_URL: connector.url, NOTIFY_RETRY_SECONDS: '1' });
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await Promise.all([ord?.close(), connector?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('adding staff to an organisation onboarded earlier, over real HTTP', () => {
  it('an organisation onboarded on a DSPT status that has since lapsed asks to add staff: stopped with next steps, no ticket', async () => {
    const who = manager(() => bot.url, LAPSED_MANAGER, connector.url);
    await talk(who, [
      ['add staff', ['Your earlier request was for Lapsed Lodge (VL0D1).', 'Are these staff for the same organisation?']],
      [
        'Yes',
        [
          "Before I add staff, I'll check again that your organisation is still named",
          'VL0D1 is named in the South East London onboarding DPIA.',
          `"${YEARS.lapsed} Standards Met"`,
          "So I haven't sent anything yet.",
          'www.dsptoolkit.nhs.uk',
        ],
      ],
    ]);
    expect((await tickets(LAPSED_MANAGER)).map((t) => t.id)).toEqual(['UCP-000001']);
    expect(said(await who.say('status'))).not.toContain('UCP-000003');
  });

  it('an organisation still eligible: an add-users ticket whose helpdesk card shows what was re-checked and when', async () => {
    const who = manager(() => bot.url, CURRENT_MANAGER, connector.url);
    await talk(who, [
      ['add staff', 'Your earlier request was for Evergreen House (VE0G1).'],
      ['Yes', ['VE0G1 is named in the South East London onboarding DPIA.', 'How many members of staff need access?']],
      ['Fewer than 10', 'What is the full name of the first person who needs access?'],
      ['Ben Walsh', "What is Ben Walsh's job title?"],
      ['Care Manager', 'Care Manager has the Non-Clinical role in the UCP'],
      ['Yes', "What is Ben Walsh's work e-mail address?"],
      ['ben.walsh@nhs.net', "That's everyone"],
      ["That's everyone", 'Please check your request below.'],
      [submitSummary(who), 'Your ticket number is UCP-'],
    ]);
    const sent = (await tickets(CURRENT_MANAGER)).find((t) => t.id !== 'UCP-000002');
    expect(sent).toMatchObject({
      kind: 'addUsers',
      state: 'awaitingHelpdesk',
      organisation: { odsCode: 'VE0G1', recheck: { dpiaIcbCode: 'QKK', dsptCurrent: true } },
    });
    await connector.waitFor(
      (r) => r.route === 'send' && r.conversationId?.startsWith('19:helpdesk') === true && JSON.stringify(r.body).includes(sent!.id),
      10_000,
    );
    const card = await helpdeskView(sent!.id, sent!.version);
    for (const fact of [
      'Named in the South East London onboarding DPIA',
      `${YEARS.current} Standards Met (as published), current until 30 June`,
      'against the imported DPIA register and DSPT list',
      'Care home (residential or nursing) (confirmed by the ODS directory)',
    ])
      expect(card).toContain(fact);
  });
});
