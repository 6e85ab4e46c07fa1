import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedRecords } from '../helpers/storeFixtures.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CARD_VERB_TABLE } from '../../cards/verbs.js';
import type { WorkflowTicket } from '../../data/model.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { createWorkflow } from '../../data/workflow/workflow.js';
import { FakeConnector, type RecordedRequest } from '../helpers/fakeConnector.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { manager, type Reply } from '../helpers/conversationDriver.js';
import { makeWorkflowTicket, people, workflowRosters } from '../fixtures/workflowFixtures.js';

/**
 * Everything people read goes out as plain text, over real HTTP: the bot's replies in a conversation (returned in the
 * HTTP response) and its proactive messages (posted to a fake connector). A reason an ICS lead types with markdown or
 * HTML must reach the care home manager exactly as typed, not as a link or bold text.
 */

const MARKUP = '[link](https://example.org) and <b>bold</b>';
const GRACE_CHAT = `a:1on1-${people.requester.aadObjectId}`;

let connector: FakeConnector;
let bot: BotProcess;
let dataDir: string;
let tickets: { rejected: WorkflowTicket; questioned: WorkflowTicket };
/** Every activity the bot returned in HTTP responses during these tests. */
const replies: Record<string, unknown>[] = [];

/** An ICS lead pressing a card button with a typed reason. */
/** Presses an ICS lead's reason button as a real card does: the typed text in the verb's own box. */
async function leadActs(verb: 'rejectOrganisation' | 'requestInformation', ticket: WorkflowTicket, reason: string): Promise<void> {
  const box = CARD_VERB_TABLE[verb].data.inputId;
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `inv-${verb}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: '29:lead-sam', aadObjectId: people.lead.aadObjectId, name: people.lead.name },
      recipient: { id: '28:bot' },
      conversation: { id: `a:1on1-${people.lead.aadObjectId}`, conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb, data: { ticketId: ticket.id, version: ticket.version, [box]: reason } } },
    }),
  });
  expect(response.status).toBe(200);
}

/** Message activities with text that are not marked plain: what Teams would render as markdown. */
function notPlain(activities: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return activities.filter(
    (a) => (a.type ?? 'message') === 'message' && typeof a.text === 'string' && a.text !== '' && a.textFormat !== 'plain',
  );
}

const toGrace = (r: RecordedRequest) => r.route === 'send' && r.conversationId === GRACE_CHAT;

beforeAll(async () => {
  connector = await FakeConnector.start();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-plain-text-'));
  const store = await openLowdbStore({ dir: dataDir });
  await seedRecords(store, {
    rosters: workflowRosters(),
    conversations: [
      {
        key: `user:${people.requester.aadObjectId}`,
        usable: true,
        updatedAt: '2026-03-02T09:00:00.000Z',
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: GRACE_CHAT, conversationType: 'personal' },
          bot: { id: '28:bot' },
          user: { id: '29:requester-grace', aadObjectId: people.requester.aadObjectId },
        },
      },
    ],
  });
  const workflow = createWorkflow({ store, clock: () => new Date() });
  // Each home its own ODS code: one organisation has one open access request.
  const submit = (name: string, odsCode: string) => {
    const { kind, organisation, users } = makeWorkflowTicket({ organisation: { ...makeWorkflowTicket().organisation!, name, odsCode } });
    return workflow.submit({ kind, organisation, users }, { ...people.requester });
  };
  tickets = { rejected: await submit('Rosewood Court Care Home', 'VN4K2'), questioned: await submit(`Lime Tree House ${MARKUP}`, 'VL3T1') };
  await store.close();
  bot = await startBotProcess({ DATA_DIR: dataDir, TEAMS_SERVICE_URL: connector.url, NOTIFY_RETRY_SECONDS: '1' });
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('everything people read goes out as plain text, over real HTTP', () => {
  it("an ICS lead's reason typed with a markdown link and HTML reaches the manager as literal plain text", async () => {
    await leadActs('rejectOrganisation', tickets.rejected, MARKUP);
    await leadActs('requestInformation', tickets.questioned, MARKUP);
    const rejected = await connector.waitFor((r) => toGrace(r) && String(r.body.text).includes('could not approve'), 20_000);
    const asked = await connector.waitFor((r) => toGrace(r) && String(r.body.text).includes('needs a little more information'), 20_000);
    for (const { body } of [rejected, asked]) {
      expect(body.textFormat).toBe('plain');
      expect(String(body.text)).toContain(`"${MARKUP}"`);
    }
  }, 40_000);

  it("the manager's conversation replies are plain text, whatever the manager typed", async () => {
    const grace = manager(() => bot.url, people.requester, connector.url);
    const keep = (got: Reply[]) => replies.push(...got.map((r) => r.raw));
    for (const text of [
      'hello',
      'help',
      'status',
      'request access',
      `**VN4K2** ${MARKUP}`,
      'cancel',
      'leavers',
      'cancel',
      'check readiness',
      'start again',
    ]) {
      keep(await grace.say(text));
    }
    expect(replies.length).toBeGreaterThan(10);
    expect(notPlain(replies)).toEqual([]);
  }, 60_000);

  it('a message in a channel gets its pointer to the 1:1 chat as plain text', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'ch-1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        deliveryMode: 'expectReplies',
        text: 'hello',
        from: { id: '29:requester-grace', aadObjectId: people.requester.aadObjectId },
        recipient: { id: '28:bot' },
        conversation: { id: '19:care-homes@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true },
      }),
    });
    const body = (await response.json()) as { activities: Record<string, unknown>[] };
    replies.push(...body.activities);
    expect(body.activities.length).toBeGreaterThan(0);
    expect(notPlain(body.activities)).toEqual([]);
  });

  it('every message with text the bot sent in these tests, in replies and proactively (cards included), was marked plain', () => {
    const proactive = connector.requests().map((r) => r.body);
    expect(proactive.filter((a) => typeof a.text === 'string').length).toBeGreaterThanOrEqual(2);
    expect(notPlain([...proactive, ...replies])).toEqual([]);
  });
});
