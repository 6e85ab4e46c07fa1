import type { WorkflowTicket } from '../../../../data/model.js';
import { describe, expect, it } from '@jest/globals';
import { makeWorkflowTicket } from '../../../fixtures/workflowFixtures.js';

import { insertTickets } from '../../../helpers/storeFixtures.js';
import { useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

describe.each(IMPLEMENTATIONS)('finding one live ticket by its id, in the $name store', (implementation) => {
  const stores = useStores(implementation);
  const storeWith = async (tickets: WorkflowTicket[]) => {
    const store = await stores.open();
    await insertTickets(store, ...tickets);
    return store;
  };
  it('lists the live ticket with that id and no other, inside a transaction too', async () => {
    const wanted = makeWorkflowTicket();
    const other = makeWorkflowTicket();
    const store = await storeWith([wanted, other]);
    expect((await store.tickets.list({ ids: [wanted.id] })).map((t) => t.id)).toEqual([wanted.id]);
    expect(await store.transaction(async (tx) => (await tx.tickets.list({ ids: [other.id] })).map((t) => t.id))).toEqual([other.id]);
    expect(await store.tickets.list({ ids: ['UCP-404404'] })).toEqual([]);
  });

  it('leaves an archived ticket out of the live list, while get() still finds it in the archive', async () => {
    const closed = makeWorkflowTicket({ state: 'closed' });
    const store = await storeWith([closed]);
    expect(await store.archiveClosedTickets()).toBe(1);
    expect(await store.tickets.list({ ids: [closed.id] })).toEqual([]);
    expect((await store.tickets.get(closed.id))?.id).toBe(closed.id);
    const archived = [];
    for await (const ticket of store.tickets.archived({ ids: [closed.id] })) archived.push(ticket.id);
    expect(archived).toEqual([closed.id]);
  });
});
