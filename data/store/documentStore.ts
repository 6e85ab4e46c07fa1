/**
 * The store over one in-process document (the memory and lowdb implementations): reads copy out of the document,
 * changes run one after another on a serialised write path with group commit, and `persist` decides where a group
 * goes (a durable file, or nowhere). Audit events and archived tickets go to the trail and archive it is given.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers';
import type { Low } from 'lowdb';
import { AppError } from '../errors.js';
import type { AuditEvent, WorkflowTicket } from '../model.js';
import { CommitQueue, type PendingUpdate } from './commitQueue.js';
import { documentReads, type ArchiveReader, type DocumentReads } from './documentReads.js';
import { fsErrorCode } from './durableFs.js';
import { documentOutbox } from './notificationClaims.js';
import type { LiveFile } from './liveFile.js';
import { StagedTransaction } from './stagedTransaction.js';
import type { AuditInput, AuditQuery, LiveData, Store, StoreHealth, StoreTransaction } from './store.js';
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

/** A queued change: a transaction's function. */
type Change = (tx: StagedTransaction) => unknown;

export class DocumentStore implements Store {
  readonly #db: Low<LiveFile>;
  /**
   * The document as last made durable: what reads outside a transaction see. Fields are replaced, never changed in place,
   * so a shallow copy taken after each write is a consistent picture while the next group is applied and written.
   */
  #committed: LiveData;
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
    this.#queue = new CommitQueue((group) => this.#commitGroup(group));
    this.#committed = { ...parts.db.data };
    this.#reads = documentReads(() => this.#committed, parts.archive);
    ({
      tickets: this.tickets,
      rosters: this.rosters,
      conversations: this.conversations,
      botState: this.botState,
      reference: this.reference,
      reminders: this.reminders,
      counters: this.counters,
    } = this.#reads);
    this.notifications = documentOutbox(this.#reads.notifications, (fn) => this.transaction(fn));
  }

  /** Counts a write made while opening (a migration, a recovered outbox). */
  countOpeningCommit(): void {
    this.#stats.commits += 1;
  }

  transaction<T>(fn: (tx: StoreTransaction) => Promise<T> | T): Promise<T> {
    if (this.#closing) return Promise.reject(closedError());
    return this.#queue.update(fn) as Promise<T>;
  }

  archiveClosedTickets(): Promise<number> {
    if (this.#closing) return Promise.reject(closedError());
    return this.#queue.task(() => this.#archiveClosed());
  }

  importArchived(tickets: readonly WorkflowTicket[]): Promise<void> {
    if (this.#closing) return Promise.reject(closedError());
    // On the write path, so it never lands in the middle of an archive run.
    return this.#queue.task(() => this.#parts.archive.append(tickets));
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
    const health: StoreHealth = { writable, schemaVersion: this.#committed.schemaVersion, liveTickets: this.#committed.tickets.length };
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

  /**
   * Runs each transaction in turn (one may await the store's reads; none sees another half done), then writes the group
   * once; settles every one. Each applied transaction replaces whole fields of the document, so undoing a group whose
   * write failed is putting the fields back as they were before it.
   */
  async #commitGroup(group: PendingUpdate<Change>[]): Promise<void> {
    const before: LiveData = { ...this.#db.data };
    const applied: { update: PendingUpdate<Change>; result: unknown }[] = [];
    const events: AuditEvent[] = [];
    let turnStarted = performance.now();
    for (const update of group) {
      // Hundreds of small transactions in one group (a notifier catching up) must not hold the event loop between them.
      if (performance.now() - turnStarted > 8) {
        await new Promise((resolve) => setImmediate(resolve));
        turnStarted = performance.now();
      }
      const tx = new StagedTransaction(this.#db.data, (input) => this.#auditEvent(input));
      try {
        const result = await update.fn(tx);
        tx.close();
        // A function that worked for a while (a reminder batch): its changes are applied on the next turn (nothing else
        // writes meanwhile), so the two never hold the event loop together.
        if (performance.now() - turnStarted > 8) {
          await new Promise((resolve) => setImmediate(resolve));
          turnStarted = performance.now();
        }
        Object.assign(this.#db.data, tx.changes());
        applied.push({ update, result });
        events.push(...tx.events);
      } catch (err) {
        tx.close();
        update.reject(err);
      }
    }
    if (applied.length === 0) return;
    if (events.length > 0 || changedFields(before, this.#db.data)) {
      try {
        await this.#persist(events);
      } catch (err) {
        Object.assign(this.#db.data, before);
        this.#stats.failedCommits += 1;
        const failure = new StoreWriteError(err);
        applied.forEach(({ update }) => update.reject(failure));
        return;
      }
    }
    this.#committed = { ...this.#db.data };
    this.#stats.updates += applied.length;
    applied.forEach(({ update, result }) => update.resolve(result));
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
    const moving = this.#db.data.tickets.filter(isArchivable);
    if (moving.length === 0) return 0;
    await this.#parts.archive.append(moving);
    await new Promise<void>((resolve, reject) => {
      const move = (tx: StagedTransaction) => {
        tx.removeTickets(moving.map((ticket) => ticket.id));
        for (const ticket of moving) {
          tx.audit({ actor: 'system', action: 'ticketArchived', ticketId: ticket.id, details: { state: ticket.state } });
        }
      };
      void this.#commitGroup([{ fn: move, resolve: () => resolve(), reject }]);
    });
    return moving.length;
  }
}

/** Whether any field of the document was replaced. */
function changedFields(before: LiveData, after: LiveData): boolean {
  return (Object.keys(after) as (keyof LiveData)[]).some((key) => before[key] !== after[key]);
}

function closedError(): AppError {
  return new AppError('store-closed', 'The store has been closed, so this change was not saved.');
}
