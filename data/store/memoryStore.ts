/**
 * The store kept in memory only (`STORE=memory`): the same document, transactions, queries and archive moves as the
 * lowdb store, with nothing written to disk, so everything is lost when the process ends. For tests and the demo.
 */
import { Low, Memory } from 'lowdb';
import type { AuditEvent, WorkflowTicket } from '../model.js';
import { auditFilter } from './auditLog.js';
import { DocumentStore, type AuditTrail, type StoreStats, type TicketArchiveFile } from './documentStore.js';
import { emptyLiveFile, validateLiveFile, type LiveFile } from './liveFile.js';
import { CURRENT_SCHEMA_VERSION, migrateLiveFile } from './migrations.js';
import type { AuditQuery, LiveData, Store } from './store.js';

export interface MemoryStoreOptions {
  /** Stamps audit events; injected so tests decide the time. */
  clock?: () => Date;
  /** Live data to start from (any schema version the lowdb store reads; migrated and checked the same way). */
  from?: Partial<LiveData> & { schemaVersion?: number };
}

export interface MemoryStore extends Store {
  stats(): StoreStats;
}

export async function openMemoryStore(options: MemoryStoreOptions = {}): Promise<MemoryStore> {
  const db = new Low<LiveFile>(new Memory<LiveFile>(), emptyLiveFile(CURRENT_SCHEMA_VERSION));
  if (options.from) {
    const start = { ...emptyLiveFile(CURRENT_SCHEMA_VERSION), ...structuredClone(options.from) } as unknown as Record<string, unknown>;
    db.data = validateLiveFile(migrateLiveFile(start, 'memory').document, 'memory');
  }
  return new DocumentStore({ db, audit: new MemoryAuditTrail(), archive: new MemoryArchive(), clock: options.clock ?? (() => new Date()) });
}

class MemoryAuditTrail implements AuditTrail {
  readonly #events: AuditEvent[] = [];
  readonly waiting: readonly AuditEvent[] = [];
  readonly problem = undefined;

  async deliver(outbox: readonly AuditEvent[]): Promise<boolean> {
    this.#events.push(...structuredClone(outbox));
    return true;
  }

  async *query(query: AuditQuery = {}): AsyncGenerator<AuditEvent> {
    const matches = auditFilter(query);
    // The events as they are now: one recorded while this is read comes in the next query.
    for (const event of this.#events.slice()) if (matches(event)) yield structuredClone(event);
  }
}

class MemoryArchive implements TicketArchiveFile {
  /** One JSON text per archived copy, as the archive file keeps them. */
  readonly #lines: string[] = [];

  async append(tickets: readonly WorkflowTicket[]): Promise<void> {
    for (const ticket of tickets) this.#lines.push(JSON.stringify(ticket));
  }

  async find(id: string): Promise<WorkflowTicket | undefined> {
    let found: WorkflowTicket | undefined;
    for await (const ticket of this.all()) if (ticket.id === id) found = ticket;
    return found;
  }

  async *all(wanted?: (line: string) => boolean): AsyncGenerator<WorkflowTicket> {
    for (const line of this.#lines.slice()) if (!wanted || wanted(line)) yield JSON.parse(line) as WorkflowTicket;
  }
}
