/** Archive moves as every store makes them: closed tickets leave the live list, stay findable by id and by query, and cannot change. */
import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '../../../../data/errors.js';
import type { TicketOrganisation, TicketState } from '../../../../data/model.js';
import { ARCHIVABLE_STATES } from '../../../../data/store/ticketArchive.js';
import { TICKET_STATES } from '../../../../data/workflow/transitions.js';
import { auditOf, collect, ids, seed, ticket, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

const archivable = TICKET_STATES.filter((state) => ARCHIVABLE_STATES.has(state));
const staying = TICKET_STATES.filter((state) => !ARCHIVABLE_STATES.has(state));

function organisation(odsCode: string): TicketOrganisation {
  return { odsCode, icbCode: 'QKK', name: `Home ${odsCode}`, location: 'london', namedInDpia: true };
}

/** One ticket in each state, numbered in the order of `states`. */
function oneInEach(states: readonly TicketState[], from = 1) {
  return states.map((state, i) => ticket(from + i, { state }));
}

describe.each(IMPLEMENTATIONS)('archive moves in the $name store', (implementation) => {
  const stores = useStores(implementation);

  it(`moves the tickets in ${archivable.join(' or ')} out of the live list, and tickets.get still finds them as they were`, async () => {
    const store = await stores.open();
    const moving = oneInEach(archivable);
    const kept = oneInEach(staying, 100);
    await seed(store, [...moving, ...kept]);

    expect(await store.archiveClosedTickets()).toBe(moving.length);

    expect(ids(await store.tickets.list())).toEqual(ids(kept));
    expect(await store.tickets.count()).toBe(kept.length);
    expect(ids(await collect(store.tickets.stream()))).toEqual(ids(kept));
    for (const each of moving) expect(await store.tickets.get(each.id)).toEqual(each);
    expect(await collect(store.tickets.archived())).toEqual(moving);
    expect(await store.archiveClosedTickets()).toBe(0);
  });

  it('records a ticketArchived event for each ticket moved, with the state it was in', async () => {
    const store = await stores.open();
    await seed(store, [ticket(1, { state: 'closed' }), ticket(2, { state: 'assigned' })]);
    await store.archiveClosedTickets();
    const events = await auditOf(store);
    expect(events).toEqual([expect.objectContaining({ action: 'ticketArchived', ticketId: 'T-0001', details: { state: 'closed' } })]);
  });

  it('refuses with a ConflictError to update an archived ticket, and nothing of that transaction lands', async () => {
    const store = await stores.open();
    const closed = ticket(1, { state: 'closed' });
    await seed(store, [closed]);
    await store.archiveClosedTickets();

    const attempt = store.transaction(async (tx) => {
      expect(await tx.tickets.get('T-0001')).toBeUndefined();
      await tx.tickets.insert(ticket(2));
      await tx.tickets.update({ ...closed, state: 'assigned', version: 2 }, closed.version);
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(await store.tickets.list()).toEqual([]);
    expect(await store.tickets.get('T-0001')).toEqual(closed);
  });

  it('answers the ticket queries over the archive, oldest first, the ODS code in any case and spacing', async () => {
    const store = await stores.open();
    await seed(store, [
      ticket(1, { state: 'closed', organisation: organisation('VN4K2'), requester: { aadObjectId: 'aad-grace' } }),
      ticket(2, { state: 'closed', organisation: organisation('AB123'), requester: { aadObjectId: 'aad-bob' } }),
      ticket(3, { state: 'closed', kind: 'addUsers', organisation: organisation('vn4 k2'), requester: { aadObjectId: 'aad-bob' } }),
      ticket(4, { state: 'assigned', organisation: organisation('VN4K2'), requester: { aadObjectId: 'aad-bob' } }),
    ]);
    await store.archiveClosedTickets();

    expect(ids(await collect(store.tickets.archived({ requester: 'aad-bob' })))).toEqual(['T-0002', 'T-0003']);
    expect(ids(await collect(store.tickets.archived({ odsCode: 'VN4K2' })))).toEqual(['T-0001', 'T-0003']);
    expect(ids(await collect(store.tickets.archived({ odsCode: ' vn4K 2' })))).toEqual(['T-0001', 'T-0003']);
    expect(ids(await collect(store.tickets.archived({ requester: 'aad-bob', odsCode: 'vn4k2' })))).toEqual(['T-0003']);
    expect(ids(await collect(store.tickets.archived({ kind: 'addUsers' })))).toEqual(['T-0003']);
    expect(ids(await collect(store.tickets.archived({ states: ['assigned'] })))).toEqual([]);
  });

  it('gives a ticket archived twice once, as its last copy, to get and to every query (an older copy that matched does not count)', async () => {
    const store = await stores.open();
    const first = ticket(1, { state: 'closed', organisation: organisation('AA111'), reason: 'first copy' });
    const last = ticket(1, { state: 'closed', organisation: organisation('BB222'), reason: 'last copy' });
    await seed(store, [first]);
    await store.archiveClosedTickets();
    // The same id live again beside its archived copy: the live one is the ticket.
    await seed(store, [last]);
    expect(await store.tickets.get('T-0001')).toEqual(last);
    await store.archiveClosedTickets();

    expect(await store.tickets.get('T-0001')).toEqual(last);
    expect(await collect(store.tickets.archived())).toEqual([last]);
    expect(await collect(store.tickets.archived({ odsCode: 'BB222' }))).toEqual([last]);
    expect(await collect(store.tickets.archived({ odsCode: 'AA111' }))).toEqual([]);
  });

  it('never hands out a ticket number again after the tickets that used it were archived', async () => {
    const store = await stores.open();
    const before = await store.transaction(async (tx) => {
      const numbers = [await tx.tickets.nextSequence(), await tx.tickets.nextSequence()];
      for (const n of numbers) await tx.tickets.insert(ticket(n, { state: 'closed' }));
      return numbers;
    });
    await store.archiveClosedTickets();
    const after = await store.transaction((tx) => tx.tickets.nextSequence());
    expect(after).toBeGreaterThan(Math.max(...before));
  });

  it('hands out copies of archived tickets: changing what get or archived returned never changes the archive', async () => {
    const store = await stores.open();
    const closed = ticket(1, { state: 'closed' });
    await seed(store, [closed]);
    await store.archiveClosedTickets();
    (await store.tickets.get('T-0001'))!.state = 'assigned';
    for await (const archived of store.tickets.archived()) archived.requester.aadObjectId = 'aad-someone-else';
    expect(await store.tickets.get('T-0001')).toEqual(closed);
    expect(await collect(store.tickets.archived())).toEqual([closed]);
  });
});
