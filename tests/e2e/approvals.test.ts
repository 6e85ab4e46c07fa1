import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedRecords } from '../helpers/storeFixtures.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditEvent, ConversationRecord, NotificationRecord, WorkflowTicket } from '../../data/model.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { createWorkflow } from '../../data/workflow/workflow.js';
import { FakeConnector, type RecordedRequest } from '../helpers/fakeConnector.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { makeWorkflowTicket, people, workflowRosters } from '../fixtures/workflowFixtures.js';
import { buttonVerbs, ofType } from '../cards/cardFixtures.js';
import { everyActionVerb } from '../helpers/everyActionVerb.js';

/**
 * The approval journey over real HTTP: the bot runs as its own process, talking to a fake Bot Framework connector (which
 * records every post and update and fails on demand) and a real SMTP server. Tickets are submitted through the workflow
 * into the bot's data folder before it starts; the bot posts their cards on start, as it does for anything not yet posted.
 */

const TEAMS_ID: Record<string, string> = {
  [people.lead.aadObjectId]: '29:lead-sam',
  [people.secondLead.aadObjectId]: '29:lead-ria',
  [people.agent.aadObjectId]: '29:agent-alex',
  [people.requester.aadObjectId]: '29:requester-grace',
  [people.stranger.aadObjectId]: '29:stranger-sid',
};

let connector: FakeConnector;
let smtp: TestSmtpServer;
let bot: BotProcess;
let dataDir: string;
let tickets: Record<'roundTrip' | 'race' | 'throttled' | 'bothDown' | 'emailFallback' | 'fromPostedCopy', WorkflowTicket>;
/** A North East London request: its ICS has a channel on the roster (and no lead who has spoken to the bot). */
let channelTicket: WorkflowTicket;
const ICS_CHANNEL = '19:ics-nel@thread.tacv2';

function conversation(person: { aadObjectId: string }): ConversationRecord {
  return {
    key: `user:${person.aadObjectId}`,
    usable: true,
    updatedAt: '2026-03-02T09:00:00.000Z',
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: `a:1on1-${person.aadObjectId}`, conversationType: 'personal' },
      user: { id: TEAMS_ID[person.aadObjectId], aadObjectId: person.aadObjectId },
      bot: { id: '28:bot' },
    },
  };
}

/** An Action.Execute invoke as Teams sends it when someone presses a card button (in their 1:1 chat, or in a channel). */
function invoke(
  person: { aadObjectId: string; name?: string },
  verb: string,
  data: Record<string, unknown>,
  channel?: string,
): Promise<Response> {
  const where = channel
    ? { id: `${channel};messageid=1700000000000`, conversationType: 'channel', isGroup: true }
    : { id: `a:1on1-${person.aadObjectId}`, conversationType: 'personal' };
  return fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `inv-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: TEAMS_ID[person.aadObjectId] ?? '29:unknown', aadObjectId: person.aadObjectId, name: person.name },
      recipient: { id: '28:bot' },
      conversation: where,
      value: { action: { type: 'Action.Execute', verb, data } },
    }),
  });
}

async function cardFrom(response: Response): Promise<{ statusCode: number; type: string; text: string }> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
  return { statusCode: body.statusCode, type: body.type, text: JSON.stringify(body.value) };
}

function auditOf(ticketId: string): AuditEvent[] {
  return readFileSync(path.join(dataDir, 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as AuditEvent)
    .filter((e) => e.ticketId === ticketId);
}

function copiesOf(ticketId: string): WorkflowTicket['cardCopies'] {
  const live = JSON.parse(readFileSync(path.join(dataDir, 'live.json'), 'utf8')) as { tickets: WorkflowTicket[] };
  return live.tickets.find((t) => t.id === ticketId)?.cardCopies ?? [];
}

const toRequester = (r: RecordedRequest) => r.route === 'send' && r.conversationId === `a:1on1-${people.requester.aadObjectId}`;

beforeAll(async () => {
  connector = await FakeConnector.start();
  smtp = await startSmtpServer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-approvals-'));
  const store = await openLowdbStore({ dir: dataDir });
  await seedRecords(store, {
    rosters: [...workflowRosters(), { kind: 'icsChannel', id: ICS_CHANNEL, scope: 'QMF', addedAt: '2026-01-05T09:00:00.000Z' }],
    conversations: [conversation(people.lead), conversation(people.secondLead), conversation(people.agent), conversation(people.requester)],
  });
  const workflow = createWorkflow({ store, clock: () => new Date() });
  // Each home its own ODS code: one organisation has one open access request.
  const submit = (name: string, odsCode: string) => {
    const { kind, organisation, users } = makeWorkflowTicket({ organisation: { ...makeWorkflowTicket().organisation!, name, odsCode } });
    return workflow.submit({ kind, organisation, users }, { ...people.requester, email: 'grace.adeyemi@rosewoodcare.org.uk' });
  };
  tickets = {
    roundTrip: await submit('Rosewood Court Care Home', 'VN4K2'),
    race: await submit('Lime Tree House', 'VL3T1'),
    throttled: await submit('Oak Lodge', 'VO4K2'),
    bothDown: await submit('Birch Court', 'VB5C3'),
    emailFallback: await submit('Elm Bank', 'VE6B4'),
    fromPostedCopy: await submit('Willow House', 'VW7H5'),
  };
  const nel = makeWorkflowTicket({
    organisation: {
      ...makeWorkflowTicket().organisation!,
      name: 'Hackney Lodge',
      odsCode: 'VH7Q1',
      icbCode: 'QMF',
      borough: 'Hackney',
      postcode: 'E8 1AA',
    },
  });
  channelTicket = await workflow.submit({ kind: nel.kind, organisation: nel.organisation, users: nel.users }, people.requester);
  await store.close();
  const caFile = path.join(dataDir, 'smtp-ca.pem');
  writeFileSync(caFile, smtp.certificate);
  bot = await startBotProcess({
    DATA_DIR: dataDir,
    TEAMS_SERVICE_URL: connector.url,
    NOTIFY_RETRY_SECONDS: '1',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_USER: smtp.user,
    SMTP_PASSWORD: smtp.password,
    SMTP_FROM: 'ucp.helpdesk@nhs.net',
    SMTP_CA_FILE: caFile,
  });
  // Each ticket awaits its ICS: a copy to each of the two leads' chats and one to the helpdesk channel.
  for (const ticket of Object.values(tickets)) {
    for (let i = 0; i < 100 && copiesOf(ticket.id).length < 3; i += 1) await new Promise((r) => setTimeout(r, 100));
  }
  // The North East London request: one copy to its ICS channel, one to the helpdesk channel.
  for (let i = 0; i < 100 && copiesOf(channelTicket.id).length < 2; i += 1) await new Promise((r) => setTimeout(r, 100));
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await connector?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('approving an organisation from its card, over real HTTP', () => {
  it('posts each waiting request to both leads of its ICS and to the helpdesk channel, with a refresh for the people who act', () => {
    for (const ticket of Object.values(tickets)) {
      const copies = copiesOf(ticket.id);
      expect(copies.map((c) => `${c.audience} ${c.conversationKey}`).sort()).toEqual(
        [
          'helpdesk conversation:19:helpdesk@thread.tacv2',
          `icsLead user:${people.lead.aadObjectId}`,
          `icsLead user:${people.secondLead.aadObjectId}`,
        ].sort(),
      );
    }
    const first = connector.posts().find((p) => JSON.stringify(p.body).includes(tickets.roundTrip.id));
    const card = JSON.stringify(first?.body);
    expect(card).toContain('"refresh"');
    expect(card).toContain('29:lead-sam');
    expect(card).toContain('29:agent-alex');
  });

  it('round trip: a lead approves, sees the approved card, every copy is updated and the manager is told', async () => {
    const { id, version } = tickets.roundTrip;
    const answer = await cardFrom(await invoke(people.lead, 'approveOrganisation', { ticketId: id, version }));
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(answer.text).not.toContain('approveOrganisation');
    expect(auditOf(id).filter((e) => e.action === 'approve')).toEqual([
      expect.objectContaining({ actor: people.lead.aadObjectId, from: 'awaitingIcsApproval', to: 'awaitingHelpdesk' }),
    ]);
    for (const copy of copiesOf(id)) {
      await connector.waitFor(
        (r) => r.route === 'update' && r.activityId === copy.activityId && r.status === 200 && JSON.stringify(r.body).includes('Sam Lead'),
      );
    }
    const told = await connector.waitFor((r) => toRequester(r) && JSON.stringify(r.body).includes(id));
    expect(JSON.stringify(told.body)).toMatch(/approved/i);
  });

  it('50 simultaneous approvals from two leads: one decision, one audit event, every copy updated, the others told who acted', async () => {
    const { id, version } = tickets.race;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        invoke(i % 2 === 0 ? people.lead : people.secondLead, 'approveOrganisation', { ticketId: id, version }).then(cardFrom),
      ),
    );
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(auditOf(id).filter((e) => e.action === 'approve')).toHaveLength(1);
    const approver = auditOf(id).find((e) => e.action === 'approve')!.actor === people.lead.aadObjectId ? 'Sam Lead' : 'Ria Lead';
    expect(answers.filter((a) => a.text.includes(`already approved by ${approver}`)).length).toBe(49);
    for (const copy of copiesOf(id)) {
      await connector.waitFor(
        (r) => r.route === 'update' && r.activityId === copy.activityId && r.status === 200 && JSON.stringify(r.body).includes(approver),
      );
    }
  });

  it('refuses someone who is not on the roster with a card that says so, changes nothing, and audits the attempt', async () => {
    const { id, version } = tickets.throttled;
    const answer = await cardFrom(await invoke(people.stranger, 'approveOrganisation', { ticketId: id, version }));
    expect(answer.text).toMatch(/cannot|can't|not able/i);
    const audit = auditOf(id);
    expect(audit.filter((e) => e.action === 'approve')).toHaveLength(0);
    expect(audit.filter((e) => e.action === 'denied')).toEqual([expect.objectContaining({ actor: people.stranger.aadObjectId })]);
  });

  it('honours Retry-After when Teams answers 429 to a card update', async () => {
    const { id, version } = tickets.throttled;
    const helpdeskCopy = copiesOf(id).find((c) => c.audience === 'helpdesk')!;
    connector.fail({ status: 429, retryAfter: 2, method: 'PUT', path: helpdeskCopy.activityId, times: 1 });
    await cardFrom(await invoke(people.lead, 'approveOrganisation', { ticketId: id, version }));
    const delivered = await connector.waitFor(
      (r) => r.route === 'update' && r.activityId === helpdeskCopy.activityId && r.status === 200,
      15_000,
    );
    const throttled = updatesOfAll(helpdeskCopy.activityId).find((r) => r.status === 429)!;
    expect(delivered.at - throttled.at).toBeGreaterThanOrEqual(2000);
  });

  it("keeps the manager's update while Teams and e-mail are both down, and delivers it once when they return", async () => {
    const { id, version } = tickets.bothDown;
    await connector.down();
    await smtp.down();
    try {
      await cardFrom(await invoke(people.lead, 'approveOrganisation', { ticketId: id, version }));
      const pending = await waitUntil(() => notificationsOf(id).find((n) => n.status === 'pending' && n.attempts >= 1), 30_000);
      expect(pending.lastError).toBeDefined();
    } finally {
      await connector.up();
      await smtp.up();
    }
    await waitUntil(() => notificationsOf(id).find((n) => n.status === 'sent'), 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    const viaTeams = connector.posts().filter((r) => toRequester(r) && JSON.stringify(r.body).includes(id));
    const viaEmail = smtp.messages().filter((m) => m.subject.includes(id));
    expect(viaTeams.length + viaEmail.length).toBe(1);
  });

  it('falls back to e-mail when Teams says the manager blocked the bot (403), and stops using that chat', async () => {
    const { id, version } = tickets.emailFallback;
    connector.fail({ status: 403, method: 'POST', path: `a:1on1-${people.requester.aadObjectId}`, times: 10 });
    await cardFrom(await invoke(people.lead, 'approveOrganisation', { ticketId: id, version }));
    const mail = await smtp.waitFor((m) => m.subject.includes(id), 15_000);
    expect(mail.rcptTo).toEqual(['grace.adeyemi@rosewoodcare.org.uk']);
    expect(mail.secure).toBe(true);
    expect(mail.text).toMatch(/approved/i);
    const live = JSON.parse(readFileSync(path.join(dataDir, 'live.json'), 'utf8')) as { conversations: ConversationRecord[] };
    expect(live.conversations.find((c) => c.key === `user:${people.requester.aadObjectId}`)?.usable).toBe(false);
  });
});

/** The card as posted to a conversation (what a client that never refreshes shows), and one of its buttons. */
function postedCard(
  conversationId: string,
  ticketId: string,
): { card: Record<string, unknown>; button(verb: string): { verb: string; data: Record<string, unknown> } } {
  const post = connector.posts().find((p) => p.conversationId === conversationId && JSON.stringify(p.body).includes(ticketId));
  const card = (post?.body as { attachments: { content: Record<string, unknown> }[] }).attachments[0].content;
  return {
    card,
    button: (verb) =>
      ofType(card, 'Action.Execute').find((action) => action.verb === verb) as { verb: string; data: Record<string, unknown> },
  };
}

describe('acting from the posted copy, as a client that never refreshes (issue 13 point 1), over real HTTP', () => {
  it('the lead approves with the Approve button of the card posted to their chat; every copy is updated, buttons that no longer apply gone', async () => {
    const { id } = tickets.fromPostedCopy;
    const posted = postedCard(`a:1on1-${people.lead.aadObjectId}`, id);
    expect([...new Set(buttonVerbs(posted.card))].sort()).toEqual(['approveOrganisation', 'rejectOrganisation', 'requestInformation']);
    const approve = posted.button('approveOrganisation');
    const answer = await cardFrom(await invoke(people.lead, approve.verb, approve.data));
    expect(answer.text).toContain('Approved by Sam Lead, South East London governance lead');
    expect(auditOf(id).filter((e) => e.action === 'approve')).toEqual([
      expect.objectContaining({ actor: people.lead.aadObjectId, to: 'awaitingHelpdesk' }),
    ]);
    for (const copy of copiesOf(id)) {
      const update = await connector.waitFor(
        (r) =>
          r.route === 'update' &&
          r.activityId === copy.activityId &&
          r.status === 200 &&
          JSON.stringify(r.body).includes('governance lead'),
      );
      const card = (update.body as { attachments: { content: Record<string, unknown> }[] }).attachments[0].content;
      expect([...new Set(buttonVerbs(card))].sort()).toEqual(
        copy.audience === 'icsLead' ? [] : ['assignTicket', 'requestInformation', 'tickChecklist'],
      );
    }
  });

  it('a stranger pressing Approve on the copy posted to the ICS channel gets the not-allowed card, changes nothing, and is audited', async () => {
    const { id } = channelTicket;
    const posted = postedCard(ICS_CHANNEL, id);
    const approve = posted.button('approveOrganisation');
    expect(approve).toBeDefined();
    const answer = await cardFrom(await invoke(people.stranger, approve.verb, approve.data, ICS_CHANNEL));
    expect(answer.text).toContain('You cannot act on this card');
    expect(answer.text).toContain("Only a governance lead of this organisation's ICS can do this");
    expect(answer.text).not.toContain('approveOrganisation');
    const audit = auditOf(id);
    expect(audit.filter((e) => e.action === 'approve')).toHaveLength(0);
    expect(audit.filter((e) => e.action === 'denied')).toEqual([
      expect.objectContaining({ actor: people.stranger.aadObjectId, details: expect.objectContaining({ verb: 'approve' }) }),
    ]);
    expect(
      copiesOf(id)
        .map((c) => c.audience)
        .sort(),
    ).toEqual(['helpdesk', 'icsLead']);
  });
});

describe('card actions from someone with no part in the ticket, over real HTTP', () => {
  /** Every card verb, refresh included, with what its card would send besides the ticket id and version. */
  const EVERY_VERB: Array<[string, Record<string, unknown>]> = [['refreshCard', {}], ...everyActionVerb(people.stranger.aadObjectId)];

  it.each(EVERY_VERB)(
    '%s from a stranger with a guessed ticket number answers a neutral card with no ticket facts, and changes nothing',
    async (verb, extra) => {
      const { id } = tickets.race;
      const before = JSON.parse(readFileSync(path.join(dataDir, 'live.json'), 'utf8')) as { tickets: WorkflowTicket[] };
      const stored = before.tickets.find((t) => t.id === id)!;
      const deniedBefore = auditOf(id).filter((e) => e.action === 'denied' && e.actor === people.stranger.aadObjectId).length;
      const response = await invoke(people.stranger, verb, { ticketId: id, version: stored.version, ...extra });
      expect(response.status).toBe(200);
      const raw = await response.text();
      expect(raw).toMatch(verb === 'refreshCard' ? /closed and archived/ : /You cannot act on this card/);
      const org = stored.organisation!;
      for (const fact of [
        id,
        org.name,
        org.odsCode,
        org.icbCode,
        'South East London',
        org.borough,
        org.postcode,
        'Grace',
        'Samuel',
        'Priya',
        'Waiting',
        stored.state,
      ]) {
        expect(raw).not.toContain(fact);
      }
      const after = JSON.parse(readFileSync(path.join(dataDir, 'live.json'), 'utf8')) as { tickets: WorkflowTicket[] };
      expect(after.tickets.find((t) => t.id === id)).toMatchObject({ state: stored.state, version: stored.version });
      // Every attempt to act is audited as a refusal; a refresh only asks to look.
      const denied = auditOf(id).filter((e) => e.action === 'denied' && e.actor === people.stranger.aadObjectId);
      expect(denied.length).toBe(deniedBefore + (verb === 'refreshCard' ? 0 : 1));
    },
  );

  it('answers a stranger pressing a button for a ticket number that does not exist exactly as for one that does', async () => {
    const { id } = tickets.race;
    const stored = (JSON.parse(readFileSync(path.join(dataDir, 'live.json'), 'utf8')) as { tickets: WorkflowTicket[] }).tickets.find(
      (t) => t.id === id,
    )!;
    const real = await (await invoke(people.stranger, 'closeTicket', { ticketId: id, version: stored.version })).json();
    const guessed = await (await invoke(people.stranger, 'closeTicket', { ticketId: 'UCP-999999', version: stored.version })).json();
    expect(real).toEqual(guessed);
  });

  it('refuses the helpdesk assigning a ticket to someone off the helpdesk roster, and audits the refusal', async () => {
    const { id } = tickets.race;
    const stored = (JSON.parse(readFileSync(path.join(dataDir, 'live.json'), 'utf8')) as { tickets: WorkflowTicket[] }).tickets.find(
      (t) => t.id === id,
    )!;
    const answer = await cardFrom(
      await invoke(people.agent, 'assignTicket', { ticketId: id, version: stored.version, assignee: people.lead.aadObjectId }),
    );
    expect(answer.text).toContain('Please choose someone on the helpdesk roster');
    expect(auditOf(id).filter((e) => e.action === 'assign')).toHaveLength(0);
    expect(auditOf(id).filter((e) => e.action === 'denied' && e.actor === people.agent.aadObjectId)).toEqual([
      expect.objectContaining({
        details: { verb: 'assign', why: 'assignee not on the helpdesk roster', assignee: people.lead.aadObjectId },
      }),
    ]);
  });
});

function notificationsOf(ticketId: string): NotificationRecord[] {
  const live = JSON.parse(readFileSync(path.join(dataDir, 'live.json'), 'utf8')) as { notifications: NotificationRecord[] };
  return live.notifications.filter((n) => n.key.startsWith(`${ticketId}:`));
}

async function waitUntil<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function updatesOfAll(activityId: string): RecordedRequest[] {
  return connector.requests().filter((r) => r.route === 'update' && r.activityId === activityId);
}
