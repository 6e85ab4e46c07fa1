import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createCardSender, type CardSender, type CardSenderDeps } from '../../../bot/notify/cardSender.js';
import { createTeamsSender } from '../../../bot/notify/teamsSender.js';
import type { Store } from '../../../data/store/store.js';
import { startFakeConnector, type FakeConnector } from '../../helpers/fakeConnector.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { fakeSleep, localAdapter, seedConversation, storedConversation, teamsReference } from './notifyFixtures.js';

const HELPDESK = 'conversation:19:helpdesk@thread.tacv2';
const card = (status: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `T-000123: ${status}` }] });

describe('ticket cards, posted and updated through the card sender', () => {
  let connector: FakeConnector;
  let store: Store;
  let sender: CardSender | undefined;
  const clock = () => new Date('2026-03-02T10:00:00.000Z');

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await connector.close();
  });
  beforeEach(async () => {
    connector.reset();
    store = await openMemoryStore({ clock });
    await seedConversation(store, HELPDESK, teamsReference(connector.url, '19:helpdesk@thread.tacv2'));
  });
  afterEach(async () => {
    await sender?.stop();
  });

  const make = (overrides: Partial<CardSenderDeps> = {}) => {
    sender = createCardSender({
      store,
      teams: createTeamsSender(localAdapter(), ''),
      clock,
      retry: { sleep: fakeSleep().sleep },
      ...overrides,
    });
    return sender;
  };

  it('posts a card and updates that same activity, both recorded by the connector', async () => {
    const n = make();
    const activityId = await n.post(HELPDESK, card('awaiting helpdesk'));
    const [post] = connector.posts();
    expect(activityId).toBe(post.answeredId);
    expect(post.conversationId).toBe('19:helpdesk@thread.tacv2');
    expect(post.body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('awaiting helpdesk') }]);

    await expect(n.update(HELPDESK, activityId as string, card('assigned'))).resolves.toBe('updated');
    const [put] = connector.updates();
    expect(put.activityId).toBe(activityId);
    expect(put.body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('assigned') }]);
  });

  it('retries a card post after a 429 and returns the id of the one post that landed', async () => {
    connector.fail({ status: 429, retryAfter: 1 });
    const id = await make().post(HELPDESK, card('submitted'));
    expect(connector.posts()).toHaveLength(1);
    expect(id).toBe(connector.posts()[0].answeredId);
  });

  it('returns no id when the bot was removed from the channel, and marks that conversation unusable', async () => {
    connector.fail({ status: 403 });
    await expect(make().post(HELPDESK, card('submitted'))).resolves.toBeUndefined();
    expect((await storedConversation(store, HELPDESK))?.usable).toBe(false);
  });

  it('keeps an update that keeps failing and delivers it on the next retry round', async () => {
    connector.fail({ status: 502, times: 4 });
    const n = make();
    await expect(n.update(HELPDESK, 'activity-1', card('resolved'))).resolves.toBe('pending');
    expect(connector.updates()).toHaveLength(0);
    await n.retryPending();
    const [put] = connector.updates();
    expect(put.body.attachments).toEqual([expect.objectContaining({ content: card('resolved') })]);
    await n.retryPending();
    expect(connector.updates()).toHaveLength(1);
  });

  it('retries a pending update on its own timer, with nobody calling it', async () => {
    connector.fail({ status: 502, times: 4 });
    const n = make();
    await expect(n.update(HELPDESK, 'activity-1', card('resolved'))).resolves.toBe('pending');
    n.start(10);
    await connector.waitFor((r) => r.method === 'PUT' && r.status === 200);
    expect(connector.updates().map((u) => u.body.attachments)).toEqual([[expect.objectContaining({ content: card('resolved') })]]);
  });

  it('drops a pending update once a newer one for the same card lands', async () => {
    connector.fail({ status: 502, times: 4 });
    const n = make();
    await expect(n.update(HELPDESK, 'activity-1', card('assigned'))).resolves.toBe('pending');
    await expect(n.update(HELPDESK, 'activity-1', card('resolved'))).resolves.toBe('updated');
    await n.retryPending();
    expect(connector.updates().map((u) => u.body.attachments)).toEqual([[expect.objectContaining({ content: card('resolved') })]]);
  });

  it('never lets an older update land after a newer one: the older one, still waiting to retry, gives way', async () => {
    const sleep = (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    connector.fail({ status: 500 });
    const n = make({ retry: { sleep } });
    const older = n.update(HELPDESK, 'activity-1', card('assigned'));
    await connector.waitFor((r) => r.status === 500);
    const newer = n.update(HELPDESK, 'activity-1', card('resolved'));
    await expect(older).resolves.toBe('superseded');
    await expect(newer).resolves.toBe('updated');
    expect(connector.updates().map((u) => u.body.attachments)).toEqual([[expect.objectContaining({ content: card('resolved') })]]);
  });

  it.each([[403], [404]])(
    'reports an update refused with %i as gone for that copy and leaves the conversation usable (the message may just have been deleted)',
    async (status) => {
      connector.fail({ status });
      const n = make();
      await expect(n.update(HELPDESK, 'activity-gone', card('closed'))).resolves.toBe('gone');
      expect((await storedConversation(store, HELPDESK))?.usable).toBe(true);
      expect(connector.requests()).toHaveLength(1);
      // Other copies in the same channel are still updated, and new cards still posted.
      await expect(n.update(HELPDESK, 'activity-2', card('closed'))).resolves.toBe('updated');
      await expect(n.post(HELPDESK, card('submitted'))).resolves.toEqual(expect.any(String));
      await n.retryPending();
      expect(connector.requests()).toHaveLength(3);
    },
  );

  it('still marks the conversation unusable when a card post is refused with 404', async () => {
    connector.fail({ status: 404 });
    await expect(make().post(HELPDESK, card('submitted'))).resolves.toBeUndefined();
    expect((await storedConversation(store, HELPDESK))?.usable).toBe(false);
  });

  it('fails an update at once when the conversation is already marked unusable', async () => {
    await seedConversation(store, HELPDESK, teamsReference(connector.url, '19:helpdesk@thread.tacv2'), false);
    await expect(make().update(HELPDESK, 'activity-1', card('closed'))).resolves.toBe('failed');
    expect(connector.requests()).toHaveLength(0);
  });

  it('keeps an update whose connection dropped after the request (ambiguous) and sends it again: replacing a card twice is harmless', async () => {
    connector.fail({ status: 'drop' });
    const n = make();
    await expect(n.update(HELPDESK, 'activity-1', card('resolved'))).resolves.toBe('pending');
    expect(connector.requests()).toHaveLength(1);
    await n.retryPending();
    expect(connector.updates().map((u) => u.body.attachments)).toEqual([[expect.objectContaining({ content: card('resolved') })]]);
  });

  it("does not repeat a card post whose connection dropped after the request (ambiguous): no id, the host's next sync decides", async () => {
    connector.fail({ status: 'drop' });
    await expect(make().post(HELPDESK, card('submitted'))).resolves.toBeUndefined();
    expect(connector.requests().map((r) => r.status)).toEqual(['dropped']);
    expect((await storedConversation(store, HELPDESK))?.usable).toBe(true);
  });
});
