/**
 * The store implementations the contract suite runs against. A new implementation joins the suite by adding one entry
 * here: every contract test file runs `describe.each(IMPLEMENTATIONS)`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openLowdbStore } from '../../../../data/store/lowdbStore.js';
import { openMemoryStore } from '../../../../data/store/memoryStore.js';
import { postgresImplementation } from './postgresPlaces.js';
import type { Store } from '../../../../data/store/store.js';
import { makeStoreDir } from '../../../helpers/storeFixtures.js';

/** A whole live document (of any schema version, `schemaVersion` included) to start a store from. */
export type StartingDocument = Record<string, unknown> & { schemaVersion: number };

export interface OpenOptions {
  /** Stamps audit events. */
  clock?: () => Date;
}

/** Where one test's store keeps its data: nothing is opened until `open`. */
export interface StorePlace {
  /** Opens a store on this place's data; a durable implementation opened again after a close sees the same data. */
  open(options?: OpenOptions): Promise<Store>;
  /** The starting document as the implementation keeps it outside the process, for "left untouched"; undefined when it keeps none. */
  storedDocument(): Promise<string | undefined>;
  /** Removes what the place left behind (its stores are closed first by the suite). */
  dispose(): Promise<void>;
}

export interface StoreImplementation {
  readonly name: string;
  /** What a resolved transaction wrote is still there after the store is closed and opened again on the same place. */
  readonly durable: boolean;
  /** A fresh place, empty or holding `from`. */
  place(from?: StartingDocument): Promise<StorePlace>;
}

const memory: StoreImplementation = {
  name: 'memory',
  durable: false,
  place: async (from) => ({
    open: (options = {}) => openMemoryStore({ clock: options.clock, from }),
    storedDocument: async () => undefined,
    dispose: async () => undefined,
  }),
};

const lowdb: StoreImplementation = {
  name: 'lowdb',
  durable: true,
  place: async (from) => {
    const { dir, cleanup } = await makeStoreDir();
    const live = path.join(dir, 'live.json');
    if (from) await writeFile(live, JSON.stringify(from));
    return {
      open: (options = {}) => openLowdbStore({ dir, clock: options.clock }),
      storedDocument: () => readFile(live, 'utf8'),
      dispose: cleanup,
    };
  },
};

/** PostgreSQL joins when a database is given (`npm run test:pg` starts a throwaway one); tests/globalSetup.mjs says when it is left out. */
const postgres = process.env.TEST_DATABASE_URL ? [postgresImplementation(process.env.TEST_DATABASE_URL)] : [];

export const IMPLEMENTATIONS: readonly StoreImplementation[] = [memory, lowdb, ...postgres];
