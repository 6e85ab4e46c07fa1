/**
 * A notifier that stops gracefully (a deployment restarting each instance in turn) releases the claims it never started
 * sending, so the other instance delivers those at once instead of after the lease; a send that may have reached Teams
 * keeps its lease.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createNotifier, type Notifier } from '../../../bot/notify/notifier.js';
import { recordNotification } from '../../../bot/notify/outbox.js';
import type { TeamsSender } from '../../../bot/notify/teamsSender.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { NotificationOutbox, Store } from '../../../data/store/store.js';
import { fakeSleep, MANAGER_AAD, seedConversation, teamsReference } from './notifyFixtures.js';

const LEASE_MS = 9 * 60_000;
const KEYS = ['T-000101', 'T-000102', 'T-000103', 'T-000104', 'T-000105'].map((id) => `${id}:approved:requester`);

/** A Teams sender whose sends wait until the test settles them; it keeps the text of each message it was asked to send. */
function heldTeams() {
  const held: { text: string; settle: () => void }[] = [];
  const teams: TeamsSender = {
    send: (_reference, activity) =>
      new Promise((resolve) => {
        held.push({ text: String(activity.text), settle: () => resolve({ activityId: `sent-${held.length}` }) });
      }),
    update: async () => undefined,
  };
  return { teams, held };
}

/** A Teams sender that accepts every message at once and keeps its text. */
function acceptingTeams() {
  const sent: string[] = [];
  const teams: TeamsSender = {
    send: async (_reference, activity) => {
      sent.push(String(activity.text));
      return { activityId: `sent-${sent.length}` };
    },
    update: async () => undefined,
  };
  return { teams, sent };
}

/** `store` with one outbox claim held back until the test opens it: a slow database write caught by the stop. */
function withGatedClaim(store: Store, which: 'claim' | 'claimDue') {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let reached: () => void = () => undefined;
  const waiting = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const outbox: NotificationOutbox = {
    ...store.notifications,
    [which]: async (...args: unknown[]) => {
      reached();
      await gate;
      return (store.notifications[which] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  };
  const gated = new Proxy(store, {
    get: (target, property) => {
      if (property === 'notifications') return outbox;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: gated, waiting, open };
}

/** Resolves once `check` holds, looking every few milliseconds. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe('a notifier instance stopping while another runs on the same store', () => {
  let store: Store;
  const now = new Date('2026-03-02T10:00:00.000Z');
  const clock = () => now;
  const notifiers: Notifier[] = [];

  const instance = (owner: string, teams: TeamsSender, on: Store = store) => {
    const notifier = createNotifier({
      store: on,
      teams,
      clock,
      owner,
      leaseMs: LEASE_MS,
      retry: { maxAttempts: 1, sleep: fakeSleep().sleep },
    });
    notifiers.push(notifier);
    return notifier;
  };

  const setUp = async (keys: readonly string[] = KEYS) => {
    store = await openMemoryStore({ clock });
    await seedConversation(store, `user:${MANAGER_AAD}`, teamsReference('http://127.0.0.1:9/'));
    for (const key of keys) {
      await recordNotification(store, { key, recipient: { aadObjectId: MANAGER_AAD }, subject: 'Approved', text: key }, now);
    }
  };

  afterEach(async () => {
    await Promise.all(notifiers.splice(0).map((notifier) => notifier.stop(100)));
    await store.close();
  });

  it('releases the notifications its round had claimed but not reached, so the other instance sends them at once', async () => {
    await setUp();
    const a = heldTeams();
    const b = acceptingTeams();
    const first = instance('host-a:1:aa', a.teams);
    const second = instance('host-b:2:bb', b.teams);

    const round = first.retryDue();
    await until(() => a.held.length === 1);
    const stopped = first.stop(1000);
    a.held[0].settle();
    await stopped;

    expect(await round).toEqual({ sent: 1, queued: 0 });
    // Well inside the nine-minute lease: without the release the second instance would find nothing to send.
    expect(await second.retryDue(now)).toEqual({ sent: 4, queued: 0 });
    expect([...a.held.map((send) => send.text), ...b.sent].sort()).toEqual(KEYS);
    for (const record of await store.notifications.list()) expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it("keeps the lease of a send still in flight when the stop's wait ran out, and releases the rest of the round", async () => {
    await setUp();
    const a = heldTeams();
    const b = acceptingTeams();
    const first = instance('host-a:1:aa', a.teams);
    const second = instance('host-b:2:bb', b.teams);

    void first.retryDue();
    await until(() => a.held.length === 1);
    // The request may have reached Teams: it must not be sent again while it could still be delivered.
    await first.stop(50);

    expect(await second.retryDue(now)).toEqual({ sent: 4, queued: 0 });
    const inFlight = a.held[0].text;
    expect(b.sent).not.toContain(inFlight);
    expect(await store.notifications.get(inFlight)).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: 'host-a:1:aa' });
  });

  it('releases a batch whose claim was still being written when the stop began, sending none of it', async () => {
    await setUp();
    const gated = withGatedClaim(store, 'claimDue');
    const a = heldTeams();
    const b = acceptingTeams();
    const first = instance('host-a:1:aa', a.teams, gated.store);
    const second = instance('host-b:2:bb', b.teams);

    const round = first.retryDue();
    await gated.waiting;
    const stopped = first.stop(1000);
    gated.open();
    await stopped;

    expect(await round).toEqual({ sent: 0, queued: 0 });
    expect(a.held).toHaveLength(0);
    for (const record of await store.notifications.list()) expect(record.leaseOwner).toBeUndefined();
    expect(await second.retryDue(now)).toEqual({ sent: 5, queued: 0 });
  });

  it('releases a notification the stop reached between its claim and its first send', async () => {
    await setUp(KEYS.slice(0, 1));
    const gated = withGatedClaim(store, 'claim');
    const a = heldTeams();
    const b = acceptingTeams();
    const first = instance('host-a:1:aa', a.teams, gated.store);
    const second = instance('host-b:2:bb', b.teams);

    const delivered = first.deliver(KEYS[0]);
    await gated.waiting;
    const stopped = first.stop(1000);
    gated.open();
    await stopped;

    expect(await delivered).toBe('queued');
    expect(a.held).toHaveLength(0);
    expect(await store.notifications.get(KEYS[0])).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await store.notifications.get(KEYS[0]))?.leaseOwner).toBeUndefined();
    expect(await second.retryDue(now)).toEqual({ sent: 1, queued: 0 });
  });

  it('leaves a notification recorded after the stop unclaimed, for the other instance to send at once', async () => {
    await setUp([]);
    const first = instance('host-a:1:aa', heldTeams().teams);
    const b = acceptingTeams();
    const second = instance('host-b:2:bb', b.teams);
    await first.stop();

    const input = { key: KEYS[0], recipient: { aadObjectId: MANAGER_AAD }, subject: 'Approved', text: KEYS[0] };
    expect(await first.notify(input)).toBe('queued');

    expect((await store.notifications.get(KEYS[0]))?.leaseOwner).toBeUndefined();
    expect(await second.retryDue(now)).toEqual({ sent: 1, queued: 0 });
  });
});
