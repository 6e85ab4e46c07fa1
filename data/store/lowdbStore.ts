import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../errors.js';
import type { AuditEvent, WorkflowTicket } from '../model.js';
import { AuditLog } from './auditLog.js';
import { ChangeTracker } from './changeTracker.js';
import { CommitQueue, type PendingUpdate } from './commitQueue.js';
import { fsErrorCode, fsyncDir } from './durableFs.js';
import { DurableJsonFile, emptyLiveFile, validateLiveFile, type LiveFile } from './liveFile.js';
import { LiveSerializer } from './liveSerializer.js';
import { CURRENT_SCHEMA_VERSION, migrateLiveFile } from './migrations.js';
import type { AuditQuery, LiveData, Store, StoreHealth, Transaction } from './store.js';
import { isArchivable, TicketArchive } from './ticketArchive.js';
import { acquireWriterLock, type WriterLock } from './writerLock.js';

export interface LowdbStoreOptions {
  /** The data folder; created if missing. Holds live.json, audit.jsonl and archive.jsonl. */
  dir: string;
  /** Stamps audit events; injected so tests decide the time. */
  clock?: () => Date;
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

export interface LowdbStore extends Store {
  readonly dir: string;
  stats(): StoreStats;
}

/** Data folders open in this process: a second Low on the same file would race the first and lose updates. */
const openDirs = new Set<string>();

/** Opens, migrates and recovers the data folder. */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<LowdbStore> {
  const dir = path.resolve(options.dir);
  if (openDirs.has(dir)) {
    throw new AppError(
      'store-already-open',
      `The data folder ${dir} is already open in this process; share that store instead of opening it twice.`,
      { dir },
    );
  }
  openDirs.add(dir);
  let lock: WriterLock | undefined;
  try {
    await mkdir(dir, { recursive: true });
    // Another process writing the same folder would lose updates: the bot and the admin CLI take turns.
    lock = await acquireWriterLock(dir);
    return await LowdbFileStore.open(dir, options.clock ?? (() => new Date()), lock);
  } catch (err) {
    await lock?.release();
    openDirs.delete(dir);
    throw err;
  }
}

/** Thrown to every update of a group whose commit could not be written; nothing of the group was kept. */
export class StoreWriteError extends AppError {
  constructor(cause: unknown) {
    super('store-write-failed', `The change could not be saved to disk (${fsErrorCode(cause)}), so it was not made.`, {
      cause: fsErrorCode(cause),
    });
  }
}

class LowdbFileStore implements LowdbStore {
  readonly #db: Low<LiveFile>;
  readonly #root: LiveData;
  readonly #tracker: ChangeTracker;
  readonly #queue: CommitQueue<Transaction>;
  readonly #stats: StoreStats = { commits: 0, updates: 0, failedCommits: 0 };
  #closing: Promise<void> | undefined;

  private constructor(
    readonly dir: string,
    private readonly clock: () => Date,
    db: Low<LiveFile>,
    serializer: LiveSerializer,
    private readonly audit: AuditLog,
    private readonly archive: TicketArchive,
    private readonly lock: WriterLock,
  ) {
    this.#db = db;
    this.#tracker = new ChangeTracker((record) => serializer.forget(record));
    this.#root = this.#tracker.view(db.data);
    this.#queue = new CommitQueue((group) => this.#commitGroup(group));
  }

  static async open(dir: string, clock: () => Date, lock: WriterLock): Promise<LowdbFileStore> {
    const file = path.join(dir, 'live.json');
    const serializer = new LiveSerializer();
    const db = new Low<LiveFile>(new DurableJsonFile(file, (data) => serializer.serialize(data)), emptyLiveFile(CURRENT_SCHEMA_VERSION));
    const fresh = db.data;
    // Nothing is written before the live file has been read, migrated and checked: a file we cannot read stays as it was.
    await db.read();
    const existed = db.data !== fresh;
    const { document, from } = migrateLiveFile(db.data as unknown as Record<string, unknown>, file);
    db.data = validateLiveFile(document, file);
    if (existed && from < CURRENT_SCHEMA_VERSION) {
      // Keep the file as it was before the upgrade, so a failed upgrade can be rolled back by hand.
      await copyFile(file, `${file}.schema-${from}.bak`);
      await fsyncDir(dir);
    }

    const audit = await AuditLog.open(path.join(dir, 'audit.jsonl'));
    const archive = await TicketArchive.open(path.join(dir, 'archive.jsonl'));
    // Events committed just before a crash may not have reached audit.jsonl: deliver them now, exactly once.
    const outbox = db.data.pendingAudit;
    await audit.recover(outbox);

    const store = new LowdbFileStore(dir, clock, db, serializer, audit, archive, lock);
    if (!existed || from < CURRENT_SCHEMA_VERSION || outbox.length > 0) {
      db.data.pendingAudit = [];
      await db.write();
      store.#stats.commits += 1;
    } else {
      // Fills the per-record cache now, while starting, rather than stalling the first commit (~30 ms at 5,000 tickets).
      serializer.serialize(db.data);
    }
    return store;
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
    return this.#queue.update(fn);
  }

  archiveClosedTickets(): Promise<number> {
    if (this.#closing) return Promise.reject(closedError());
    return this.#queue.task(() => this.#archiveClosed());
  }

  findArchivedTicket(id: string): Promise<WorkflowTicket | undefined> {
    return this.archive.find(id);
  }

  archivedTickets(wanted?: (line: string) => boolean): AsyncIterable<WorkflowTicket> {
    return this.archive.all(wanted);
  }

  readAudit(query?: AuditQuery): AsyncIterable<AuditEvent> {
    return this.audit.query(query);
  }

  async health(): Promise<StoreHealth> {
    const problems: string[] = [];
    let writable = this.#closing === undefined;
    if (!writable) problems.push('The store is closed.');
    try {
      await writeProbe(path.join(this.dir, '.health-probe'));
    } catch (err) {
      writable = false;
      problems.push(`The data folder ${this.dir} cannot be written to (${fsErrorCode(err)}).`);
    }
    if (this.audit.problem) {
      const n = this.audit.waiting.length;
      problems.push(
        `${n} audit ${n === 1 ? 'event is' : 'events are'} safe in live.json but could not be added to audit.jsonl (${this.audit.problem}); each commit retries.`,
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
      await this.lock.release();
      openDirs.delete(this.dir);
    });
    return this.#closing;
  }

  stats(): StoreStats {
    return { ...this.#stats };
  }

  /** Runs each update's function in turn, then writes the group once; settles every update. */
  async #commitGroup(group: PendingUpdate<Transaction>[]): Promise<void> {
    const applied: { update: PendingUpdate<Transaction>; result: unknown }[] = [];
    const events: AuditEvent[] = [];
    for (const update of group) {
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
        const result = update.fn(tx);
        if (isThenable(result)) {
          // Its later rejection is the caller's bug, reported by the rejection below; keep it from crashing the process.
          result.then(undefined, () => undefined);
          throw new TypeError('store.update() needs a synchronous function: do the asynchronous work first, then update.');
        }
        this.#tracker.pause();
        applied.push({ update, result });
        events.push(...own);
      } catch (err) {
        this.#tracker.undoLast();
        update.reject(err);
      } finally {
        open = false;
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

  /** Writes the live file with its outbox (events still waiting from a failed append, then this group's), then appends the outbox to audit.jsonl. */
  async #persist(events: AuditEvent[]): Promise<void> {
    const outbox = [...this.audit.waiting, ...events];
    this.#db.data.pendingAudit = outbox;
    await this.#db.write();
    this.#stats.commits += 1;
    await this.audit.deliver(outbox);
  }

  #auditEvent(input: Parameters<Transaction['audit']>[0]): AuditEvent {
    const { id, at, ...rest } = input;
    // A copy through JSON: later changes to `details` by the caller cannot alter what was recorded.
    return JSON.parse(JSON.stringify({ id: id ?? randomUUID(), at: at ?? this.clock().toISOString(), ...rest })) as AuditEvent;
  }

  /** Archive first (durably), then one commit removes the tickets from the live file; see TicketArchive on crashes. */
  async #archiveClosed(): Promise<number> {
    const moving = this.#db.data.tickets.filter(isArchivable);
    if (moving.length === 0) return 0;
    await this.archive.append(moving);
    const ids = new Set(moving.map((ticket) => ticket.id));
    await new Promise<void>((resolve, reject) => {
      const fn = (tx: Transaction) => {
        tx.data.tickets = tx.data.tickets.filter((ticket) => !ids.has(ticket.id));
        for (const ticket of moving)
          tx.audit({ actor: 'system', action: 'ticketArchived', ticketId: ticket.id, details: { state: ticket.state } });
      };
      void this.#commitGroup([{ fn, resolve: () => resolve(), reject }]);
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

/** Proves the folder takes a durable write right now (disk full, read-only remount and lost volumes all fail here). */
async function writeProbe(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(new Date().toISOString());
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rm(file, { force: true });
}
