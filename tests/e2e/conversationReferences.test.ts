import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedRecords } from '../helpers/storeFixtures.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WorkflowTicket } from '../../data/model.js';
import { readLiveSnapshot } from '../../data/store/liveSnapshot.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { createWorkflow } from '../../data/workflow/workflow.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { makeWorkflowTicket, people, workflowRosters } from '../fixtures/workflowFixtures.js';

/**
 * Conversation references over real HTTP: whatever a sender puts in an activity's `conversation`, only what is needed
 * to write back is stored, and proactive messages still reach the person through the trimmed reference.
 */

const GRACE_CHAT = `a:1on1-${people.requester.aadObjectId}`;

let connector: FakeConnector;
let bot: BotProcess;
let dataDir: string;
let ticket: WorkflowTicket;

function liveSize(): number {
  return statSync(path.join(dataDir, 'live.json')).size;
}

/** A message from Grace, the care home manager, in her 1:1 chat (answered in the HTTP response). */
function fromGrace(conversation: Record<string, unknown>): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      from: { id: '29:requester-grace', aadObjectId: people.requester.aadObjectId, name: people.requester.name },
      recipient: { id: '28:bot' },
      conversation,
      text: 'status',
      timestamp: new Date().toISOString(),
    }),
  });
}

beforeAll(async () => {
  connector = await FakeConnector.start();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-references-'));
  const store = await openLowdbStore({ dir: dataDir });
  await seedRecords(store, { rosters: workflowRosters() });
  const { kind, organisation, users } = makeWorkflowTicket();
  ticket = await createWorkflow({ store, clock: () => new Date() }).submit({ kind, organisation, users }, { ...people.requester });
  await store.close();
  bot = await startBotProcess({ DATA_DIR: dataDir, TEAMS_SERVICE_URL: connector.url, NOTIFY_RETRY_SECONDS: '1' });
  // Settled: the ticket's card is in the helpdesk channel (the leads have no chat with the bot yet).
  await connector.waitFor((r) => r.route === 'send' && r.conversationId === '19:helpdesk@thread.tacv2', 20_000);
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('conversation references, over real HTTP', () => {
  it('a message whose conversation carries 240 KB of junk adds under 2 KB to the live file, and later messages still reach the person', async () => {
    // The same message once without junk first, so what is measured next is the reference alone (the turn's own state is already there).
    expect((await fromGrace({ id: GRACE_CHAT, conversationType: 'personal', tenantId: 'tenant-1' })).status).toBe(200);
    const before = liveSize();
    const junk = { id: GRACE_CHAT, conversationType: 'personal', tenantId: 'tenant-1', name: 'x'.repeat(1000), junk: 'x'.repeat(240_000) };
    expect((await fromGrace(junk)).status).toBe(200);
    expect(liveSize() - before).toBeLessThan(2048);
    const { conversations } = await readLiveSnapshot(dataDir);
    const stored = conversations.find((c) => c.key === `user:${people.requester.aadObjectId}`);
    expect(stored?.reference).toEqual({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: GRACE_CHAT, conversationType: 'personal', tenantId: 'tenant-1' },
      bot: { id: '28:bot' },
      user: { id: '29:requester-grace', aadObjectId: people.requester.aadObjectId },
    });

    // A proactive message through the trimmed reference: the ICS lead approves, and Grace is told in her chat.
    const approve = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'inv-1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:lead-sam', aadObjectId: people.lead.aadObjectId, name: people.lead.name },
        recipient: { id: '28:bot' },
        conversation: { id: `a:1on1-${people.lead.aadObjectId}`, conversationType: 'personal' },
        value: { action: { type: 'Action.Execute', verb: 'approveOrganisation', data: { ticketId: ticket.id, version: ticket.version } } },
      }),
    });
    expect(approve.status).toBe(200);
    const told = await connector.waitFor(
      (r) => r.route === 'send' && r.conversationId === GRACE_CHAT && String(r.body.text).includes('approved'),
      20_000,
    );
    expect(told.body).toMatchObject({ recipient: { id: '29:requester-grace' }, conversation: { id: GRACE_CHAT, tenantId: 'tenant-1' } });
    expect(JSON.stringify(told.body)).not.toContain('junk');
  }, 40_000);

  it('a message whose conversation id is 600 characters long is answered but not remembered, and the log names only the field', async () => {
    const forged = `a:${'y'.repeat(598)}`;
    const response = await fromGrace({ id: forged, conversationType: 'personal' });
    expect(response.status).toBe(200);
    const { conversations } = await readLiveSnapshot(dataDir);
    expect(conversations.filter((c) => JSON.stringify(c).includes('yyyy'))).toEqual([]);
    expect(bot.output()).toMatch(/"msg":"conversation not remembered: unusable reference","field":"conversation.id"/);
    expect(bot.output()).not.toContain('yyyy');
  });
});
