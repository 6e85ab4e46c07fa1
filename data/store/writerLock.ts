import { readFileSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * Only one process may write a data folder: two lowdb writers on one file silently lose each other's updates.
 * The writer leaves `writer.lock` (who it is, refreshed every HEARTBEAT_MS). Another process may take the folder
 * over only when that writer is provably gone: on this machine its process no longer exists, or (another machine,
 * shared storage) its heartbeat is older than STALE_MS. A SIGKILLed writer therefore never blocks a restart here.
 */
export const LOCK_FILE = 'writer.lock';
const HEARTBEAT_MS = 10_000;
const STALE_MS = 30_000;

interface Holder {
  pid: number;
  /** Kernel start time of the process, so a recycled pid is not mistaken for the writer. */
  started: string;
  bootId: string;
  host: string;
  heartbeatAt: number;
}

/** The folder is being written by another live process; the message says which and what to do. */
export class DataFolderBusyError extends AppError {
  constructor(dir: string, holder: Holder) {
    super('data-folder-busy', `Another process (pid ${holder.pid} on ${holder.host}) is using the data folder ${dir}. `
      + 'Only one process may write it at a time: if that is the bot, stop it, run this again, then start the bot.', { dir, pid: holder.pid });
  }
}

export interface WriterLock {
  release(): Promise<void>;
}

/** Takes the data folder for this process, or throws DataFolderBusyError. Used by the store on open. */
export async function acquireWriterLock(dir: string, now: () => number = Date.now): Promise<WriterLock> {
  const file = path.join(dir, LOCK_FILE);
  const me = (): Holder => ({ pid: process.pid, started: processStart(process.pid), bootId: bootId(), host: os.hostname(), heartbeatAt: now() });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me()));
      await handle.close();
      return startHeartbeat(file, me);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readHolder(file);
    if (holder && holderAlive(holder, now())) throw new DataFolderBusyError(dir, holder);
    // The last writer is gone: move its file aside atomically so two processes cannot both take over.
    await rename(file, `${file}.stale-${process.pid}`).catch(() => undefined);
    await rm(`${file}.stale-${process.pid}`, { force: true });
  }
  throw new AppError('data-folder-busy', `Could not take the data folder ${dir}: another process keeps taking it.`, { dir });
}

function startHeartbeat(file: string, me: () => Holder): WriterLock {
  const timer = setInterval(() => { void writeFile(file, JSON.stringify(me())).catch(() => undefined); }, HEARTBEAT_MS);
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      const holder = await readHolder(file);
      if (holder?.pid === process.pid) await rm(file, { force: true });
    },
  };
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Holder;
  } catch {
    return undefined; // unreadable or half-written: treated as gone, as a writer crashing mid-write would leave it
  }
}

function holderAlive(holder: Holder, now: number): boolean {
  if (holder.host === os.hostname() && holder.bootId === bootId()) {
    if (holder.pid === process.pid) return false; // our own leftover (a store not closed in this process)
    return processStart(holder.pid) !== '' && processStart(holder.pid) === holder.started;
  }
  return now - holder.heartbeatAt < STALE_MS;
}

/** Start time of a process from /proc (Linux), or '' when it does not exist. Elsewhere: whether the pid answers. */
function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    if (process.platform === 'linux') return '';
    try {
      process.kill(pid, 0);
      return 'alive';
    } catch {
      return '';
    }
  }
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}
