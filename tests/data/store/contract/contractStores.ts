/** What every contract test file shares: fresh stores of one implementation, closed and removed after each test, and small records. */
import { afterEach } from '@jest/globals';
import type { AuditEvent, NotificationRecord, RosterEntry, RosterKind, WorkflowTicket } from '../../../../data/model.js';
import type { AuditQuery, Store } from '../../../../data/store/store.js';
import { makeWorkflowTicket } from '../../../fixtures/workflowFixtures.js';
import type { OpenOptions, StartingDocument, StoreImplementation, StorePlace } from './implementations.js';

export interface ContractStores {
  /** A fresh store, empty or started from `from`. */
  open(options?: OpenOptions & { from?: StartingDocument }): Promise<Store>;
  /** A fresh place, for tests that close a store and open it again. */
  place(from?: StartingDocument): Promise<StorePlace>;
}

/** Call inside a describe block: after each of its tests, every store opened through it is closed and every place removed. */
export function useStores(implementation: StoreImplementation): ContractStores {
  const stores: Store[] = [];
  const places: StorePlace[] = [];

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(places.splice(0).map((place) => place.dispose()));
  });

  const place = async (from?: StartingDocument): Promise<StorePlace> => {
    const made = await implementation.place(from);
    places.push(made);
    return {
      open: async (options) => {
        const store = await made.open(options);
        stores.push(store);
        return store;
      },
      storedDocument: () => made.storedDocument(),
      dispose: () => made.dispose(),
    };
  };
  return {
    place,
    open: async ({ from, ...options } = {}) => (await place(from)).open(options),
  };
}

/** A ticket with its own id, sequence number `n` shown in it for readable failures. */
export function ticket(n: number, overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  return makeWorkflowTicket({ id: `T-${String(n).padStart(4, '0')}`, version: 1, ...overrides });
}

export function roster(kind: RosterKind, id: string, scope?: string): RosterEntry {
  return { kind, id, addedAt: '2026-01-05T09:00:00.000Z', ...(scope === undefined ? {} : { scope }) };
}

export function notification(key: string, overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  return {
    key,
    recipient: { aadObjectId: 'aad-grace' },
    text: 'Your request was approved.',
    subject: 'Request approved',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-03-02T10:00:00.000Z',
    createdAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

/** Adds the tickets in one transaction. */
export async function seed(store: Store, tickets: readonly WorkflowTicket[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const each of tickets) await tx.tickets.insert(each);
  });
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function auditOf(store: Store, query: AuditQuery = {}): Promise<AuditEvent[]> {
  return collect(store.readAudit(query));
}

export const ids = (tickets: readonly { id: string }[]): string[] => tickets.map((t) => t.id);
