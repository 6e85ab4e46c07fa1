/** The audit trail as every store keeps it: an event is there exactly when its transaction committed; read by ticket and by time. */
import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '../../../../data/errors.js';
import type { StoreTransaction } from '../../../../data/store/store.js';
import { manualClock } from '../../../fixtures/workflowFixtures.js';
import { auditOf, seed, ticket, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

describe.each(IMPLEMENTATIONS)('the audit trail of the $name store', (implementation) => {
  const stores = useStores(implementation);

  it('records a committed transaction’s events in order, stamped with an id and the store’s clock unless given', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const store = await stores.open({ clock: clock.now });
    const recorded = await store.transaction((tx) => [
      tx.audit({ actor: 'aad-grace', action: 'created', ticketId: 'T-0001', to: 'submitted' }),
      tx.audit({ id: 'given-id', at: '2026-03-01T08:00:00.000Z', actor: 'system', action: 'imported', details: { rows: 3 } }),
    ]);

    const events = await auditOf(store);
    expect(events).toEqual(recorded);
    expect(events[0]).toEqual({
      id: expect.any(String),
      at: '2026-03-02T09:00:00.000Z',
      actor: 'aad-grace',
      action: 'created',
      ticketId: 'T-0001',
      to: 'submitted',
    });
    expect(events[1]).toEqual({
      id: 'given-id',
      at: '2026-03-01T08:00:00.000Z',
      actor: 'system',
      action: 'imported',
      details: { rows: 3 },
    });
    expect(events[0].id).not.toBe(events[1].id);
  });

  it('reads the events of one ticket, and those in a time range (from inclusive, to exclusive)', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const store = await stores.open({ clock: clock.now });
    const record = (ticketId: string, action: string) => store.transaction((tx) => tx.audit({ actor: 'system', action, ticketId }));
    await record('T-0001', 'at nine');
    clock.set('2026-03-02T10:00:00.000Z');
    await record('T-0002', 'at ten');
    clock.set('2026-03-02T11:00:00.000Z');
    await record('T-0001', 'at eleven');

    const actions = async (query: Parameters<typeof auditOf>[1]) => (await auditOf(store, query)).map((event) => event.action);
    expect(await actions({ ticketId: 'T-0001' })).toEqual(['at nine', 'at eleven']);
    expect(await actions({ from: '2026-03-02T10:00:00.000Z' })).toEqual(['at ten', 'at eleven']);
    expect(await actions({ to: '2026-03-02T11:00:00.000Z' })).toEqual(['at nine', 'at ten']);
    expect(await actions({ from: '2026-03-02T09:30:00Z', to: '2026-03-02T10:30:00Z' })).toEqual(['at ten']);
    expect(await actions({ ticketId: 'T-0002', from: '2026-03-02T10:30:00Z' })).toEqual([]);
  });

  it('never records the events of a transaction that failed, whether it threw or met a conflict', async () => {
    const store = await stores.open();
    await seed(store, [ticket(1)]);
    const auditThenFail = (fail: (tx: StoreTransaction) => Promise<void>) =>
      store.transaction(async (tx) => {
        tx.audit({ actor: 'aad-alex', action: 'assigned', ticketId: 'T-0001' });
        await fail(tx);
      });

    await expect(auditThenFail(async () => Promise.reject(new Error('stopped')))).rejects.toThrow('stopped');
    await expect(auditThenFail((tx) => tx.tickets.update(ticket(1, { version: 9 }), 8))).rejects.toBeInstanceOf(ConflictError);
    await expect(auditThenFail((tx) => tx.tickets.insert(ticket(1)))).rejects.toBeInstanceOf(ConflictError);
    await store.transaction((tx) => tx.audit({ actor: 'aad-alex', action: 'commented', ticketId: 'T-0001' }));

    expect((await auditOf(store, { ticketId: 'T-0001' })).map((event) => event.action)).toEqual(['commented']);
  });

  it('keeps an event as recorded: changing the details given, or the event handed back, changes nothing', async () => {
    const store = await stores.open();
    const details: Record<string, unknown> = { items: ['odsVerified'] };
    const recorded = await store.transaction((tx) => tx.audit({ actor: 'aad-alex', action: 'ticked', ticketId: 'T-0001', details }));
    (details.items as string[]).push('dpiaChecked');
    recorded.action = 'changed';
    (await auditOf(store))[0].actor = 'someone else';

    expect(await auditOf(store)).toEqual([
      expect.objectContaining({ actor: 'aad-alex', action: 'ticked', details: { items: ['odsVerified'] } }),
    ]);
  });

  it('refuses an event recorded after its transaction finished, and records nothing for it', async () => {
    const store = await stores.open();
    let finished: StoreTransaction | undefined;
    await store.transaction((tx) => {
      finished = tx;
    });
    expect(() => finished!.audit({ actor: 'system', action: 'late' })).toThrow(TypeError);
    await store.transaction(() => undefined);
    expect(await auditOf(store)).toEqual([]);
  });
});
