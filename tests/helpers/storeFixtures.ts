import type { afterEach as AfterEach, beforeEach as BeforeEach } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Ticket } from '../../data/model.js';
import { openLowdbStore, type LowdbStore, type LowdbStoreOptions } from '../../data/store/lowdbStore.js';

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
  // Jest's injected globals rather than an import of '@jest/globals', which throws outside Jest:
  // bench/store.ts imports this module for makeStoreTicket.
  const { beforeEach, afterEach } = globalThis as unknown as { beforeEach: typeof BeforeEach; afterEach: typeof AfterEach };
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

let sequence = 0;

/** A realistic ticket (about 1 KB as JSON), with overrides: `makeStoreTicket({ state: 'closed' })`. */
export function makeStoreTicket(overrides: Partial<Ticket> = {}): Ticket {
  sequence += 1;
  const n = sequence;
  return {
    id: `T-${String(n).padStart(6, '0')}`,
    kind: 'addUsers',
    state: 'awaitingHelpdesk',
    version: 1,
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-03-02T09:15:00.000Z',
    organisation: { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK', borough: 'Lewisham' },
    requester: { aadObjectId: `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`, name: 'Grace Adeyemi', email: 'grace.adeyemi@nhs.net', jobTitle: 'Registered Manager' },
    users: [
      { name: 'Samuel Okafor', email: 'samuel.okafor@nhs.net', jobTitle: 'Senior Carer', role: 'Non-Clinical' },
      { name: 'Priya Natarajan', email: 'priya.natarajan@nhs.net', jobTitle: 'Registered Nurse', role: 'Clinical', registration: { body: 'NMC', number: '12A3456E' } },
      { name: 'Tom Whitfield', email: 'tom.whitfield@nhs.net', jobTitle: 'Care Assistant', role: 'Urgent Care' },
    ],
    checks: { ods: 'verified', dpia: 'listed', dspt: 'Standards Met', icsApproval: 'notNeeded' },
    network: 'internet',
    assignee: null,
    notes: 'Manager asked for access before the new starters begin on Monday; two of them work nights.',
    ...overrides,
  };
}
