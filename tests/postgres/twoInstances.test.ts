/**
 * Two service processes on one PostgreSQL database (issue 17 point 8): a decision made once however many people press
 * at once on either instance, the reminder sweep run by one instance, and each card copy posted once while both
 * instances sync the same tickets. Runs only with a database (`npm run test:pg`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditEvent, ConversationRecord, WorkflowTicket } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';
import { createWorkflow } from '../../data/workflow/workflow.js';
import { makeWorkflowTicket, people, workflowRosters } from '../fixtures/workflowFixtures.js';
import type { BotProcess } from '../helpers/botProcess.js';
import { FakeConnector, type RecordedRequest } from '../helpers/fakeConnector.js';
import { byJob, sharedDatabase, startTwoInstances, stopInstances, type SharedDatabase } from '../helpers/twoInstances.js';

const url = process.env.TEST_DATABASE_URL;
const TEAMS_ID: Record<string, string> = { [people.lead.aadObjectId]: '29:lead-sam', [people.secondLead.aadObjectId]: '29:lead-ria' };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function conversation(person: { aadObjectId: string }, serviceUrl: string): ConversationRecord {
  return {
    key: `user:${person.aadObjectId}`,
    usable: true,
    updatedAt: '2026-03-02T09:00:00.000Z',
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `a:1on1-${person.aadObjectId}`, conversationType: 'personal' },
      user: { id: TEAMS_ID[person.aadObjectId], aadObjectId: person.aadObjectId },
      bot: { id: '28:bot' },
    },
  };
}

/** The ICS's two leads on the roster, each with a 1:1 chat with the bot; the helpdesk channel. */
async function seedPeople(store: Store, serviceUrl: string): Promise<void> {
  await store.transaction(async (tx) => {
    for (const entry of workflowRosters()) await tx.rosters.put(entry);
    for (const lead of [people.lead, people.secondLead]) await tx.conversations.put(conversation(lead, serviceUrl));
  });
}

/** Requests from homes in the leads' ICS, each with an ODS code of its own, awaiting the ICS's approval since `at`. */
async function submitRequests(store: Store, count: number, at = new Date()): Promise<WorkflowTicket[]> {
  const workflow = createWorkflow({ store, clock: () => at });
  const submitted: WorkflowTicket[] = [];
  for (let i = 0; i < count; i += 1) {
    const { kind, organisation, users } = makeWorkflowTicket({
      organisation: { ...makeWorkflowTicket().organisation!, name: `Care Home ${i + 1}`, odsCode: `VP${i + 1}Q${i + 1}` },
    });
    submitted.push(await workflow.submit({ kind, organisation, users }, people.requester));
  }
  return submitted;
}

/** An Action.Execute invoke as Teams sends it when a lead presses a button in their 1:1 chat. */
async function press(bot: BotProcess, person: { aadObjectId: string; name: string }, verb: string, data: Record<string, unknown>) {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `inv-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: TEAMS_ID[person.aadObjectId], aadObjectId: person.aadObjectId, name: person.name },
      recipient: { id: '28:bot' },
      conversation: { id: `a:1on1-${person.aadObjectId}`, conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb, data } },
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { statusCode: number; value: unknown };
  return { statusCode: body.statusCode, text: JSON.stringify(body.value) };
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await pause(100);
  }
}

async function auditOf(store: Store, ticketId: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of store.readAudit({ ticketId })) events.push(event);
  return events;
}

const mentions = (request: RecordedRequest, text: string) => JSON.stringify(request.body).includes(text);

(url ? describe : describe.skip)('two service instances on one postgres database', () => {
  const SECOND_HELPDESK_CHANNEL = '19:helpdesk-two@thread.tacv2';
  let connector: FakeConnector;
  let database: SharedDatabase;
  let store: Store;
  let bots: [BotProcess, BotProcess] | undefined;
  let tickets: WorkflowTicket[];

  beforeAll(async () => {
    connector = await FakeConnector.start();
    database = await sharedDatabase(url!);
    store = await database.open();
    await seedPeople(store, connector.url);
    tickets = await submitRequests(store, 5);
    // The re-sync every second, on whichever instance holds its lock.
    bots = await startTwoInstances(database, { teamsServiceUrl: connector.url, env: { NOTIFY_RETRY_SECONDS: '1' } });
    // Each request awaits its ICS: a copy to each lead's chat and one to the helpdesk channel.
    await waitUntil(
      async () => (await Promise.all(tickets.map((t) => store.tickets.get(t.id)))).every((t) => t?.cardCopies.length === 3),
      'the cards to be posted',
    );
  }, 60_000);

  afterAll(async () => {
    await stopInstances(bots ?? []);
    await store?.close();
    await database?.dispose();
    await connector?.close();
  });

  it('on postgres, 50 simultaneous approvals split across both instances make one decision; the other 49 are told who decided', async () => {
    const { id, version } = tickets[0];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        press(bots![i % 2], i % 4 < 2 ? people.lead : people.secondLead, 'approveOrganisation', { ticketId: id, version }),
      ),
    );
    expect(answers.every((answer) => answer.statusCode === 200)).toBe(true);
    const approvals = (await auditOf(store, id)).filter((event) => event.action === 'approve');
    expect(approvals).toHaveLength(1);
    const approver = approvals[0].actor === people.lead.aadObjectId ? people.lead.name : people.secondLead.name;
    expect(answers.filter((answer) => answer.text.includes(`already approved by ${approver}`))).toHaveLength(49);
    expect((await store.tickets.get(id))?.state).toBe('awaitingHelpdesk');
  }, 60_000);

  it("on postgres, posts each ticket's card once to a newly added helpdesk channel while both instances sync the same tickets", async () => {
    // A slow Teams keeps each post in flight for a while: an instance that did not wait for the other's sync of the
    // same ticket would see the copy still missing and post a second one.
    connector.fail({ status: 200, delayMs: 700, method: 'POST', path: SECOND_HELPDESK_CHANNEL, times: 100 });
    await store.transaction((tx) =>
      tx.rosters.put({ kind: 'helpdeskChannel', id: SECOND_HELPDESK_CHANNEL, addedAt: new Date().toISOString() }),
    );
    // One instance re-syncs every open ticket each second; the other syncs the tickets its leads approve, at the same time.
    const { standingBy } = byJob(bots!, /standing by.*"job":"card-resync"/);
    await Promise.all(
      tickets.slice(1).map(({ id, version }) => press(standingBy, people.lead, 'approveOrganisation', { ticketId: id, version })),
    );
    const copiesThere = async (ticketId: string) =>
      ((await store.tickets.get(ticketId))?.cardCopies ?? []).filter(
        (copy) => copy.conversationKey === `conversation:${SECOND_HELPDESK_CHANNEL}`,
      );
    await waitUntil(
      async () => (await Promise.all(tickets.map((t) => copiesThere(t.id)))).every((copies) => copies.length > 0),
      "the new channel's copies",
    );
    // A few more re-sync rounds and the approvals' syncs, all finished.
    await pause(3000);
    for (const { id } of tickets) {
      expect(await copiesThere(id)).toHaveLength(1);
      expect(connector.posts().filter((post) => post.conversationId === SECOND_HELPDESK_CHANNEL && mentions(post, id))).toHaveLength(1);
    }
  }, 60_000);
});

/** The next Wednesday at 12:00 UTC (midday in London, summer or winter) at least two days away, away from Christmas. */
function aWorkingWednesday(): Date {
  const day = new Date();
  day.setUTCHours(12, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + 2);
  while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
  const festive = (day.getUTCMonth() === 11 && day.getUTCDate() >= 20) || (day.getUTCMonth() === 0 && day.getUTCDate() <= 3);
  if (festive) day.setUTCDate(day.getUTCDate() + 21);
  return day;
}

(url ? describe : describe.skip)('the reminder sweep on two service instances on one postgres database', () => {
  let connector: FakeConnector;
  let database: SharedDatabase;
  let store: Store;
  let bots: [BotProcess, BotProcess] | undefined;

  afterAll(async () => {
    await stopInstances(bots ?? []);
    await store?.close();
    await database?.dispose();
    await connector?.close();
  });

  it('on postgres, with both instances scheduling the sweep every two seconds, one runs it and each lead gets one digest', async () => {
    connector = await FakeConnector.start();
    database = await sharedDatabase(url!);
    store = await database.open();
    await seedPeople(store, connector.url);
    // Both instances' clocks read a Wednesday midday; the requests have waited since the Monday morning before it,
    // 18 working hours, past the first reminder to the ICS's leads (16) and short of the escalation (40).
    const wednesday = aWorkingWednesday();
    const tickets = await submitRequests(store, 3, new Date(wednesday.getTime() - 2 * 24 * 3600_000 - 2 * 3600_000));
    bots = await startTwoInstances(database, {
      teamsServiceUrl: connector.url,
      clockShiftMs: wednesday.getTime() - Date.now(),
      // No notification retry rounds during the test: each digest goes out from the sweep that recorded it.
      env: { REMINDER_CRON: '*/2 * * * * *', NOTIFY_RETRY_SECONDS: '3600' },
    });
    const digestsTo = (person: { aadObjectId: string }) =>
      connector
        .posts()
        .filter((post) => post.conversationId === `a:1on1-${person.aadObjectId}` && mentions(post, 'These are waiting for you.'));
    await waitUntil(async () => digestsTo(people.lead).length > 0 && digestsTo(people.secondLead).length > 0, 'the digests', 45_000);
    // Three more ticks on each instance.
    await pause(6000);
    for (const lead of [people.lead, people.secondLead]) {
      const digests = digestsTo(lead);
      expect(digests).toHaveLength(1);
      for (const { id } of tickets) expect(mentions(digests[0], id)).toBe(true);
    }
    const standingBy = bots.filter((bot) => bot.output().includes('reminders: another instance runs the sweep; standing by'));
    expect(standingBy).toHaveLength(1);
  }, 90_000);
});
