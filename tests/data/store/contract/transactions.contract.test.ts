/** The transaction rules every store keeps: all or nothing, isolation, version conflicts, ticket numbers. */
import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '../../../../data/errors.js';
import type { Store } from '../../../../data/store/store.js';
import { auditOf, ids, notification, roster, seed, ticket, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

/** Everything the transactions below write to, as one value to compare before and after. */
async function everything(store: Store) {
  return {
    tickets: await store.tickets.list(),
    rosters: await store.rosters.list(),
    notifications: await store.notifications.list(),
    conversations: await store.conversations.list(),
    botState: await store.botState.list(),
    dspt: await store.reference.dsptStatuses(),
    ledger: await store.reminders.all(),
    turnFailures: await store.counters.turnFailures('user:aad-grace'),
    audit: await auditOf(store),
  };
}

describe.each(IMPLEMENTATIONS)('transactions in the $name store', (implementation) => {
  const stores = useStores(implementation);

  it('resolves with what its function returned, once everything it wrote can be read', async () => {
    const store = await stores.open();
    const result = await store.transaction(async (tx) => {
      await tx.tickets.insert(ticket(1));
      return 'done';
    });
    expect(result).toBe('done');
    expect(ids(await store.tickets.list())).toEqual(['T-0001']);
  });

  it('lands nothing, and records no audit event, when its function throws after several writes', async () => {
    const store = await stores.open();
    await seed(store, [ticket(1)]);
    const before = await everything(store);
    const failure = new Error('the function stopped half way');

    const attempt = store.transaction(async (tx) => {
      await tx.tickets.insert(ticket(2));
      await tx.tickets.update({ ...ticket(1), state: 'assigned', version: 2 }, 1);
      await tx.rosters.put(roster('helpdeskAgent', 'aad-alex'));
      await tx.notifications.insert(notification('n-1'));
      await tx.conversations.put({ key: 'user:aad-grace', reference: {}, usable: true, updatedAt: '2026-03-02T09:00:00.000Z' });
      await tx.botState.put({ key: 'state', eTag: '1', value: {} });
      await tx.reference.setDsptStatuses([{ odsCode: 'VN4K2', name: 'Rosewood', status: 'Met' }]);
      await tx.reminders.setTicket('T-0001', { since: '2026-03-02T09:00:00.000Z', sent: {} });
      await tx.counters.setTurnFailures('user:aad-grace', 3);
      tx.audit({ actor: 'aad-alex', action: 'assigned', ticketId: 'T-0001' });
      tx.audit({ actor: 'aad-alex', action: 'created', ticketId: 'T-0002' });
      throw failure;
    });

    await expect(attempt).rejects.toBe(failure);
    expect(await everything(store)).toEqual(before);
  });

  it('sees its own writes in its own reads before it commits', async () => {
    const store = await stores.open();
    await seed(store, [ticket(1)]);
    await store.transaction(async (tx) => {
      await tx.tickets.insert(ticket(2, { state: 'assigned' }));
      await tx.tickets.update({ ...ticket(1), state: 'assigned', version: 2 }, 1);
      expect(await tx.tickets.get('T-0001')).toMatchObject({ state: 'assigned', version: 2 });
      expect(ids(await tx.tickets.list({ states: ['assigned'] }))).toEqual(['T-0001', 'T-0002']);

      await tx.rosters.put(roster('icsLead', 'aad-sam', 'QKK'));
      expect(await tx.rosters.list({ id: 'AAD-SAM' })).toHaveLength(1);
      await tx.notifications.insert(notification('n-1'));
      expect(await tx.notifications.delete('n-1')).toBe(true);
      expect(await tx.notifications.get('n-1')).toBeUndefined();
      await tx.reference.setAccreditedDomains(['nhs.net']);
      expect(await tx.reference.accreditedDomains()).toEqual(['nhs.net']);
      await tx.reminders.setDspt('VN4K2', { year: '2026', sent: 1 });
      expect(await tx.reminders.dspt('VN4K2')).toEqual({ year: '2026', sent: 1 });
      await tx.counters.setTurnFailures('user:aad-grace', 2);
      expect(await tx.counters.turnFailures('user:aad-grace')).toBe(2);
    });
  });

  it('shows other readers nothing of a transaction, its audit events included, until it has committed', async () => {
    const store = await stores.open();
    await store.transaction(async (tx) => {
      await tx.tickets.insert(ticket(1));
      await tx.rosters.put(roster('icsLead', 'aad-sam', 'QKK'));
      await tx.reference.setAccreditedDomains(['nhs.net']);
      tx.audit({ actor: 'aad-grace', action: 'created', ticketId: 'T-0001' });

      expect(await store.tickets.get('T-0001')).toBeUndefined();
      expect(await store.tickets.count()).toBe(0);
      expect(await store.rosters.list()).toEqual([]);
      expect(await store.reference.accreditedDomains()).toEqual([]);
      expect(await auditOf(store)).toEqual([]);
    });
    expect(await store.tickets.get('T-0001')).toEqual(ticket(1));
    expect((await auditOf(store)).map((event) => event.action)).toEqual(['created']);
  });

  it('shows other readers a change only once it is durable, never while it is being written', async () => {
    const store = await stores.open();
    let resolved = false;
    const seenEarly: boolean[] = [];
    // The transaction writes only once a first read has come back, so reads are under way while it commits.
    let firstReadDone!: () => void;
    const firstRead = new Promise<void>((resolve) => (firstReadDone = resolve));
    const writing = store
      .transaction(async (tx) => {
        await firstRead;
        await tx.tickets.insert(ticket(1));
      })
      .then(() => {
        resolved = true;
      });
    // Reads keep coming while the transaction is applied and written (for a durable store: on disk).
    while (!resolved) {
      const seen = (await store.tickets.get('T-0001')) !== undefined;
      if (!resolved) seenEarly.push(seen);
      firstReadDone();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    expect(seenEarly.length).toBeGreaterThan(0);
    expect(seenEarly.filter(Boolean)).toEqual([]);
    expect(await store.tickets.get('T-0001')).toEqual(ticket(1));
  });

  it('lets transactions beside a failed one land whole', async () => {
    const store = await stores.open();
    const results = await Promise.allSettled([
      store.transaction((tx) => tx.tickets.insert(ticket(1))),
      store.transaction(async (tx) => {
        await tx.tickets.insert(ticket(2));
        throw new Error('this one fails');
      }),
      store.transaction((tx) => tx.tickets.insert(ticket(3))),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(ids(await store.tickets.list())).toEqual(['T-0001', 'T-0003']);
  });

  it('refuses to insert a ticket whose id is already live with a ConflictError, and nothing of that transaction lands', async () => {
    const store = await stores.open();
    await seed(store, [ticket(1)]);
    const attempt = store.transaction(async (tx) => {
      await tx.tickets.insert(ticket(2));
      await tx.tickets.insert(ticket(1, { state: 'assigned' }));
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(await store.tickets.list()).toEqual([ticket(1)]);
  });

  it('a stale version makes the whole transaction fail with a ConflictError and nothing of it lands', async () => {
    const store = await stores.open();
    await seed(store, [ticket(1), ticket(2)]);
    await store.transaction((tx) => tx.tickets.update({ ...ticket(1), state: 'assigned', version: 2 }, 1));
    const before = await store.tickets.list();

    const attempt = store.transaction(async (tx) => {
      await tx.tickets.update({ ...ticket(2), state: 'assigned', version: 2 }, 1);
      tx.audit({ actor: 'aad-alex', action: 'assigned', ticketId: 'T-0002' });
      // Worked out from version 1, but someone has made it version 2 meanwhile.
      await tx.tickets.update({ ...ticket(1), state: 'rejected', version: 2 }, 1);
    });

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(await store.tickets.list()).toEqual(before);
    expect(await auditOf(store)).toEqual([]);
  });

  it('refuses with a ConflictError to update a ticket that is not there', async () => {
    const store = await stores.open();
    await expect(store.transaction((tx) => tx.tickets.update(ticket(7), 1))).rejects.toBeInstanceOf(ConflictError);
    expect(await store.tickets.list()).toEqual([]);
  });

  it('lets exactly one of 50 simultaneous changes worked out from the same version land; the other 49 conflict', async () => {
    const store = await stores.open();
    await seed(store, [ticket(1, { state: 'awaitingIcsApproval', version: 4 })]);
    const read = (await store.tickets.get('T-0001'))!;

    const approvals = Array.from({ length: 50 }, (_, i) =>
      store.transaction(async (tx) => {
        await tx.tickets.update({ ...read, state: 'awaitingHelpdesk', version: read.version + 1, reason: `approver ${i}` }, read.version);
        tx.audit({ actor: `aad-lead-${i}`, action: 'approved', ticketId: 'T-0001', from: read.state, to: 'awaitingHelpdesk' });
        return i;
      }),
    );
    const results = await Promise.allSettled(approvals);

    const landed = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const result of refused) expect(result.reason).toBeInstanceOf(ConflictError);
    const winner = (landed[0] as PromiseFulfilledResult<number>).value;
    expect(await store.tickets.get('T-0001')).toMatchObject({ version: 5, reason: `approver ${winner}` });
    const events = await auditOf(store, { ticketId: 'T-0001' });
    expect(events).toHaveLength(1);
    expect(events[0].actor).toBe(`aad-lead-${winner}`);
  });

  it('hands out ticket numbers that never repeat, one after another and to simultaneous transactions', async () => {
    const store = await stores.open();
    const first = await store.transaction((tx) => tx.tickets.nextSequence());
    const second = await store.transaction(async (tx) => [await tx.tickets.nextSequence(), await tx.tickets.nextSequence()]);
    const simultaneous = await Promise.all(Array.from({ length: 10 }, () => store.transaction((tx) => tx.tickets.nextSequence())));

    expect(first).toBe(1);
    expect(second[0]).toBeGreaterThan(first);
    expect(second[1]).toBeGreaterThan(second[0]);
    const all = [first, ...second, ...simultaneous];
    expect(new Set(all).size).toBe(all.length);
    expect(Math.min(...simultaneous)).toBeGreaterThan(second[1]);
  });
});
