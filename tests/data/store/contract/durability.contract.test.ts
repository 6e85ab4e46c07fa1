/** Durable implementations only (the `durable` flag of their entry): what a resolved transaction wrote outlives a close and reopen. */
import { describe, expect, it } from '@jest/globals';
import { CURRENT_SCHEMA_VERSION } from '../../../../data/store/migrations.js';
import type { Store } from '../../../../data/store/store.js';
import { manualClock } from '../../../fixtures/workflowFixtures.js';
import { auditOf, collect, notification, roster, ticket, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';
import { schemaTwoDocument } from './oldDocuments.js';

/** Everything a store holds that the test below writes, as one value to compare across a restart. */
async function contents(store: Store) {
  return {
    tickets: await store.tickets.list(),
    archived: await collect(store.tickets.archived()),
    rosters: await store.rosters.list(),
    notifications: await store.notifications.list(),
    conversations: await store.conversations.list(),
    botState: await store.botState.list(),
    dspt: await store.reference.dsptStatuses(),
    bankHolidays: await store.reference.bankHolidays(),
    imports: await store.reference.imports(),
    ledger: await store.reminders.all(),
    turnFailures: await store.counters.turnFailures('user:aad-grace'),
    demoSeededAt: await store.counters.demoSeededAt(),
    audit: await auditOf(store),
  };
}

describe.each(IMPLEMENTATIONS.filter((implementation) => implementation.durable))('the durable $name store', (implementation) => {
  const stores = useStores(implementation);

  it('still holds, after a close and reopen, everything resolved transactions and an archive run wrote', async () => {
    const place = await stores.place();
    const clock = manualClock();
    const store = await place.open({ clock: clock.now });
    await store.transaction(async (tx) => {
      for (let i = 0; i < 3; i += 1)
        await tx.tickets.insert(ticket(await tx.tickets.nextSequence(), { state: i === 0 ? 'closed' : 'assigned' }));
      await tx.rosters.put(roster('icsLead', 'aad-sam', 'QKK'));
      await tx.notifications.insert(notification('n-1'));
      await tx.conversations.put({
        key: 'user:aad-grace',
        reference: { conversation: { id: 'a:1' } },
        usable: true,
        updatedAt: '2026-03-02T09:00:00.000Z',
      });
      await tx.botState.put({ key: 'state', eTag: '1', value: { step: 'ods' } });
      await tx.reference.setDsptStatuses([{ odsCode: 'VN4K2', name: 'Rosewood', status: '25/26 Standards Met' }]);
      await tx.reference.setBankHolidays([{ title: 'Good Friday', date: '2026-04-03', notes: '' }]);
      await tx.reference.setImported('bankHolidays', '2026-03-01T08:00:00.000Z');
      await tx.reminders.setTicket('T-0002', { since: '2026-03-02T09:00:00.000Z', sent: { icsLead: 1 } });
      await tx.counters.setTurnFailures('user:aad-grace', 2);
      await tx.counters.setDemoSeededAt('2026-03-02T09:00:00.000Z');
      tx.audit({ actor: 'aad-grace', action: 'created', ticketId: 'T-0001' });
    });
    const second = (await store.tickets.get('T-0002'))!;
    await store.transaction((tx) => tx.tickets.update({ ...second, state: 'resolved', version: 2 }, 1));
    await store.archiveClosedTickets();
    const before = await contents(store);
    await store.close();

    const reopened = await place.open({ clock: clock.now });
    expect(await contents(reopened)).toEqual(before);
    expect(await reopened.tickets.get('T-0001')).toEqual(ticket(1, { state: 'closed' }));
    expect(await reopened.transaction((tx) => tx.tickets.nextSequence())).toBe(4);
  });

  it('keeps nothing of a failed transaction across a restart', async () => {
    const place = await stores.place();
    const store = await place.open();
    await store.transaction((tx) => tx.tickets.insert(ticket(1)));
    await expect(
      store.transaction(async (tx) => {
        await tx.tickets.insert(ticket(2));
        tx.audit({ actor: 'system', action: 'created', ticketId: 'T-0002' });
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    await store.close();

    const reopened = await place.open();
    expect(await reopened.tickets.list()).toEqual([ticket(1)]);
    expect(await auditOf(reopened)).toEqual([]);
  });

  it('stays at the current schema, with the migrated data, when a store opened from an older document is reopened', async () => {
    const place = await stores.place(schemaTwoDocument());
    const store = await place.open();
    const migrated = await contents(store);
    await store.close();

    const reopened = await place.open();
    expect((await reopened.health()).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(await contents(reopened)).toEqual(migrated);
    expect(await reopened.transaction((tx) => tx.tickets.nextSequence())).toBe(42);
  });
});
