/**
 * A job's lock for instances sharing one PostgreSQL database (STORE=postgres): a session advisory lock held on a
 * connection of its own. The instance that takes it runs the job until it stops or its connection drops — the server
 * then frees the lock, and another instance takes it at its next run — so the job runs on one instance at a time.
 */
import pg from 'pg';
import type { JobLock, JobName } from './jobLock.js';

/**
 * The first of the advisory lock's two keys: any number the rest of the database does not use for a lock ("UCPJ").
 * The second names the job within the store's schema: advisory locks are database-wide, and two deployments (or two
 * test runs) keeping their tables in different schemas of one database must not keep each other's jobs from running.
 */
export const JOB_LOCK_CLASS = 0x55_43_50_4a;
const JOB_KEY_SQL = "hashtext(current_schema() || '/' || $2::text)";

export interface PostgresJobLockOptions {
  /** Told when the held lock was lost (the connection dropped); the next acquire() tries again. */
  onLost?: (error: Error) => void;
}

export function postgresJobLock(databaseUrl: string, job: JobName, options: PostgresJobLockOptions = {}): JobLock {
  let holder: pg.Client | undefined;
  let pending: Promise<boolean> | undefined;

  const take = async (): Promise<boolean> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    // A dropped connection frees the lock on the server: this instance stops counting itself the holder.
    client.on('error', (error) => {
      if (holder === client) {
        holder = undefined;
        options.onLost?.(error);
      }
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1, ${JOB_KEY_SQL}) AS locked`, [
        JOB_LOCK_CLASS,
        job,
      ]);
      if (rows[0]?.locked) {
        holder = client;
        return true;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end().catch(() => undefined);
    return false;
  };

  return {
    acquire() {
      if (holder) return Promise.resolve(true);
      pending ??= take().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async release() {
      const client = holder;
      holder = undefined;
      if (!client) return;
      await client.query(`SELECT pg_advisory_unlock($1, ${JOB_KEY_SQL})`, [JOB_LOCK_CLASS, job]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
