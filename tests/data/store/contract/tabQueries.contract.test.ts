import { describe, expect, it } from '@jest/globals';
import type { WorkflowTicket } from '../../../../data/model.js';
import { makeWorkflowTicket } from '../../../fixtures/workflowFixtures.js';

function inIcs(id: string, icbCode: string, state: WorkflowTicket['state']): WorkflowTicket {
  const ticket = makeWorkflowTicket({ id, state });
  return { ...ticket, organisation: { ...ticket.organisation!, icbCode } };
}

const tickets = [
  inIcs('UCP-000123', 'QKK', 'closed'),
  inIcs('UCP-001230', 'QMF', 'closed'),
  inIcs('UCP-000456', 'QKK', 'closed'),
  inIcs('UCP-000789', 'QKK', 'assigned'),
  inIcs('UCP-012399', 'QMF', 'submitted'),
];

async function archivedIds(iterable: AsyncIterable<WorkflowTicket>): Promise<string[]> {
  const ids: string[] = [];
  for await (const ticket of iterable) ids.push(ticket.id);
  return ids.sort();
}

import { insertTickets } from '../../../helpers/storeFixtures.js';
import { useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

describe.each(IMPLEMENTATIONS)(
  'tickets by their ids, part of their id and by ICS, as the helpdesk tab and its reports ask for them, in the $name store',
  (implementation) => {
    const stores = useStores(implementation);
    const storeWith = async (tickets: WorkflowTicket[]) => {
      const store = await stores.open();
      await insertTickets(store, ...tickets);
      return store;
    };
    const storeWithArchive = async () => {
      const store = await storeWith(tickets);
      await store.archiveClosedTickets();
      return store;
    };
    it('finds live and archived tickets whose id contains the digits typed', async () => {
      const store = await storeWithArchive();
      expect((await store.tickets.list({ idContains: '123' })).map((t) => t.id)).toEqual(['UCP-012399']);
      expect(await archivedIds(store.tickets.archived({ idContains: '123' }))).toEqual(['UCP-000123', 'UCP-001230']);
    });

    it('finds archived tickets of one ICS only', async () => {
      const store = await storeWithArchive();
      expect(await archivedIds(store.tickets.archived({ ics: 'QKK' }))).toEqual(['UCP-000123', 'UCP-000456']);
      expect(await archivedIds(store.tickets.archived({ ics: 'QKK', idContains: '456' }))).toEqual(['UCP-000456']);
    });

    it('finds the tickets named, live or archived, and no others', async () => {
      const store = await storeWithArchive();
      const ids = ['UCP-000123', 'UCP-000789', 'UCP-999999'];
      expect((await store.tickets.list({ ids })).map((t) => t.id)).toEqual(['UCP-000789']);
      expect(await archivedIds(store.tickets.archived({ ids }))).toEqual(['UCP-000123']);
    });

    it('sees the id part in a transaction too', async () => {
      const store = await storeWithArchive();
      expect(await store.transaction(async (tx) => (await tx.tickets.list({ idContains: '789' })).map((t) => t.id))).toEqual([
        'UCP-000789',
      ]);
    });
  },
);
