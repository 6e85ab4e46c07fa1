import { afterEach, beforeEach } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConversationRecord, DpiaEntry, DsptRecord, RosterEntry, WorkflowTicket } from '../../data/model.js';
import { openLowdbStore, type LowdbStore, type LowdbStoreOptions } from '../../data/store/lowdbStore.js';
import type { Store } from '../../data/store/store.js';

/** A fresh temporary data folder for one store test, and a way to remove it. */
export async function makeStoreDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The data folder of the running test, from `useStoreFolder()`. */
export interface StoreFolder {
  /** The folder: a fresh temporary one for each test; a test may point it elsewhere (`folder.dir = folder.path('nested')`) before opening. */
  dir: string;
  /** A path inside `dir`. */
  path(...segments: string[]): string;
  /** Opens a store on `dir`; it is closed after the test. */
  open(options?: Omit<LowdbStoreOptions, 'dir'>): Promise<LowdbStore>;
}

/**
 * Gives each test of the enclosing describe block (or file) a fresh data folder; after the test, closes the stores
 * opened through it and removes the folder. Its hooks run where it is called: an afterEach declared before the call
 * runs before the stores are closed and the folder removed.
 */
export function useStoreFolder(): StoreFolder {
  let dir: string | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  const opened: LowdbStore[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = await makeStoreDir());
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await cleanup?.();
    dir = cleanup = undefined;
  });

  const folder: StoreFolder = {
    get dir() {
      if (dir === undefined) throw new Error('useStoreFolder: the data folder exists only while a test runs');
      return dir;
    },
    set dir(value) {
      dir = value;
    },
    path: (...segments) => path.join(folder.dir, ...segments),
    async open(options = {}) {
      const store = await openLowdbStore({ ...options, dir: folder.dir });
      opened.push(store);
      return store;
    },
  };
  return folder;
}

/** Adds tickets to a store in one transaction (test set-up). */
export function insertTickets(store: Store, ...tickets: WorkflowTicket[]): Promise<void> {
  return store.transaction(async (tx) => {
    for (const ticket of tickets) await tx.tickets.insert(ticket);
  });
}

/** The ids of the live tickets, oldest first. */
export async function liveTicketIds(store: Store): Promise<string[]> {
  return (await store.tickets.list()).map((ticket) => ticket.id);
}
/** Records to start a test's store with; reference lists are added to what the store already has. */
export interface SeedRecords {
  rosters?: readonly RosterEntry[];
  conversations?: readonly ConversationRecord[];
  dpiaRegister?: readonly DpiaEntry[];
  dsptStatuses?: readonly DsptRecord[];
  tickets?: readonly WorkflowTicket[];
}

/** Writes the records through one transaction, as the product would have stored them. */
export function seedRecords(store: Store, records: SeedRecords): Promise<void> {
  return store.transaction(async (tx) => {
    for (const entry of records.rosters ?? []) await tx.rosters.put(entry);
    for (const conversation of records.conversations ?? []) await tx.conversations.put(conversation);
    for (const ticket of records.tickets ?? []) await tx.tickets.insert(ticket);
    if (records.dpiaRegister) await tx.reference.setDpiaRegister([...(await tx.reference.dpiaRegister()), ...records.dpiaRegister]);
    if (records.dsptStatuses) await tx.reference.setDsptStatuses([...(await tx.reference.dsptStatuses()), ...records.dsptStatuses]);
  });
}
