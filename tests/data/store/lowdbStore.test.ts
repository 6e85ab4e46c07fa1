import { describe, expect, it } from '@jest/globals';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import type { WorkflowTicket } from '../../../data/model.js';
import { CURRENT_SCHEMA_VERSION } from '../../../data/store/migrations.js';
import type { StoreTransaction } from '../../../data/store/store.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

async function onDisk(): Promise<Record<string, unknown> & { tickets: { id: string; state: string }[] }> {
  return JSON.parse(await readFile(folder.path('live.json'), 'utf8'));
}

describe('opening a data folder', () => {
  it('creates a missing folder and writes an empty live file at the current schema version', async () => {
    folder.dir = folder.path('nested', 'data');
    await folder.open();
    const file = await onDisk();
    expect(file.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(file.tickets).toEqual([]);
    expect(file.botState).toEqual({});
    expect(file.bankHolidays).toBeNull();
  });

  it('writes the live file compactly, not pretty-printed', async () => {
    const store = await folder.open();
    await store.transaction((tx) => insertAll(tx, makeWorkflowTicket()));
    expect(await readFile(folder.path('live.json'), 'utf8')).not.toContain('\n');
  });

  it('refuses to open the same folder twice in one process, and opens it again once closed', async () => {
    const first = await folder.open();
    await expect(folder.open()).rejects.toThrow(/already open in this process/);
    await first.close();
    await expect(folder.open()).resolves.toBeDefined();
  });
});

/** Adds tickets inside a transaction. */
async function insertAll(tx: StoreTransaction, ...tickets: WorkflowTicket[]): Promise<void> {
  for (const ticket of tickets) await tx.tickets.insert(ticket);
}

describe('transactions', () => {
  it('applies 1,000 concurrent updates, keeps every one after reopening, and writes them in a handful of commits', async () => {
    const store = await folder.open();
    const before = store.stats().commits;
    const tickets = Array.from({ length: 1000 }, () => makeWorkflowTicket());
    const results = await Promise.all(tickets.map((ticket) => store.transaction((tx) => tx.tickets.insert(ticket))));

    expect(results).toHaveLength(1000);
    expect(await store.tickets.count()).toBe(1000);
    const commits = store.stats().commits - before;
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(5);

    await store.close();
    const reopened = await folder.open();
    const ids = (await reopened.tickets.list()).map((ticket) => ticket.id);
    expect(new Set(ids)).toEqual(new Set(tickets.map((ticket) => ticket.id)));
    expect((await onDisk()).tickets).toHaveLength(1000);
  });

  it('groups updates that arrive while a commit is being written into the next single commit', async () => {
    const store = await folder.open();
    const before = store.stats().commits;
    const first = store.transaction((tx) => insertAll(tx, makeWorkflowTicket()));
    await new Promise((resolve) => setImmediate(resolve));
    // The first commit is now on its way to disk; these 200 arrive over several turns of the event loop.
    const later: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i += 1) {
      later.push(store.transaction((tx) => insertAll(tx, makeWorkflowTicket())));
      if (i % 50 === 0) await Promise.resolve();
    }
    await Promise.all([first, ...later]);
    expect(store.stats().commits - before).toBeLessThanOrEqual(3);
    expect((await onDisk()).tickets).toHaveLength(201);
  });

  it('resolves only once the change is in the file on disk', async () => {
    const store = await folder.open();
    const ticket = makeWorkflowTicket();
    await store.transaction((tx) => insertAll(tx, ticket));
    expect((await onDisk()).tickets.map((t) => t.id)).toEqual([ticket.id]);
  });

  it('resolves with what the transaction returned, and its change reaches the file', async () => {
    const store = await folder.open();
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
    await store.transaction((tx) => insertAll(tx, ticket));
    const state = await store.transaction(async (tx) => {
      const stored = (await tx.tickets.get(ticket.id))!;
      stored.state = 'awaitingHelpdesk';
      await tx.tickets.update(stored, stored.version);
      return stored.state;
    });
    expect(state).toBe('awaitingHelpdesk');
    expect((await onDisk()).tickets[0].state).toBe('awaitingHelpdesk');
  });

  it('leaves the data exactly as it was when a transaction throws, while the other transactions of its group still land', async () => {
    const store = await folder.open();
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    await store.transaction((tx) => insertAll(tx, ticket));
    const fileBefore = await readFile(folder.path('live.json'), 'utf8');

    const failing = store.transaction(async (tx) => {
      const stored = (await tx.tickets.get(ticket.id))!;
      stored.state = 'resolved';
      stored.users!.splice(0, 1);
      await tx.tickets.update(stored, stored.version);
      await tx.tickets.insert(makeWorkflowTicket());
      await tx.counters.setTurnFailures('conversation:broken', 3);
      tx.audit({ actor: 'agent-1', action: 'resolve', ticketId: ticket.id });
      throw new Error('the helpdesk agent is not on the roster');
    });
    const succeeding = store.transaction((tx) => tx.counters.setTurnFailures('conversation:other', 1));

    await expect(failing).rejects.toThrow('the helpdesk agent is not on the roster');
    await succeeding;
    expect(await store.tickets.list()).toEqual([ticket]);
    expect(await store.counters.turnFailures('conversation:broken')).toBe(0);
    expect(await store.counters.turnFailures('conversation:other')).toBe(1);
    const fileAfter = JSON.parse(await readFile(folder.path('live.json'), 'utf8'));
    expect(fileAfter.tickets).toEqual(JSON.parse(fileBefore).tickets);
    const actions: string[] = [];
    for await (const event of store.readAudit()) actions.push(event.action);
    expect(actions).not.toContain('resolve');
  });

  it('hands out copies, so changing what a read returned changes nothing stored', async () => {
    const store = await folder.open();
    await store.transaction((tx) => insertAll(tx, makeWorkflowTicket({ state: 'awaitingHelpdesk' })));
    const [ticket] = await store.tickets.list();
    ticket.state = 'closed';
    expect((await store.tickets.list())[0].state).toBe('awaitingHelpdesk');
  });

  it('stores a copy of what it is given, so changing the original later changes nothing', async () => {
    const store = await folder.open();
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    await store.transaction((tx) => insertAll(tx, ticket));
    ticket.state = 'closed';
    expect((await store.tickets.list())[0].state).toBe('awaitingHelpdesk');
  });

  it('rejects every update of a group whose disk write fails, and memory then shows only what is on disk', async () => {
    const store = await folder.open();
    const kept = makeWorkflowTicket();
    await store.transaction((tx) => insertAll(tx, kept));
    await rm(folder.dir, { recursive: true, force: true });

    const lost = [makeWorkflowTicket(), makeWorkflowTicket()].map((ticket) => store.transaction((tx) => insertAll(tx, ticket)));
    for (const update of lost) await expect(update).rejects.toThrow(/could not be saved to disk/);
    expect((await store.tickets.list()).map((ticket) => ticket.id)).toEqual([kept.id]);
    expect(store.stats().failedCommits).toBe(1);

    await mkdir(folder.dir);
    const later = makeWorkflowTicket();
    await store.transaction((tx) => insertAll(tx, later));
    expect((await onDisk()).tickets.map((ticket) => ticket.id)).toEqual([kept.id, later.id]);
  });

  it('writes nothing when a group changes nothing', async () => {
    const store = await folder.open();
    const before = store.stats().commits;
    await store.transaction(async (tx) => (await tx.tickets.list()).length);
    expect(store.stats().commits).toBe(before);
  });
});

describe('health, flush and close', () => {
  it('reports a writable store with its schema version and live ticket count', async () => {
    const store = await folder.open();
    await store.transaction((tx) => insertAll(tx, makeWorkflowTicket(), makeWorkflowTicket()));
    await expect(store.health()).resolves.toEqual({ writable: true, schemaVersion: CURRENT_SCHEMA_VERSION, liveTickets: 2 });
    await expect(stat(folder.path('.health-probe'))).rejects.toThrow();
  });

  it('reports not writable, saying why, when the data folder has gone', async () => {
    const store = await folder.open();
    await rm(folder.dir, { recursive: true, force: true });
    const health = await store.health();
    expect(health.writable).toBe(false);
    expect(health.detail).toContain('cannot be written to');
  });

  it('flush resolves once every update issued before it is on disk', async () => {
    const store = await folder.open();
    const ticket = makeWorkflowTicket();
    void store.transaction((tx) => insertAll(tx, ticket));
    await store.flush();
    expect((await onDisk()).tickets.map((t) => t.id)).toEqual([ticket.id]);
  });

  it('close saves what was already asked for, then refuses further updates clearly', async () => {
    const store = await folder.open();
    const ticket = makeWorkflowTicket();
    const pending = store.transaction((tx) => insertAll(tx, ticket));
    await store.close();
    await pending;
    expect((await onDisk()).tickets.map((t) => t.id)).toEqual([ticket.id]);
    await expect(store.transaction((tx) => insertAll(tx, makeWorkflowTicket()))).rejects.toThrow(
      'The store has been closed, so this change was not saved.',
    );
    await expect(store.archiveClosedTickets()).rejects.toThrow(/closed/);
    expect((await store.health()).writable).toBe(false);
  });
});
