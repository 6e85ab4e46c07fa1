import { describe, expect, it } from '@jest/globals';
import type { WorkflowTicket } from '../../../data/model.js';
import { findArchivedTicketsSnapshot } from '../../../data/store/fileSnapshot.js';
import type { TicketQuery } from '../../../data/store/records.js';
import type { Store } from '../../../data/store/store.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { insertTickets, useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

async function archived(store: Store, query: TicketQuery): Promise<WorkflowTicket[]> {
  const found: WorkflowTicket[] = [];
  for await (const ticket of store.tickets.archived(query)) found.push(ticket);
  return found;
}

describe('finding several archived tickets at once (reports)', () => {
  it.each([2, 40])(
    'finds the wanted tickets among %i, the last archived copy of each, from the store and from the files the CLI reads',
    async (count) => {
      const store = await folder.open();
      const tickets = Array.from({ length: count }, () => makeWorkflowTicket({ state: 'closed', closedAt: '2026-03-05T16:00:00.000Z' }));
      await insertTickets(store, ...tickets);
      await store.archiveClosedTickets();
      // Archived again after a crash, with a newer copy: the newer one is the answer.
      const again: WorkflowTicket = { ...tickets[0], version: tickets[0].version + 1 };
      await insertTickets(store, again);
      await store.archiveClosedTickets();

      const wanted = new Set([...tickets.map((t) => t.id), 'UCP-000000']);
      const found = await archived(store, { ids: [...wanted] });
      expect(found.map((t) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
      expect(found.find((t) => t.id === again.id)?.version).toBe(again.version);
      expect(await archived(store, { ids: [tickets[1].id] })).toEqual([tickets[1]]);
      await store.close();
      expect((await findArchivedTicketsSnapshot(folder.dir, new Set([tickets[0].id]))).map((t) => t.version)).toEqual([again.version]);
    },
  );
});
