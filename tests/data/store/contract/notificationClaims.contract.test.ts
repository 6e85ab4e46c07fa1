/**
 * The outbox's claims (store.notifications.claimDue / claim / release): how instances of the service share the delivery of
 * notifications without sending one twice, and take over a crashed instance's claims once their lease has run out.
 */
import { describe, expect, it } from '@jest/globals';
import type { NotificationRecord } from '../../../../data/model.js';
import type { ClaimTerms, Store } from '../../../../data/store/store.js';
import { notification, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

const T0 = '2026-03-02T10:00:00.000Z';
const T0_PLUS_30S = '2026-03-02T10:00:30.000Z';
const T0_PLUS_1M = '2026-03-02T10:01:00.000Z';
const T0_PLUS_2M = '2026-03-02T10:02:00.000Z';

function terms(owner: string, now: string, leaseUntil: string): ClaimTerms {
  return { owner, now, leaseUntil };
}

async function add(store: Store, records: NotificationRecord[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const record of records) await tx.notifications.insert(record);
  });
}

/** Claims batches of five until nothing is left, four claims in flight at a time; the keys this owner got. */
async function claimAll(store: Store, owner: string): Promise<string[]> {
  const got: string[] = [];
  const worker = async () => {
    for (;;) {
      const batch = await store.notifications.claimDue(terms(owner, T0, T0_PLUS_1M), 5);
      if (batch.length === 0) return;
      got.push(...batch.map((record) => record.key));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return got;
}

describe.each(IMPLEMENTATIONS)('notification claims on the $name store', (implementation) => {
  const stores = useStores(implementation);

  it('gives two owners claiming 50 due notifications at once disjoint sets that cover every one', async () => {
    const store = await stores.open();
    const keys = Array.from({ length: 50 }, (_, i) => `n-${String(i).padStart(2, '0')}`);
    await add(
      store,
      keys.map((key) => notification(key, { nextAttemptAt: T0 })),
    );

    const [a, b] = await Promise.all([claimAll(store, 'host-a:1:aa'), claimAll(store, 'host-b:2:bb')]);

    expect([...a, ...b].sort()).toEqual(keys);
    const stored = await store.notifications.list();
    for (const record of stored) expect(record.leaseOwner).toBe(a.includes(record.key) ? 'host-a:1:aa' : 'host-b:2:bb');
  });

  it('claims due pending notifications oldest due first, at most the limit, leaving the ones not yet due', async () => {
    const store = await stores.open();
    await add(store, [
      notification('later', { nextAttemptAt: T0_PLUS_1M }),
      notification('second', { nextAttemptAt: '2026-03-02T09:30:00.000Z' }),
      notification('first', { nextAttemptAt: '2026-03-02T09:00:00.000Z' }),
      notification('third', { nextAttemptAt: T0 }),
    ]);

    const claimed = await store.notifications.claimDue(terms('a', T0, T0_PLUS_1M), 2);

    expect(claimed.map((record) => [record.key, record.leaseOwner, record.leaseUntil])).toEqual([
      ['first', 'a', T0_PLUS_1M],
      ['second', 'a', T0_PLUS_1M],
    ]);
    expect((await store.notifications.claimDue(terms('b', T0, T0_PLUS_1M), 10)).map((record) => record.key)).toEqual(['third']);
  });

  it('keeps a claim from another owner while its lease holds, and lets its owner renew it', async () => {
    const store = await stores.open();
    await add(store, [notification('n-1', { nextAttemptAt: T0 })]);
    await store.notifications.claimDue(terms('a', T0, T0_PLUS_1M), 10);

    expect(await store.notifications.claimDue(terms('b', T0_PLUS_30S, T0_PLUS_2M), 10)).toEqual([]);
    expect(await store.notifications.claim('n-1', terms('b', T0_PLUS_30S, T0_PLUS_2M))).toBeUndefined();

    const renewed = await store.notifications.claim('n-1', terms('a', T0_PLUS_30S, T0_PLUS_2M));
    expect([renewed?.leaseOwner, renewed?.leaseUntil]).toEqual(['a', T0_PLUS_2M]);
    expect((await store.notifications.get('n-1'))?.leaseUntil).toBe(T0_PLUS_2M);
  });

  it('lets another owner take a claim over once its lease has run out', async () => {
    const store = await stores.open();
    await add(store, [notification('n-1', { nextAttemptAt: T0 }), notification('n-2', { nextAttemptAt: T0 })]);
    await store.notifications.claimDue(terms('crashed', T0, T0_PLUS_1M), 10);

    const taken = await store.notifications.claimDue(terms('b', T0_PLUS_1M, T0_PLUS_2M), 1);
    const one = await store.notifications.claim('n-2', terms('b', T0_PLUS_1M, T0_PLUS_2M));

    expect(taken.map((record) => [record.key, record.leaseOwner])).toEqual([['n-1', 'b']]);
    expect(one?.leaseOwner).toBe('b');
    expect((await store.notifications.list()).map((record) => record.leaseOwner)).toEqual(['b', 'b']);
  });

  it('never claims a sent notification, however long ago it fell due', async () => {
    const store = await stores.open();
    await add(store, [notification('n-sent', { status: 'sent', nextAttemptAt: '2026-01-01T00:00:00.000Z', sentAt: T0 })]);

    expect(await store.notifications.claimDue(terms('a', T0_PLUS_2M, T0_PLUS_2M), 10)).toEqual([]);
    expect(await store.notifications.claim('n-sent', terms('a', T0_PLUS_2M, T0_PLUS_2M))).toBeUndefined();
    expect(await store.notifications.claim('n-unknown', terms('a', T0, T0_PLUS_1M))).toBeUndefined();
  });

  it('claims one notification whatever its next attempt, and is released by recording the outcome without the lease', async () => {
    const store = await stores.open();
    await add(store, [notification('n-1', { nextAttemptAt: T0_PLUS_2M })]);

    const claimed = await store.notifications.claim('n-1', terms('a', T0, T0_PLUS_1M));
    expect(claimed).toEqual({ ...notification('n-1', { nextAttemptAt: T0_PLUS_2M }), leaseOwner: 'a', leaseUntil: T0_PLUS_1M });

    await store.transaction(async (tx) => {
      const { leaseOwner: _owner, leaseUntil: _until, ...released } = (await tx.notifications.get('n-1'))!;
      await tx.notifications.put({ ...released, attempts: 1 });
    });

    expect(await store.notifications.get('n-1')).toEqual(notification('n-1', { nextAttemptAt: T0_PLUS_2M, attempts: 1 }));
    expect((await store.notifications.claim('n-1', terms('b', T0, T0_PLUS_1M)))?.leaseOwner).toBe('b');
  });
  it("gives back only the releasing owner's claims on pending notifications, which anyone may then claim at once", async () => {
    const store = await stores.open();
    await add(store, [
      notification('mine-1', { nextAttemptAt: T0 }),
      notification('mine-2', { nextAttemptAt: T0 }),
      notification('theirs', { nextAttemptAt: T0 }),
      notification('unleased', { nextAttemptAt: T0 }),
    ]);
    await store.notifications.claim('mine-1', terms('a', T0, T0_PLUS_1M));
    await store.notifications.claim('mine-2', terms('a', T0, T0_PLUS_1M));
    await store.notifications.claim('theirs', terms('b', T0, T0_PLUS_1M));

    expect(await store.notifications.release(['mine-1', 'mine-2', 'theirs', 'unleased', 'n-unknown'], 'a')).toBe(2);

    expect(await store.notifications.get('mine-1')).toEqual(notification('mine-1', { nextAttemptAt: T0 }));
    expect(await store.notifications.get('unleased')).toEqual(notification('unleased', { nextAttemptAt: T0 }));
    expect(await store.notifications.get('theirs')).toMatchObject({ leaseOwner: 'b', leaseUntil: T0_PLUS_1M });
    const retaken = await store.notifications.claimDue(terms('c', T0_PLUS_30S, T0_PLUS_2M), 10);
    expect(retaken.map((record) => record.key).sort()).toEqual(['mine-1', 'mine-2', 'unleased']);
  });

  it('leaves a sent notification and a claim taken over by another owner as they are when releasing', async () => {
    const store = await stores.open();
    await add(store, [
      notification('n-sent', { status: 'sent', nextAttemptAt: T0, sentAt: T0, leaseOwner: 'a', leaseUntil: T0_PLUS_1M }),
      notification('n-taken', { nextAttemptAt: T0 }),
    ]);
    await store.notifications.claim('n-taken', terms('a', T0, T0_PLUS_30S));
    await store.notifications.claim('n-taken', terms('b', T0_PLUS_1M, T0_PLUS_2M));

    expect(await store.notifications.release(['n-sent', 'n-taken'], 'a')).toBe(0);
    expect(await store.notifications.release([], 'a')).toBe(0);

    expect(await store.notifications.get('n-sent')).toMatchObject({ status: 'sent', leaseOwner: 'a' });
    expect(await store.notifications.get('n-taken')).toMatchObject({ leaseOwner: 'b', leaseUntil: T0_PLUS_2M });
  });
});
