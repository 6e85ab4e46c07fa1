import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Activity, InvokeResponse } from 'botbuilder';
import { SORRY_MESSAGE } from '../../../bot/teams/turnErrors.js';
import { createCardSender } from '../../../bot/notify/cardSender.js';
import { createNotifier, type NotificationInput } from '../../../bot/notify/notifier.js';
import { createTeamsSender } from '../../../bot/notify/teamsSender.js';
import { markPlainText } from '../../../bot/teams/plainTextOutbound.js';
import { buildDigests } from '../../../bot/reminders/digests.js';
import type { DueReminder } from '../../../bot/reminders/dueReminders.js';
import { buildRequesterUpdate, type RequesterUpdateEvent } from '../../../cards/requesterUpdate.js';
import type { WorkflowTicket } from '../../../data/model.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { startFakeConnector, type FakeConnector, type RecordedRequest } from '../../helpers/fakeConnector.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { localAdapter, MANAGER_AAD, seedConversation, teamsReference } from '../notify/notifyFixtures.js';

/** What a lead or the helpdesk might type as a reason: in Teams markdown this would be a link and bold text. */
const MARKUP = '[link](https://example.org) and <b>bold</b>';
const MANAGER_KEY = `user:${MANAGER_AAD}`;

/** Every message activity with text that reached the connector (posts and updates), as the connector saw it. */
function textMessages(requests: readonly RecordedRequest[]): Record<string, unknown>[] {
  return requests
    .map((r) => r.body)
    .filter((body) => (body.type ?? 'message') === 'message' && typeof body.text === 'string' && body.text !== '');
}

function ticket(overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  return makeWorkflowTicket({ requester: { aadObjectId: MANAGER_AAD, name: 'Grace Adeyemi' }, ...overrides });
}

/** A requester update as the host records it for this step, with the lead's or helpdesk's typed reason. */
function requesterUpdate(key: string, state: WorkflowTicket['state'], event: RequesterUpdateEvent): NotificationInput {
  const update = buildRequesterUpdate(ticket({ state, reason: event.reason }), event)!;
  return {
    key,
    recipient: { aadObjectId: MANAGER_AAD },
    subject: update.subject,
    text: update.text,
    ...(update.card ? { card: update.card } : {}),
  };
}

function digest(): NotificationInput {
  const reminder: DueReminder = {
    key: 'UCP-1:icsApproval:1',
    kind: 'icsApproval',
    ordinal: 1,
    ticketId: 'UCP-1',
    ticketVersion: 3,
    text: `${MARKUP} Care Home has waited 2 working days for your approval.`,
    recipients: [{ kind: 'person', aadObjectId: MANAGER_AAD }],
    why: 'ids and hours',
  };
  return buildDigests([reminder], new Date('2026-03-02T10:00:00Z'))[0].notification;
}

describe('every message the notifier sends goes out as plain text, through the real adapter to a fake connector', () => {
  let connector: FakeConnector;
  let store: Store;
  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await connector.close();
  });
  beforeEach(async () => {
    connector.reset();
    store = await openMemoryStore();
    await seedConversation(store, MANAGER_KEY, teamsReference(connector.url));
  });
  const notifier = () =>
    createNotifier({ store, teams: createTeamsSender(localAdapter(), ''), clock: () => new Date('2026-03-02T10:00:00Z') });

  it.each<[string, () => NotificationInput, boolean]>([
    ['a request received', () => requesterUpdate('k-received', 'submitted', { to: 'submitted' }), false],
    [
      'an ICS lead asking a question, in their own words',
      () => requesterUpdate('k-ask', 'needsInformation', { from: 'awaitingIcsApproval', to: 'needsInformation', reason: MARKUP }),
      true,
    ],
    [
      'an ICS lead turning a request down, with their reason',
      () => requesterUpdate('k-reject', 'rejected', { from: 'awaitingIcsApproval', to: 'rejected', reason: MARKUP }),
      true,
    ],
    [
      'the helpdesk turning a request down, with its reason',
      () => requesterUpdate('k-reject-hd', 'rejected', { from: 'assigned', to: 'rejected', reason: MARKUP }),
      true,
    ],
    ['a request done', () => requesterUpdate('k-done', 'resolved', { from: 'assigned', to: 'resolved' }), false],
    ['a reminder digest naming an organisation as it was typed', digest, true],
  ])('%s reaches the person as plain text, typed markup shown as typed', async (_what, input, carriesMarkup) => {
    await expect(notifier().notify(input())).resolves.toBe('sent');
    const [post] = connector.posts();
    expect(post.body.textFormat).toBe('plain');
    if (carriesMarkup) expect(String(post.body.text)).toContain(MARKUP);
  });

  it('sends plain text even when the code building a message asked for markdown', async () => {
    await createTeamsSender(localAdapter(), '').send(teamsReference(connector.url), {
      type: 'message',
      text: '**Approved**',
      textFormat: 'markdown',
    });
    expect(connector.posts()[0].body).toMatchObject({ text: '**Approved**', textFormat: 'plain' });
  });

  it('sends plain text in a replaced message too, and leaves a card with no text as it was', async () => {
    const sender = createTeamsSender(localAdapter(), '');
    await sender.update(teamsReference(connector.url), 'activity-1', { type: 'message', text: MARKUP });
    const card = { type: 'AdaptiveCard', version: '1.5', body: [] };
    await createCardSender({ store, teams: createTeamsSender(localAdapter(), ''), clock: () => new Date('2026-03-02T10:00:00Z') }).post(
      MANAGER_KEY,
      card,
    );
    const [update] = connector.updates();
    expect(update.body).toMatchObject({ text: MARKUP, textFormat: 'plain' });
    expect(connector.posts()[0].body.textFormat).toBeUndefined();
    expect(textMessages(connector.requests()).filter((body) => body.textFormat !== 'plain')).toEqual([]);
  });
});

describe('replies within a turn go out as plain text', () => {
  it('a reply sent as a bare string (the apology after a failed turn) is plain text', async () => {
    const adapter = localAdapter();
    const incoming = {
      type: 'message',
      id: 'm1',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      text: 'hello',
      from: { id: '29:grace', aadObjectId: MANAGER_AAD },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:1on1', conversationType: 'personal' },
    };
    const response = (await adapter.handle('', incoming, async (context) => {
      await context.sendActivity(SORRY_MESSAGE);
      await context.sendActivity({ type: 'typing' });
    })) as InvokeResponse<{ activities: Partial<Activity>[] }>;
    expect(response.body?.activities.map((a) => [a.type, a.textFormat])).toEqual([
      ['message', 'plain'],
      ['typing', undefined],
    ]);
  });

  it.each<[string, string | undefined, Partial<Activity>]>([
    ['a message with text', 'plain', { type: 'message', text: MARKUP }],
    ['a message whose type is left for botbuilder to fill in', 'plain', { text: MARKUP }],
    ['a message that asked for xml', 'plain', { type: 'message', text: MARKUP, textFormat: 'xml' }],
    ['a card with no text', undefined, { type: 'message', attachments: [] }],
    ['a typing indicator', undefined, { type: 'typing' }],
  ])('%s: textFormat %s', (_what, expected, activity) => {
    const copy = { ...activity };
    markPlainText(copy);
    expect(copy.textFormat).toBe(expected);
  });
});
