import type { WorkflowTicket } from '../../../../data/model.js';
import { describe, expect, it } from '@jest/globals';
import { makeWorkflowTicket } from '../../../fixtures/workflowFixtures.js';

import { insertTickets } from '../../../helpers/storeFixtures.js';
import { useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

describe.each(IMPLEMENTATIONS)('looking up many tickets in one transaction, in the $name store', (implementation) => {
  const stores = useStores(implementation);
  const storeWith = async (tickets: WorkflowTicket[]) => {
    const store = await stores.open();
    await insertTickets(store, ...tickets);
    return store;
  };
  it('finds every ticket by id, sees its own changes and additions, and finds nothing for an id no ticket has', async () => {
    const tickets = Array.from({ length: 40 }, () => makeWorkflowTicket());
    const store = await storeWith(tickets);
    const added = makeWorkflowTicket();
    const found = await store.transaction(async (tx) => {
      const first = (await tx.tickets.get(tickets[0].id))!;
      await tx.tickets.update({ ...first, priority: 'high' }, first.version);
      await tx.tickets.insert(added);
      // More lookups than a transaction makes before it indexes the stored tickets.
      const ids = [...tickets.map((t) => t.id), added.id, 'UCP-000000'];
      return Promise.all(ids.map(async (id) => (await tx.tickets.get(id))?.id ?? null));
    });
    expect(found).toEqual([...tickets.map((t) => t.id), added.id, null]);
    expect((await store.tickets.get(tickets[0].id))?.priority).toBe('high');
    expect((await store.tickets.get(added.id))?.id).toBe(added.id);
  });
});
