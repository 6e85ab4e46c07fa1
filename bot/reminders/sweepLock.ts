/**
 * Only one process may run the reminder sweep. With the lowdb store its job lock (bot/jobs/jobLock.ts) locks the data
 * directory with proper-lockfile (a lock file whose mtime is refreshed while held, taken over once stale); with
 * PostgreSQL it is the database's job lock (bot/jobs/postgresJobLock.ts).
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { JobLock } from '../jobs/jobLock.js';

export interface DirectoryLockOptions {
  /** A lock not refreshed for this long is taken over (its holder is gone); proper-lockfile's minimum is 5 s. Default 30 s. */
  staleMs?: number;
  /** Told when the held lock was lost (its file removed or taken over, refreshes failing); the next acquire() tries again. */
  onLost?: (error: Error) => void;
}

/** The lock file inside the data directory. */
export const SWEEP_LOCK_FILE = 'reminders.lock';

/** The sweep lock as a lock file in `dataDir`, the lowdb data directory. */
export function directorySweepLock(dataDir: string, options: DirectoryLockOptions = {}): JobLock {
  const staleMs = options.staleMs ?? 30_000;
  let unlock: (() => Promise<void>) | undefined;
  let pending: Promise<boolean> | undefined;

  const take = async (): Promise<boolean> => {
    try {
      unlock = await lockfile.lock(dataDir, {
        lockfilePath: path.join(dataDir, SWEEP_LOCK_FILE),
        realpath: false,
        retries: 0,
        stale: staleMs,
        update: Math.max(1000, Math.floor(staleMs / 3)),
        // The default throws from a timer and kills the process; losing the lock only means sweeping stops here.
        onCompromised: (error) => {
          unlock = undefined;
          options.onLost?.(error);
        },
      });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return false;
      throw err;
    }
  };

  return {
    acquire() {
      if (unlock) return Promise.resolve(true);
      pending ??= take().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async release() {
      const held = unlock;
      unlock = undefined;
      if (held) await held().catch(() => undefined);
    },
  };
}
