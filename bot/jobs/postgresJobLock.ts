/**
 * A job's lock for instances sharing one PostgreSQL database (STORE=postgres): a session advisory lock held on a
 * connection of its own. The instance that takes it runs the job until it stops or its connection drops — the server
 * then frees the lock, and another instance takes it at its next run — so the job runs on one instance at a time.
 * While the database cannot be reached acquire() fails quickly with StoreUnavailableError; once it is back the next
 * acquire() opens a new connection and takes the lock again.
 */
import pg from 'pg';
import { storeError } from '../../data/store/postgres/connectionFailures.js';
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

/** How long connecting may take (ms): a run while the database is away fails within this rather than hanging. */
const CONNECT_TIMEOUT_MS = 5_000;
/** The lock's queries are instant: one that takes this long (ms) means the connection is gone. */
const QUERY_TIMEOUT_MS = 10_000;

export function postgresJobLock(databaseUrl: string, job: JobName, options: PostgresJobLockOptions = {}): JobLock {
  let holder: pg.Client | undefined;
  let pending: Promise<boolean> | undefined;

  const lose = (client: pg.Client, error: Error) => {
    if (holder !== client) return;
    holder = undefined;
    void client.end().catch(() => undefined);
    options.onLost?.(error);
  };

  /** True while the held connection still answers: one that died silently (no error event) must not count as the lock. */
  const stillHeld = async (client: pg.Client): Promise<boolean> => {
    try {
      await client.query('SELECT 1');
      return holder === client;
    } catch (error) {
      lose(client, error as Error);
      return false;
    }
  };

  const take = async (): Promise<boolean> => {
    if (holder && (await stillHeld(holder))) return true;
    // keepAlive and query_timeout: a connection cut without a word (a network failure) is noticed, and with it the lock's loss.
    const client = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      query_timeout: QUERY_TIMEOUT_MS,
    });
    // A dropped connection frees the lock on the server: this instance stops counting itself the holder.
    // The listener also keeps a drop from being an unhandled 'error' event, which would end the process.
    client.on('error', (error) => lose(client, error));
    try {
      await client.connect();
    } catch (error) {
      throw storeError(error);
    }
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
      throw storeError(error);
    }
    await client.end().catch(() => undefined);
    return false;
  };

  return {
    acquire() {
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
