/**
 * The store over one in-process document (the memory and lowdb implementations): reads copy out of the document,
 * changes run one after another on a serialised write path with group commit, and `persist` decides where a group
 * goes (a durable file, or nowhere). Audit events and archived tickets go to the trail and archive it is given.
 */
import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import { AppError } from '../errors.js';
import type { AuditEvent, WorkflowTicket } from '../model.js';
import { ChangeTracker } from './changeTracker.js';
import { CommitQueue, type PendingUpdate } from './commitQueue.js';
import { documentReads, type ArchiveReader, type DocumentReads } from './documentReads.js';
import { fsErrorCode } from './durableFs.js';
import type { LiveFile } from './liveFile.js';
import { StagedTransaction } from './stagedTransaction.js';
import type { AuditInput, AuditQuery, LiveData, Store, StoreHealth, StoreTransaction, Transaction } from './store.js';
import { isArchivable } from './ticketArchive.js';

/** The audit trail a document store appends to; events wait in the document's outbox until it has them. */
export interface AuditTrail {
  readonly waiting: readonly AuditEvent[];
  readonly problem: string | undefined;
  /** Appends the outbox; false (and kept waiting) when it could not. */
  deliver(outbox: readonly AuditEvent[]): Promise<boolean>;
  query(query?: AuditQuery): AsyncIterable<AuditEvent>;
}

export interface TicketArchiveFile extends ArchiveReader {
  append(tickets: readonly WorkflowTicket[]): Promise<void>;
}

export interface DocumentStoreParts {
  db: Low<LiveFile>;
  audit: AuditTrail;
  archive: TicketArchiveFile;
  clock: () => Date;
  /** Told about every record written or restored (the lowdb file's per-record JSON cache). */
  recordChanged?: (record: object) => void;
  /** Proves a write would land now (health); problems are sentences. */
  probe?: () => Promise<string | undefined>;
  /** Runs once the store has closed (releases the folder lock). */
  onClose?: () => Promise<void>;
}

/** Counters for tests and the benchmark: how group commit is behaving. */
export interface StoreStats {
  /** Writes of the live file (one per group of updates, plus one on open when something needed writing). */
  commits: number;
  /** update() calls that were applied and are on disk. */
  updates: number;
  /** Commits whose disk write failed (their updates were rejected and undone). */
  failedCommits: number;
}

/** Thrown to every update of a group whose commit could not be written; nothing of the group was kept. */
export class StoreWriteError extends AppError {
  constructor(cause: unknown) {
    super('store-write-failed', `The change could not be saved to disk (${fsErrorCode(cause)}), so it was not made.`, {
      cause: fsErrorCode(cause),
    });
  }
}

/** A queued change: a transaction's function, or (until every caller has moved) a synchronous update's. */
type Change = { staged: (tx: StoreTransaction) => unknown } | { legacy: (tx: Transaction) => unknown };

export class DocumentStore implements Store {
  readonly #db: Low<LiveFile>;
  readonly #root: LiveData;
  readonly #tracker: ChangeTracker;
  readonly #queue: CommitQueue<Change>;
  readonly #reads: DocumentReads;
  readonly #stats: StoreStats = { commits: 0, updates: 0, failedCommits: 0 };
  readonly #parts: DocumentStoreParts;
  #closing: Promise<void> | undefined;

  readonly tickets: Store['tickets'];
  readonly rosters: Store['rosters'];
  readonly conversations: Store['conversations'];
  readonly notifications: Store['notifications'];
  readonly botState: Store['botState'];
  readonly reference: Store['reference'];
  readonly reminders: Store['reminders'];
  readonly counters: Store['counters'];

  constructor(parts: DocumentStoreParts) {
    this.#parts = parts;
    this.#db = parts.db;
    this.#tracker = new ChangeTracker((record) => parts.recordChanged?.(record));
    this.#root = this.#tracker.view(parts.db.data);
    this.#queue = new CommitQueue((group) => this.#commitGroup(group));
    this.#reads = documentReads(() => this.#db.data, parts.archive);
    ({
      tickets: this.tickets,
      rosters: this.rosters,
      conversations: this.conversations,
      notifications: this.notifications,
      botState: this.botState,
      reference: this.reference,
      reminders: this.reminders,
      counters: this.counters,
    } = this.#reads);
  }

  /** Counts a write made while opening (a migration, a recovered outbox). */
  countOpeningCommit(): void {
    this.#stats.commits += 1;
  }

  /**
   * Used for every query. `fn` sees the data through read-only views (a write throws): copy what leaves the store with
   * JSON or a spread; structuredClone refuses them. Reads see a commit's changes from the moment its group is applied.
   */
  read<T>(fn: (data: Readonly<LiveData>) => T): T {
    return fn(this.#root);
  }

  scan<T>(fn: (data: Readonly<LiveData>) => T): T {
    return fn(this.#db.data);
  }

  update<T>(fn: (tx: Transaction) => T): Promise<T> {
    if (this.#closing) return Promise.reject(closedError());
    return this.#queue.update({ legacy: fn }) as Promise<T>;
  }

  transaction<T>(fn: (tx: StoreTransaction) => Promise<T> | T): Promise<T> {
    if (this.#closing) return Promise.reject(closedError());
    return this.#queue.update({ staged: fn }) as Promise<T>;
  }

  archiveClosedTickets(): Promise<number> {
    if (this.#closing) return Promise.reject(closedError());
    return this.#queue.task(() => this.#archiveClosed());
  }

  findArchivedTicket(id: string): Promise<WorkflowTicket | undefined> {
    return this.#parts.archive.find(id);
  }

  archivedTickets(wanted?: (line: string) => boolean): AsyncIterable<WorkflowTicket> {
    return this.#parts.archive.all(wanted);
  }

  readAudit(query?: AuditQuery): AsyncIterable<AuditEvent> {
    return this.#parts.audit.query(query);
  }

  async health(): Promise<StoreHealth> {
    const problems: string[] = [];
    let writable = this.#closing === undefined;
    if (!writable) problems.push('The store is closed.');
    const probeProblem = await this.#parts.probe?.();
    if (probeProblem) {
      writable = false;
      problems.push(probeProblem);
    }
    const audit = this.#parts.audit;
    if (audit.problem) {
      const n = audit.waiting.length;
      problems.push(
        `${n} audit ${n === 1 ? 'event is' : 'events are'} safe in live.json but could not be added to audit.jsonl (${audit.problem}); each commit retries.`,
      );
    }
    const health: StoreHealth = { writable, schemaVersion: this.#db.data.schemaVersion, liveTickets: this.#db.data.tickets.length };
    if (problems.length > 0) health.detail = problems.join(' ');
    return health;
  }

  flush(): Promise<void> {
    return this.#queue.task(async () => undefined);
  }

  close(): Promise<void> {
    this.#closing ??= this.flush().finally(async () => {
      await this.#parts.onClose?.();
    });
    return this.#closing;
  }

  stats(): StoreStats {
    return { ...this.#stats };
  }

  /** Runs each change in turn (a transaction's may await the store's reads), then writes the group once; settles every change. */
  async #commitGroup(group: PendingUpdate<Change>[]): Promise<void> {
    const applied: { update: PendingUpdate<Change>; result: unknown }[] = [];
    const events: AuditEvent[] = [];
    for (const update of group) {
      try {
        const { result, own } = 'staged' in update.fn ? await this.#runStaged(update.fn.staged) : this.#runLegacy(update.fn.legacy);
        applied.push({ update, result });
        events.push(...own);
      } catch (err) {
        update.reject(err);
      }
    }
    if (applied.length === 0) return;
    if (this.#tracker.changed || events.length > 0) {
      try {
        await this.#persist(events);
      } catch (err) {
        this.#tracker.undoAll();
        this.#stats.failedCommits += 1;
        const failure = new StoreWriteError(err);
        applied.forEach(({ update }) => update.reject(failure));
        return;
      }
    }
    this.#tracker.committed();
    this.#stats.updates += applied.length;
    applied.forEach(({ update, result }) => update.resolve(result));
  }

  /** A transaction: its function works on staged copies; only when it returns do its changes enter the document. */
  async #runStaged(fn: (tx: StoreTransaction) => unknown): Promise<{ result: unknown; own: AuditEvent[] }> {
    const tx = new StagedTransaction(this.#db.data, (input) => this.#auditEvent(input));
    let result: unknown;
    try {
      result = await fn(tx);
    } finally {
      tx.close();
    }
    this.#tracker.begin();
    try {
      tx.applyTo(this.#root);
    } catch (err) {
      this.#tracker.undoLast();
      throw err;
    }
    this.#tracker.pause();
    return { result, own: [...tx.events] };
  }

  #runLegacy(fn: (tx: Transaction) => unknown): { result: unknown; own: AuditEvent[] } {
    const own: AuditEvent[] = [];
    let open = true;
    const tx: Transaction = {
      data: this.#root,
      scan: this.#db.data,
      audit: (input) => {
        if (!open) throw new TypeError('tx.audit() was called after its update had finished.');
        const event = this.#auditEvent(input);
        own.push(event);
        return structuredClone(event);
      },
    };
    this.#tracker.begin();
    try {
      const result = fn(tx);
      if (isThenable(result)) {
        // Its later rejection is the caller's bug, reported by the rejection below; keep it from crashing the process.
        result.then(undefined, () => undefined);
        throw new TypeError('store.update() needs a synchronous function: do the asynchronous work first, then update.');
      }
      this.#tracker.pause();
      return { result, own };
    } catch (err) {
      this.#tracker.undoLast();
      throw err;
    } finally {
      open = false;
    }
  }

  /** Writes the document with its outbox (events still waiting from a failed append, then this group's), then appends the outbox to the trail. */
  async #persist(events: AuditEvent[]): Promise<void> {
    const outbox = [...this.#parts.audit.waiting, ...events];
    this.#db.data.pendingAudit = outbox;
    await this.#db.write();
    this.#stats.commits += 1;
    await this.#parts.audit.deliver(outbox);
  }

  #auditEvent(input: AuditInput): AuditEvent {
    const { id, at, ...rest } = input;
    // A copy through JSON: later changes to `details` by the caller cannot alter what was recorded.
    return JSON.parse(JSON.stringify({ id: id ?? randomUUID(), at: at ?? this.#parts.clock().toISOString(), ...rest })) as AuditEvent;
  }

  /** Archive first (durably), then one commit removes the tickets from the document; see TicketArchive on crashes. */
  async #archiveClosed(): Promise<number> {
    const moving = this.#db.data.tickets.filter(isArchivable).map((ticket) => structuredClone(ticket));
    if (moving.length === 0) return 0;
    await this.#parts.archive.append(moving);
    const ids = new Set(moving.map((ticket) => ticket.id));
    await new Promise<void>((resolve, reject) => {
      const legacy = (tx: Transaction) => {
        tx.data.tickets = tx.data.tickets.filter((ticket) => !ids.has(ticket.id));
        for (const ticket of moving)
          tx.audit({ actor: 'system', action: 'ticketArchived', ticketId: ticket.id, details: { state: ticket.state } });
      };
      void this.#commitGroup([{ fn: { legacy }, resolve: () => resolve(), reject }]);
    });
    return moving.length;
  }
}

function closedError(): AppError {
  return new AppError('store-closed', 'The store has been closed, so this change was not saved.');
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function'
  );
}
