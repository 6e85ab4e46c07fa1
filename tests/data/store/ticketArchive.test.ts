import { describe, expect, it } from '@jest/globals';
import { appendFile, readFile } from 'node:fs/promises';
import type { AuditEvent, WorkflowTicket } from '../../../data/model.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { insertTickets, liveTicketIds, useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

async function archiveLines(): Promise<WorkflowTicket[]> {
  const text = await readFile(folder.path('archive.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WorkflowTicket);
}

describe('archiving closed tickets', () => {
  it('moves closed and archived tickets out of the live file, keeps the rest, and still finds the moved ones', async () => {
    const store = await folder.open();
    const open1 = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const closed = makeWorkflowTicket({ state: 'closed', closedAt: '2026-03-05T16:00:00.000Z' });
    const resolved = makeWorkflowTicket({ state: 'resolved' });
    const archived = makeWorkflowTicket({ state: 'archived', closedAt: '2026-02-01T12:00:00.000Z' });
    await insertTickets(store, open1, closed, resolved, archived);

    await expect(store.archiveClosedTickets()).resolves.toBe(2);

    expect(await liveTicketIds(store)).toEqual([open1.id, resolved.id]);
    const live = JSON.parse(await readFile(folder.path('live.json'), 'utf8'));
    expect(live.tickets.map((t: WorkflowTicket) => t.id)).toEqual([open1.id, resolved.id]);
    expect((await archiveLines()).map((t) => t.id)).toEqual([closed.id, archived.id]);
    await expect(store.tickets.get(closed.id)).resolves.toEqual(closed);
    await expect(store.tickets.get(archived.id)).resolves.toEqual(archived);
    const inArchive: string[] = [];
    for await (const ticket of store.tickets.archived()) inArchive.push(ticket.id);
    expect(inArchive).toEqual([closed.id, archived.id]);
  });

  it('records a move to the archive in the audit trail for each ticket', async () => {
    const store = await folder.open();
    const closed = makeWorkflowTicket({ state: 'closed', closedAt: '2026-03-05T16:00:00.000Z' });
    await insertTickets(store, closed);
    await store.archiveClosedTickets();
    const events: AuditEvent[] = [];
    for await (const event of store.readAudit({ ticketId: closed.id })) events.push(event);
    expect(events).toEqual([
      expect.objectContaining({ actor: 'system', action: 'ticketArchived', ticketId: closed.id, details: { state: 'closed' } }),
    ]);
  });

  it('does nothing, and writes nothing, when no ticket is closed', async () => {
    const store = await folder.open();
    await insertTickets(store, makeWorkflowTicket());
    const commits = store.stats().commits;
    await expect(store.archiveClosedTickets()).resolves.toBe(0);
    expect(store.stats().commits).toBe(commits);
  });

  it('keeps archived tickets findable after a restart', async () => {
    const store = await folder.open();
    const closed = makeWorkflowTicket({ state: 'closed', closedAt: '2026-03-05T16:00:00.000Z' });
    await insertTickets(store, closed);
    await store.archiveClosedTickets();
    await store.close();
    const reopened = await folder.open();
    await expect(reopened.tickets.get(closed.id)).resolves.toEqual(closed);
  });

  it('copes with a crash between archiving and removing: the ticket is archived again and the latest copy is the one found', async () => {
    const stale = makeWorkflowTicket({ state: 'closed', closedAt: '2026-03-05T16:00:00.000Z', reason: 'first run' });
    // What a crash after the append but before the live commit leaves: the ticket in both files, plus a torn line.
    await appendFile(folder.path('archive.jsonl'), `${JSON.stringify(stale)}\n{"id":"T-torn","st`);
    const store = await folder.open();
    const current = { ...stale, reason: 'second run' };
    await insertTickets(store, current);

    await expect(store.archiveClosedTickets()).resolves.toBe(1);
    expect(await store.tickets.list()).toEqual([]);
    expect((await archiveLines()).map((t) => t.reason)).toEqual(['first run', 'second run']);
    await expect(store.tickets.get(stale.id)).resolves.toEqual(current);
  });

  it('runs in turn with transactions: one issued after it sees the tickets already gone', async () => {
    const store = await folder.open();
    const closed = makeWorkflowTicket({ state: 'closed', closedAt: '2026-03-05T16:00:00.000Z' });
    await insertTickets(store, closed);
    const moved = store.archiveClosedTickets();
    const seen = store.transaction(async (tx) => (await tx.tickets.list()).length);
    await expect(moved).resolves.toBe(1);
    await expect(seen).resolves.toBe(0);
  });
});
