import { copyFile, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../errors.js';
import { AuditLog } from './auditLog.js';
import { DocumentStore, StoreWriteError, type StoreStats } from './documentStore.js';
import { fsErrorCode, fsyncDir } from './durableFs.js';
import { DurableJsonFile, emptyLiveFile, validateLiveFile, type LiveFile } from './liveFile.js';
import { LiveSerializer } from './liveSerializer.js';
import { CURRENT_SCHEMA_VERSION, migrateLiveFile } from './migrations.js';
import type { Store } from './store.js';
import { TicketArchive } from './ticketArchive.js';
import { acquireWriterLock, type WriterLock } from './writerLock.js';

export interface LowdbStoreOptions {
  /** The data folder; created if missing. Holds live.json, audit.jsonl and archive.jsonl. */
  dir: string;
  /** Stamps audit events; injected so tests decide the time. */
  clock?: () => Date;
}

export interface LowdbStore extends Store {
  readonly dir: string;
  stats(): StoreStats;
}

export { StoreWriteError, type StoreStats };

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
    return await openFolder(dir, options.clock ?? (() => new Date()), lock);
  } catch (err) {
    await lock?.release();
    openDirs.delete(dir);
    throw err;
  }
}

/** Reads, migrates and checks the live file, recovers the audit outbox, and builds the store on it. */
async function openFolder(dir: string, clock: () => Date, lock: WriterLock): Promise<LowdbStore> {
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

  const store = Object.assign(
    new DocumentStore({
      db,
      audit,
      archive,
      clock,
      probe: async () => {
        try {
          await writeProbe(path.join(dir, '.health-probe'));
          return undefined;
        } catch (err) {
          return `The data folder ${dir} cannot be written to (${fsErrorCode(err)}).`;
        }
      },
      onClose: async () => {
        await lock.release();
        openDirs.delete(dir);
      },
    }),
    { dir },
  );
  if (!existed || from < CURRENT_SCHEMA_VERSION || outbox.length > 0) {
    db.data.pendingAudit = [];
    await db.write();
    store.countOpeningCommit();
  } else {
    // Fills the per-record cache now, while starting, rather than stalling the first commit (~30 ms at 5,000 tickets).
    await serializer.serialize(db.data);
  }
  return store;
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
