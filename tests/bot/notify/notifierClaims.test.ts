/**
 * Two instances of the notifier on one store (two service processes on one database): each notification is delivered by
 * one of them, and a crashed instance's claims are delivered by the other once their lease has run out.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { DeliveryError } from '../../../bot/notify/deliveryError.js';
import { createNotifier, type Notifier } from '../../../bot/notify/notifier.js';
import type { TeamsSender } from '../../../bot/notify/teamsSender.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { fakeSleep, MANAGER_AAD, seedConversation, teamsReference } from './notifyFixtures.js';

const LEASE_MS = 60_000;
const input = {
  key: 'T-000123:approved:requester',
  recipient: { aadObjectId: MANAGER_AAD },
  subject: 'Your UCP access request has been approved',
  text: 'Good news: your request T-000123 has been approved.',
};

/** A Teams sender whose sends wait until the test settles them; it counts what it was asked to send. */
function heldTeams() {
  const held: { settle: (failure?: Error) => void }[] = [];
  const teams: TeamsSender = {
    send: () =>
      new Promise((resolve, reject) => {
        held.push({ settle: (failure) => (failure ? reject(failure) : resolve({ activityId: `sent-${held.length}` })) });
      }),
    update: async () => undefined,
  };
  return { teams, held };
}

/** Resolves once `check` holds, looking every few milliseconds. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe('two notifier instances on one store', () => {
  let store: Store;
  let now = new Date('2026-03-02T10:00:00.000Z');
  const clock = () => now;
  const notifiers: Notifier[] = [];

  const instance = (owner: string, teams: TeamsSender) => {
    const notifier = createNotifier({ store, teams, clock, owner, leaseMs: LEASE_MS, retry: { maxAttempts: 1, sleep: fakeSleep().sleep } });
    notifiers.push(notifier);
    return notifier;
  };

  const setUp = async () => {
    now = new Date('2026-03-02T10:00:00.000Z');
    store = await openMemoryStore({ clock });
    await seedConversation(store, `user:${MANAGER_AAD}`, teamsReference('http://127.0.0.1:9/'));
  };

  afterEach(async () => {
    await Promise.all(notifiers.splice(0).map((notifier) => notifier.stop(100)));
    await store.close();
  });

  it('does not deliver a notification the other instance is delivering, by deliver() or by a round', async () => {
    await setUp();
    const a = heldTeams();
    const b = heldTeams();
    const first = instance('host-a:1:aa', a.teams);
    const second = instance('host-b:2:bb', b.teams);

    const notified = first.notify(input);
    await until(() => a.held.length === 1);

    expect(await second.deliver(input.key)).toBe('duplicate');
    expect(await second.retryDue(new Date(now.getTime() + LEASE_MS - 1))).toEqual({ sent: 0, queued: 0 });
    a.held[0].settle();
    expect(await notified).toBe('sent');
    expect(b.held).toHaveLength(0);
    expect(await store.notifications.get(input.key)).toMatchObject({ status: 'sent', via: 'teams' });
    expect((await store.notifications.get(input.key))?.leaseOwner).toBeUndefined();
  });

  it("delivers a crashed instance's notification once its lease has run out, and not before", async () => {
    await setUp();
    const crashed = heldTeams();
    const b = heldTeams();
    const first = instance('host-a:1:aa', crashed.teams);
    const second = instance('host-b:2:bb', b.teams);

    void first.notify(input);
    await until(() => crashed.held.length === 1);
    // The first instance never answers again: its send hangs for ever, as if the process had been killed.

    expect(await second.retryDue(new Date(now.getTime() + LEASE_MS - 1))).toEqual({ sent: 0, queued: 0 });
    const round = second.retryDue(new Date(now.getTime() + LEASE_MS));
    await until(() => b.held.length === 1);
    b.held[0].settle();

    expect(await round).toEqual({ sent: 1, queued: 0 });
    expect(await store.notifications.get(input.key)).toMatchObject({ status: 'sent', via: 'teams', attempts: 1 });
  });

  it('does not let an instance whose claim was taken over reschedule the new owner’s delivery', async () => {
    await setUp();
    const late = heldTeams();
    const b = heldTeams();
    const first = instance('host-a:1:aa', late.teams);
    const second = instance('host-b:2:bb', b.teams);

    const notified = first.notify(input);
    await until(() => late.held.length === 1);
    const round = second.retryDue(new Date(now.getTime() + LEASE_MS));
    await until(() => b.held.length === 1);

    // The first instance's send fails at last: its failure must not move the notification the second is delivering.
    late.held[0].settle(new DeliveryError('retryable', 'http-503'));
    expect(await notified).toBe('queued');
    expect(await store.notifications.get(input.key)).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: 'host-b:2:bb' });

    b.held[0].settle();
    expect(await round).toEqual({ sent: 1, queued: 0 });
    expect(await store.notifications.get(input.key)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
