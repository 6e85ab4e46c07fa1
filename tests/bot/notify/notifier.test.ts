import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import net, { type AddressInfo } from 'node:net';
import { createMailer, messageIdFor, type Mailer } from '../../../bot/notify/mailer.js';
import { DeliveryError } from '../../../bot/notify/deliveryError.js';
import {
  addNotificationIfNew,
  createNotifier,
  pendingNotification,
  type Notifier,
  type NotifierDeps,
} from '../../../bot/notify/notifier.js';
import { createTeamsSender } from '../../../bot/notify/teamsSender.js';
import type { AuditEvent, NotificationRecord } from '../../../data/model.js';
import type { Store } from '../../../data/store/store.js';
import { startFakeConnector, type FakeConnector } from '../../helpers/fakeConnector.js';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtpServer.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import {
  capturedLogger,
  fakeSleep,
  localAdapter,
  MANAGER_AAD,
  seedConversation,
  storedConversation,
  teamsReference,
} from './notifyFixtures.js';

const FROM = 'ucp.onboarding@nhs.net';
const MANAGER_KEY = `user:${MANAGER_AAD}`;
const approved = (key = 'T-000123:approved:requester') => ({
  key,
  recipient: { aadObjectId: MANAGER_AAD, email: 'grace.adeyemi@nhs.net' },
  subject: 'Your UCP access request has been approved',
  text: 'Good news: your request T-000123 for Rosewood Court Care Home has been approved.',
});

function notification(store: Store, key: string): Promise<NotificationRecord | undefined> {
  return store.notifications.get(key);
}

async function auditEvents(store: Store): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of store.readAudit()) events.push(event);
  return events;
}

describe('the notifier, over real HTTP to a fake connector and real SMTP', () => {
  const folder = useStoreFolder();
  let connector: FakeConnector;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let store: Store;
  let now: Date;
  const clock = () => now;
  const notifiers: Notifier[] = [];

  beforeAll(async () => {
    connector = await startFakeConnector();
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await connector.close();
    await smtp.close();
  });
  beforeEach(async () => {
    now = new Date('2026-03-02T10:00:00.000Z');
    connector.reset();
    smtp.clear();
    store = await openMemoryStore({ clock });
    await seedConversation(store, MANAGER_KEY, teamsReference(connector.url));
    mailer = createMailer(
      { host: smtp.host, port: smtp.port, secure: false, user: smtp.user, password: smtp.password, from: FROM },
      { tls: { ca: smtp.certificate } },
    ) as Mailer;
  });
  afterEach(async () => {
    await Promise.all(notifiers.splice(0).map((n) => n.stop()));
    mailer.close();
    await connector.up();
    await smtp.up();
  });

  /** The tests about a restart run on a real data folder: what was on disk is what the next process finds. */
  const onDisk = async () => {
    await store.close();
    store = await folder.open({ clock });
    await seedConversation(store, MANAGER_KEY, teamsReference(connector.url));
  };

  const make = (overrides: Partial<NotifierDeps> = {}) => {
    const notifier = createNotifier({
      store,
      teams: createTeamsSender(localAdapter(), ''),
      mailer,
      clock,
      retry: { sleep: fakeSleep().sleep },
      ...overrides,
    });
    notifiers.push(notifier);
    return notifier;
  };
  const mailsFor = (key: string) => smtp.messages().filter((m) => m.messageId === messageIdFor(key, FROM));

  it('sends through Teams: the connector receives the text, and the record says sent, by Teams, when', async () => {
    await expect(make().notify(approved())).resolves.toBe('sent');
    const [post] = connector.posts();
    expect(post.conversationId).toBe('a:1on1-manager');
    expect(post.body.text).toBe(approved().text);
    expect(await notification(store, approved().key)).toMatchObject({
      status: 'sent',
      via: 'teams',
      sentAt: now.toISOString(),
      attempts: 1,
    });
    expect(await auditEvents(store)).toContainEqual(
      expect.objectContaining({ action: 'notification.sent', ticketId: 'T-000123', details: { key: approved().key, via: 'teams' } }),
    );
  });

  it('attaches the card when there is one', async () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Approved' }] };
    await make().notify({ ...approved(), card });
    expect(connector.posts()[0].body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }]);
  });

  it('waits as long as a 429 Retry-After asks (2 s) before trying again, then delivers once', async () => {
    const { waits, sleep } = fakeSleep();
    connector.fail({ status: 429, retryAfter: 2 });
    await expect(make({ retry: { sleep } }).notify(approved())).resolves.toBe('sent');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(connector.requests().map((r) => r.status)).toEqual([429, 200]);
    expect(connector.posts()).toHaveLength(1);
  });

  it('really waits at least 1 s after a 429 with Retry-After: 1', async () => {
    connector.fail({ status: 429, retryAfter: 1 });
    const started = Date.now();
    await expect(make({ retry: {} }).notify(approved())).resolves.toBe('sent');
    const [first, second] = connector.requests();
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(connector.posts()).toHaveLength(1);
  });

  it('retries a 500 and delivers exactly once', async () => {
    connector.fail({ status: 500 });
    await expect(make().notify(approved())).resolves.toBe('sent');
    expect(connector.requests().map((r) => r.status)).toEqual([500, 200]);
    expect(connector.posts()).toHaveLength(1);
    expect(mailsFor(approved().key)).toHaveLength(0);
  });

  it.each([[403], [404]])('after %i marks the conversation unusable and sends the e-mail instead', async (status) => {
    connector.fail({ status });
    await expect(make().notify(approved())).resolves.toBe('sent');
    expect(connector.requests()).toHaveLength(1);
    expect((await storedConversation(store, MANAGER_KEY))?.usable).toBe(false);
    const [mail] = mailsFor(approved().key);
    expect(mail.rcptTo).toEqual(['grace.adeyemi@nhs.net']);
    expect(mail.subject).toBe(approved().subject);
    expect(mail.text).toBe(approved().text);
    expect(mail.messageId).toBe(messageIdFor(approved().key, FROM));
    expect(await notification(store, approved().key)).toMatchObject({ status: 'sent', via: 'email' });
    expect(await auditEvents(store)).toContainEqual(
      expect.objectContaining({ action: 'conversation.unusable', details: { conversationKey: MANAGER_KEY, reason: `http-${status}` } }),
    );
  });

  it('does not try Teams again on a conversation already marked unusable', async () => {
    await seedConversation(store, MANAGER_KEY, teamsReference(connector.url), false);
    await expect(make().notify(approved())).resolves.toBe('sent');
    expect(connector.requests()).toHaveLength(0);
    expect(mailsFor(approved().key)).toHaveLength(1);
  });

  it('leaves a reference stored since the failed send usable (the person came back)', async () => {
    const sleep = async () => {
      // While Teams is being retried, the person messages the bot and a fresh reference is stored.
      await seedConversation(store, MANAGER_KEY, { ...teamsReference(connector.url), activityId: 'f:newer' });
      await store.transaction(async (tx) => {
        const c = await tx.conversations.get(MANAGER_KEY);
        if (c) await tx.conversations.put({ ...c, updatedAt: '2026-03-02T10:00:01.000Z' });
      });
    };
    connector.fail({ status: 500 });
    connector.fail({ status: 403 });
    await make({ retry: { sleep } }).notify(approved());
    expect((await storedConversation(store, MANAGER_KEY))?.usable).toBe(true);
  });

  it('gives the same key twice: the second is a duplicate and only one message is delivered', async () => {
    const notifier = make();
    await expect(notifier.notify(approved())).resolves.toBe('sent');
    await expect(notifier.notify(approved())).resolves.toBe('duplicate');
    expect(connector.posts()).toHaveLength(1);
  });

  it('delivers once when the same key is notified twice at the same moment', async () => {
    const notifier = make();
    const outcomes = await Promise.all([notifier.notify(approved()), notifier.notify(approved())]);
    expect(outcomes.sort()).toEqual(['duplicate', 'sent']);
    expect(connector.posts()).toHaveLength(1);
  });

  it('sends by e-mail when the person has no Teams conversation stored yet', async () => {
    const input = { ...approved(), recipient: { aadObjectId: 'b0000000-0000-4000-8000-000000000009', email: 'sam.okafor@nhs.net' } };
    await expect(make().notify(input)).resolves.toBe('sent');
    expect(connector.requests()).toHaveLength(0);
    expect(mailsFor(input.key)[0].rcptTo).toEqual(['sam.okafor@nhs.net']);
  });

  it('keeps a notification with no way to reach anyone yet, and delivers it once a conversation is stored', async () => {
    const input = { ...approved(), recipient: { aadObjectId: 'c0000000-0000-4000-8000-000000000010' } };
    const notifier = make();
    await expect(notifier.notify(input)).resolves.toBe('queued');
    expect(await notification(store, input.key)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'teams:no-conversation' });
    await seedConversation(store, 'user:c0000000-0000-4000-8000-000000000010', teamsReference(connector.url, 'a:1on1-other'));
    now = new Date(now.getTime() + 61_000);
    await expect(notifier.retryDue()).resolves.toEqual({ sent: 1, queued: 0 });
    expect(connector.posts().map((p) => p.conversationId)).toEqual(['a:1on1-other']);
  });

  it('keeps the notification when Teams and e-mail are both down (recording when it was last tried), across a restart, and delivers it exactly once when they return', async () => {
    await onDisk();
    await connector.down();
    await smtp.down();
    await expect(make().notify(approved())).resolves.toBe('queued');
    const kept = await notification(store, approved().key);
    expect(kept).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-03-02T10:01:00.000Z',
      lastAttemptAt: now.toISOString(),
    });
    expect(kept?.lastError).toMatch(/^teams:ECONNREFUSED email:\w+$/);

    // The service restarts: a new store on the same folder, a new notifier.
    await Promise.all(notifiers.splice(0).map((n) => n.stop()));
    await store.close();
    store = await folder.open({ clock });
    expect(await notification(store, approved().key)).toEqual(kept);
    const notifier = make();

    await expect(notifier.retryDue()).resolves.toEqual({ sent: 0, queued: 0 });
    now = new Date('2026-03-02T10:01:00.000Z');
    await expect(notifier.retryDue()).resolves.toEqual({ sent: 0, queued: 1 });
    expect(await notification(store, approved().key)).toMatchObject({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: '2026-03-02T10:03:00.000Z',
      lastAttemptAt: '2026-03-02T10:01:00.000Z',
    });

    await connector.up();
    await smtp.up();
    now = new Date('2026-03-02T10:03:00.000Z');
    await expect(notifier.retryDue()).resolves.toEqual({ sent: 1, queued: 0 });
    now = new Date('2026-03-02T11:00:00.000Z');
    await expect(notifier.retryDue()).resolves.toEqual({ sent: 0, queued: 0 });
    expect(connector.posts()).toHaveLength(1);
    expect(mailsFor(approved().key)).toHaveLength(0);
    expect(await notification(store, approved().key)).toMatchObject({ status: 'sent', via: 'teams', attempts: 3 });
  });

  it('falls back to e-mail when Teams stays unavailable after its retries', async () => {
    connector.fail({ status: 503, times: 4 });
    await expect(make().notify(approved())).resolves.toBe('sent');
    expect(connector.requests()).toHaveLength(4);
    expect((await storedConversation(store, MANAGER_KEY))?.usable).toBe(true);
    expect(mailsFor(approved().key)).toHaveLength(1);
  });

  it('schedules the next round no sooner than a long Retry-After asks', async () => {
    connector.fail({ status: 429, retryAfter: 600 });
    await expect(make({ mailer: undefined }).notify(approved())).resolves.toBe('queued');
    expect(connector.requests()).toHaveLength(1);
    expect(await notification(store, approved().key)).toMatchObject({
      nextAttemptAt: '2026-03-02T10:10:00.000Z',
      lastError: 'teams:http-429',
    });
  });

  it('delivers queued notifications from its timer', async () => {
    await connector.down();
    const notifier = make({ mailer: undefined });
    await expect(notifier.notify(approved())).resolves.toBe('queued');
    await connector.up();
    now = new Date('2026-03-02T10:05:00.000Z');
    notifier.start(20);
    await connector.waitFor((r) => r.route === 'send' && r.status === 200, 5000);
    await notifier.stop();
    expect((await notification(store, approved().key))?.status).toBe('sent');
  });

  it('stops within a second in the middle of a long Retry-After wait and keeps the notification', async () => {
    connector.fail({ status: 429, retryAfter: 25 });
    const notifier = make({ mailer: undefined, retry: {} });
    const outcome = notifier.notify(approved());
    await connector.waitFor((r) => r.status === 429);
    const started = Date.now();
    await notifier.stop();
    await expect(outcome).resolves.toBe('queued');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await notification(store, approved().key)).toMatchObject({ status: 'pending', lastError: 'teams:http-429' });
    expect(connector.requests()).toHaveLength(1);
  });

  it('stops within a second in the middle of a backoff wait (Teams, then e-mail not tried) and keeps the notification', async () => {
    connector.fail({ status: 500, times: 10 });
    // Real sleeps, with backoff long enough that only stop() can end them.
    const notifier = make({ retry: { baseMs: 20_000, capMs: 30_000, maxTotalMs: 120_000, random: () => 0.5 } });
    const outcome = notifier.notify(approved());
    await connector.waitFor((r) => r.status === 500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await notifier.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(outcome).resolves.toBe('queued');
    expect(await notification(store, approved().key)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'teams:http-500' });
    expect(connector.requests()).toHaveLength(1);
    expect(mailsFor(approved().key)).toHaveLength(0);
  });

  it('stops within a second while deliver() of a recorded notification waits to retry e-mail, and keeps it pending', async () => {
    await seedConversation(store, MANAGER_KEY, teamsReference(connector.url), false);
    let sends = 0;
    const failing: Mailer = {
      send: async () => {
        sends += 1;
        throw new DeliveryError('retryable', 'smtp-451');
      },
      close: () => undefined,
    };
    const notifier = make({ mailer: failing, retry: { baseMs: 20_000, capMs: 30_000, maxTotalMs: 120_000 } });
    await store.transaction((tx) => addNotificationIfNew(tx, pendingNotification(approved(), now)));
    const outcome = notifier.deliver(approved().key);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await notifier.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(outcome).resolves.toBe('queued');
    expect(sends).toBe(1);
    expect(await notification(store, approved().key)).toMatchObject({
      status: 'pending',
      lastError: 'teams:conversation-unusable email:smtp-451',
    });
  });

  it('stops within its budget even while a request hangs, and keeps the notification', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      await seedConversation(store, MANAGER_KEY, teamsReference(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`));
      const notifier = make({ mailer: undefined });
      const late = notifier.notify(approved());
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      await notifier.stop(300);
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await notification(store, approved().key))?.status).toBe('pending');
      // The request was written and its connection then broke: it may have been delivered, so it is not sent again.
      sockets.forEach((s) => s.destroy());
      await expect(late).resolves.toBe('sent');
      expect(await notification(store, approved().key)).toMatchObject({ status: 'sent', via: 'teams', lastError: 'teams:ambiguous' });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('removes delivered notifications from the live file after 30 days, never pending ones, and keeps their audit events', async () => {
    await connector.down();
    const notifier = make({ mailer: undefined });
    await expect(notifier.notify(approved('T-000200:stuck:requester'))).resolves.toBe('queued');
    await connector.up();
    await expect(notifier.notify(approved())).resolves.toBe('sent');
    await connector.down();
    now = new Date('2026-04-01T10:00:00.000Z');
    await notifier.retryDue();
    expect(await notification(store, approved().key)).toBeDefined();
    now = new Date('2026-04-01T10:00:00.001Z');
    await notifier.retryDue();
    expect(await notification(store, approved().key)).toBeUndefined();
    expect((await notification(store, 'T-000200:stuck:requester'))?.status).toBe('pending');
    expect(await auditEvents(store)).toContainEqual(
      expect.objectContaining({ action: 'notification.sent', details: { key: approved().key, via: 'teams' } }),
    );
  });

  it('delivers a notification the host recorded inside its own store update, once: deliver(key)', async () => {
    const record = pendingNotification(approved(), now);
    expect(record).toMatchObject({
      key: approved().key,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      createdAt: now.toISOString(),
    });
    // The host's transaction: the ticket transition and the notification land together.
    await expect(store.transaction((tx) => addNotificationIfNew(tx, record))).resolves.toBe(true);
    await expect(store.transaction((tx) => addNotificationIfNew(tx, { ...record, text: 'other' }))).resolves.toBe(false);
    expect((await notification(store, approved().key))?.text).toBe(approved().text);

    const notifier = make();
    await expect(notifier.deliver(approved().key)).resolves.toBe('sent');
    await expect(notifier.deliver(approved().key)).resolves.toBe('duplicate');
    await expect(notifier.notify(approved())).resolves.toBe('duplicate');
    expect(connector.posts()).toHaveLength(1);
    expect(await notification(store, approved().key)).toMatchObject({ status: 'sent', via: 'teams', attempts: 1 });
  });

  it('answers unknown for a key the store does not hold, and refuses an incomplete notification', async () => {
    await expect(make().deliver('T-000999:nothing:requester')).resolves.toBe('unknown');
    expect(() => pendingNotification({ ...approved(), text: '' }, now)).toThrow(TypeError);
    expect(connector.requests()).toHaveLength(0);
  });

  it('never delivers a key twice when deliver(), a timer round and another deliver() meet (the host does not await deliver)', async () => {
    const sleep = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
    connector.fail({ status: 500 });
    const notifier = make({ retry: { sleep } });
    await store.transaction((tx) => addNotificationIfNew(tx, pendingNotification(approved(), now)));
    const first = notifier.deliver(approved().key);
    await connector.waitFor((r) => r.status === 500);
    const outcomes = await Promise.all([notifier.deliver(approved().key), notifier.retryDue(), first]);
    expect(outcomes).toEqual(['duplicate', { sent: 0, queued: 0 }, 'sent']);
    expect(connector.posts()).toHaveLength(1);
  });

  it('resolves deliver() even when the outcome cannot be written (the store closed under it): the record stays pending', async () => {
    await onDisk();
    await store.transaction((tx) => addNotificationIfNew(tx, pendingNotification(approved(), now)));
    // The store closes while Teams is being retried; the retry lands, but 'sent' cannot be written (sent again later: at least once).
    const notifier = make({
      mailer: undefined,
      retry: {
        sleep: async () => {
          await store.close();
        },
      },
    });
    connector.fail({ status: 500 });
    await expect(notifier.deliver(approved().key)).resolves.toBe('queued');
    store = await folder.open({ clock });
    expect(await notification(store, approved().key)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('records an ambiguous Teams failure (connection dropped after the request) as sent but unconfirmed: no retry, no e-mail as well', async () => {
    connector.fail({ status: 'drop' });
    const notifier = make();
    await expect(notifier.notify(approved())).resolves.toBe('sent');
    expect(connector.requests().map((r) => r.status)).toEqual(['dropped']);
    expect(mailsFor(approved().key)).toHaveLength(0);
    expect(await notification(store, approved().key)).toMatchObject({
      status: 'sent',
      via: 'teams',
      lastError: 'teams:ambiguous',
      attempts: 1,
      sentAt: now.toISOString(),
    });
    expect((await storedConversation(store, MANAGER_KEY))?.usable).toBe(true);
    expect(await auditEvents(store)).toContainEqual(
      expect.objectContaining({
        action: 'notification.unconfirmed',
        ticketId: 'T-000123',
        details: { key: approved().key, via: 'teams', reason: 'ECONNRESET' },
      }),
    );
    now = new Date(now.getTime() + 3_600_000);
    await expect(notifier.retryDue()).resolves.toEqual({ sent: 0, queued: 0 });
    await expect(notifier.deliver(approved().key)).resolves.toBe('duplicate');
    expect(connector.requests()).toHaveLength(1);
  });

  it('still retries a failure where nothing was delivered (a refused connection), then falls back to e-mail', async () => {
    await connector.down();
    await expect(make().notify(approved())).resolves.toBe('sent');
    expect(mailsFor(approved().key)).toHaveLength(1);
    expect(await notification(store, approved().key)).toMatchObject({ status: 'sent', via: 'email' });
    expect((await notification(store, approved().key))?.lastError).toBeUndefined();
  });

  it('records an ambiguous e-mail failure (no answer after the message body) as sent but unconfirmed, tried once', async () => {
    await seedConversation(store, MANAGER_KEY, teamsReference(connector.url), false);
    let sends = 0;
    const silentAfterData: Mailer = {
      send: async () => {
        sends += 1;
        throw new DeliveryError('ambiguous', 'ETIMEDOUT');
      },
      close: () => undefined,
    };
    const notifier = make({ mailer: silentAfterData });
    await expect(notifier.notify(approved())).resolves.toBe('sent');
    expect(sends).toBe(1);
    expect(await notification(store, approved().key)).toMatchObject({ status: 'sent', via: 'email', lastError: 'email:ambiguous' });
    expect(await auditEvents(store)).toContainEqual(
      expect.objectContaining({ action: 'notification.unconfirmed', details: { key: approved().key, via: 'email', reason: 'ETIMEDOUT' } }),
    );
    now = new Date(now.getTime() + 3_600_000);
    await notifier.retryDue();
    expect(sends).toBe(1);
  });

  it('never writes names, e-mail addresses or message text to its log', async () => {
    const { logger, lines } = capturedLogger();
    connector.fail({ status: 403 });
    await make({ logger }).notify(approved());
    await smtp.down();
    await make({
      logger,
      mailer: createMailer({ host: smtp.host, port: smtp.port, secure: false, user: smtp.user, password: smtp.password, from: FROM }),
    }).notify(approved('T-000123:reminder:requester'));
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of ['grace', 'Grace', 'nhs.net', 'Rosewood', 'Good news', 'approved.', smtp.password])
      expect(log).not.toContain(secret);
    expect(log).toContain('T-000123:approved:requester');
  });
});
