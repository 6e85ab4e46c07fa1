import { describe, expect, it } from '@jest/globals';
import type { WorkflowTicket } from '../../../data/model.js';
import { findArchivedTicketsSnapshot } from '../../../data/store/fileSnapshot.js';
import { findArchivedTickets } from '../../../data/store/ticketArchive.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

describe('finding several archived tickets at once (reports)', () => {
  it.each([2, 40])(
    'finds the wanted tickets among %i, the last archived copy of each, from the store and from the files the CLI reads',
    async (count) => {
      const store = await folder.open();
      const tickets = Array.from({ length: count }, () => makeWorkflowTicket({ state: 'closed', closedAt: '2026-03-05T16:00:00.000Z' }));
      await store.update((tx) => void tx.data.tickets.push(...tickets));
      await store.archiveClosedTickets();
      // Archived again after a crash, with a newer copy: the newer one is the answer.
      const again: WorkflowTicket = { ...tickets[0], version: tickets[0].version + 1 };
      await store.update((tx) => void tx.data.tickets.push(again));
      await store.archiveClosedTickets();

      const wanted = new Set([...tickets.map((t) => t.id), 'UCP-000000']);
      const found = await findArchivedTickets((line) => store.archivedTickets(line), wanted);
      expect(found.map((t) => t.id).sort()).toEqual(tickets.map((t) => t.id).sort());
      expect(found.find((t) => t.id === again.id)?.version).toBe(again.version);
      expect(await findArchivedTickets((line) => store.archivedTickets(line), new Set([tickets[1].id]))).toEqual([tickets[1]]);
      await store.close();
      expect((await findArchivedTicketsSnapshot(folder.dir, new Set([tickets[0].id]))).map((t) => t.version)).toEqual([again.version]);
    },
  );
});
