import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * Only one process may write a data folder: two lowdb writers on one file silently lose each other's updates.
 * The writer leaves `writer.lock` (who it is, refreshed every HEARTBEAT_MS). Another process may take the folder
 * over only when that writer is provably gone: on this machine its process no longer exists, or (another machine,
 * shared storage) its heartbeat is older than STALE_MS. A SIGKILLed writer therefore never blocks a restart here.
 *
 * The lock file is never seen half-written: its content goes to a unique temp file first, and the lock is created
 * with link(temp, lock) (atomic, EEXIST when held) and refreshed with rename(temp, lock). A lock that still cannot be
 * read or parsed (damaged by hand or by the disk) counts as held until its file is STALE_MS old.
 *
 * Taking over a stale lock is serialised by a second, short-lived lock, `writer.lock.takeover`, created the same way:
 * only its holder may remove a stale main lock, and only after re-reading it under the takeover lock and finding the
 * very same stale content. So of many processes starting together against one stale lock, exactly one gets it.
 *
 * Remaining double fault: a takeover lock whose holder died (killed in the few milliseconds it holds it) is removed
 * by whoever finds it, by renaming it aside and checking it is the dead one they saw (a live one is linked back).
 * If, between that rename and the link back, a third process creates a new takeover lock, two processes believe they
 * hold the takeover lock and could both replace the same stale main lock. That needs a crash inside a takeover plus
 * three processes racing within microseconds of each other; the same applies on shared storage to a holder on
 * another machine that was paused for longer than STALE_MS and then resumes writing, as with any lease.
 */
export const LOCK_FILE = 'writer.lock';
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
const HEARTBEAT_MS = 10_000;
const STALE_MS = 30_000;
/** The takeover lock is held for milliseconds: one from another machine (no pid to check) is dead after this. */
const TAKEOVER_STALE_MS = 5_000;
/** How long to wait for a live process to finish a takeover before reporting the folder busy. */
const TAKEOVER_WAIT_MS = 400;

interface Holder {
  pid: number;
  /** Kernel start time of the process, so a recycled pid is not mistaken for the writer. */
  started: string;
  bootId: string;
  host: string;
  heartbeatAt: number;
  /** Unique per acquisition: tells our own lock from another one taken in this process, and from a leftover. */
  token?: string;
}

/** A lock file as read: its raw text (to compare), its holder when it parses, and its age by file time. */
interface LockState {
  raw: string;
  holder: Holder | undefined;
  mtimeMs: number;
}

/** Tokens of the locks (main and takeover) this process holds right now. */
const heldTokens = new Set<string>();

/**
 * The folder is being written by another live process. Two kinds of process meet it: a second bot being started, and an
 * admin command that found no bot answering on the folder's control socket (bot/admin/controlSocket.ts). The message names
 * the holder (`holder`, for callers that give their own advice, like `store copy`) and says what to do in each case.
 */
export class DataFolderBusyError extends AppError {
  /** Who holds the folder, as one sentence without a full stop: "Another process (pid 42 on box) is using the data folder …". */
  readonly holder: string;

  constructor(dir: string, holder: Pick<Holder, 'pid' | 'host'> | undefined) {
    const who = holder
      ? `Another process (pid ${holder.pid} on ${holder.host}) is using the data folder ${dir}`
      : `Another process is using the data folder ${dir} (its ${LOCK_FILE} cannot be read, so it counts as held until it is ` +
        `${STALE_MS / 1000} s old)`;
    super(
      'data-folder-busy',
      `${who}, and only one process may write it at a time. ` +
        'Starting a bot: only one bot may run on a data folder, so stop that process first (or give this bot its own DATA_DIR). ' +
        "An admin command: it reaches a running bot through the data folder's admin socket, so the process holding it is " +
        'not answering there (a bot still starting or stuck, or another admin command still running): wait a moment and run it again.',
      { dir, pid: holder?.pid },
    );
    this.holder = who;
  }
}

export interface WriterLock {
  release(): Promise<void>;
}

/** Takes the data folder for this process when the store opens, or throws DataFolderBusyError. */
export async function acquireWriterLock(dir: string, now: () => number = Date.now): Promise<WriterLock> {
  const file = path.join(dir, LOCK_FILE);
  const token = randomUUID();
  const me = (): Holder => ({
    pid: process.pid,
    started: processStart(process.pid),
    bootId: bootId(),
    host: os.hostname(),
    heartbeatAt: now(),
    token,
  });
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    if (Date.now() > deadline + 2_000) {
      throw new AppError('data-folder-busy', `Could not take the data folder ${dir}: other processes keep taking it.`, { dir });
    }
    if (await createExclusive(file, me())) return startHeartbeat(dir, file, token, me);
    const seen = await readLock(file);
    if (!seen) continue; // released in between: try again at once
    if (lockAlive(seen, now(), STALE_MS)) throw new DataFolderBusyError(dir, seen.holder);

    // The last writer is gone. Only the holder of the takeover lock may replace its lock.
    const takeover = path.join(dir, TAKEOVER_FILE);
    const takeoverToken = randomUUID();
    if (await createExclusive(takeover, { ...me(), token: takeoverToken })) {
      heldTokens.add(takeoverToken);
      let won = false;
      try {
        const again = await readLock(file);
        if (again && again.raw === seen.raw && !lockAlive(again, now(), STALE_MS)) await rm(file, { force: true });
        won = await createExclusive(file, me()); // EEXIST: a new writer came first, fairly (the loop reports it busy)
      } finally {
        await removeIfOurs(takeover, takeoverToken);
        heldTokens.delete(takeoverToken);
      }
      if (won) return startHeartbeat(dir, file, token, me);
      continue;
    }
    const busy = await readLock(takeover);
    if (!busy) continue;
    if (lockAlive(busy, now(), TAKEOVER_STALE_MS)) {
      if (Date.now() >= deadline) throw new DataFolderBusyError(dir, busy.holder);
      await sleep(15 + Math.random() * 25);
      continue;
    }
    await removeDeadLock(takeover, busy);
  }
}

function startHeartbeat(dir: string, file: string, token: string, me: () => Holder): WriterLock {
  heldTokens.add(token);
  void sweepTempFiles(dir);
  let lost = false;
  let beat: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beat = beat
      .then(async () => {
        if (lost) return;
        // Never overwrite a lock that is no longer ours (taken over while this process was paused).
        if ((await readLock(file))?.holder?.token !== token) {
          lost = true;
          return;
        }
        await replaceAtomically(file, me());
      })
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  let released: Promise<void> | undefined;
  return {
    release: () => {
      released ??= (async () => {
        clearInterval(timer);
        await beat; // a heartbeat in flight would otherwise put the file back after we removed it
        heldTokens.delete(token);
        await removeIfOurs(file, token);
      })();
      return released;
    },
  };
}

/** Creates `file` with `holder` as its complete content, or returns false when it exists. Never exposes a partial file. */
async function createExclusive(file: string, holder: Holder): Promise<boolean> {
  const temp = await writeTemp(file, holder);
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}

async function replaceAtomically(file: string, holder: Holder): Promise<void> {
  const temp = await writeTemp(file, holder);
  try {
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

async function writeTemp(file: string, holder: Holder): Promise<string> {
  const temp = `${file}.${randomUUID()}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(JSON.stringify(holder));
    await handle.sync(); // so a power cut cannot leave an empty lock that blocks the restart for STALE_MS
  } finally {
    await handle.close();
  }
  return temp;
}

/** Temp files are only alive for milliseconds; ones left by a killed process are removed by the next writer. */
async function sweepTempFiles(dir: string): Promise<void> {
  try {
    for (const name of await readdir(dir)) {
      if (!name.startsWith(`${LOCK_FILE}.`) || !name.endsWith('.tmp')) continue;
      const temp = path.join(dir, name);
      if (Date.now() - (await stat(temp)).mtimeMs > STALE_MS) await rm(temp, { force: true });
    }
  } catch {
    // best effort
  }
}

async function removeIfOurs(file: string, token: string): Promise<void> {
  if ((await readLock(file))?.holder?.token === token) await rm(file, { force: true });
}

/** Removes a dead takeover lock unless someone replaced it meanwhile (then puts theirs back; see the double fault above). */
async function removeDeadLock(file: string, seen: LockState): Promise<void> {
  const aside = `${file}.${randomUUID()}.aside.tmp`;
  try {
    await rename(file, aside);
  } catch {
    return; // already gone
  }
  try {
    if ((await readFile(aside, 'utf8')) !== seen.raw) await link(aside, file).catch(() => undefined);
  } finally {
    await rm(aside, { force: true });
  }
}

async function readLock(file: string): Promise<LockState | undefined> {
  try {
    const { mtimeMs } = await stat(file);
    // A lock that exists but cannot be read counts as unreadable (held until old), not as gone.
    const raw = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw err;
      return '';
    });
    return { raw, holder: parseHolder(raw), mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseHolder(raw: string): Holder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<Holder> | null;
    if (typeof value !== 'object' || value === null) return undefined;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.heartbeatAt !== 'number') return undefined;
    return { started: '', bootId: '', ...value } as Holder;
  } catch {
    return undefined;
  }
}

function lockAlive(lock: LockState, now: number, staleMs: number): boolean {
  const { holder } = lock;
  if (!holder) return now - lock.mtimeMs < staleMs; // unreadable: held, until nothing has touched it for a while
  if (holder.host === os.hostname() && holder.bootId === bootId()) {
    // Our own pid: alive while this process holds it, else a leftover (a store not closed in this process).
    if (holder.pid === process.pid) return holder.token !== undefined && heldTokens.has(holder.token);
    return processStart(holder.pid) !== '' && processStart(holder.pid) === holder.started;
  }
  return now - holder.heartbeatAt < staleMs;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
