/**
 * The sweep lock for instances sharing one PostgreSQL database (STORE=postgres): a session advisory lock held on a
 * connection of its own. The instance that takes it runs every sweep until it stops or its connection drops — the server
 * then frees the lock, and another instance takes it at its next tick — so one sweep runs at a time across instances.
 * While the database cannot be reached acquire() fails quickly with StoreUnavailableError; once it is back the next
 * acquire() opens a new connection and takes the lock again.
 */
import pg from 'pg';
import { storeError } from '../../data/store/postgres/connectionFailures.js';
import type { SweepLock } from './sweepLock.js';

/** The advisory lock's key: any number the rest of the database does not use for a lock ("UCP reminders"). */
export const SWEEP_LOCK_KEY = 0x55_43_50_52;

export interface PostgresSweepLockOptions {
  /** Told when the held lock was lost (the connection dropped); the next acquire() tries again. */
  onLost?: (error: Error) => void;
}

/** How long connecting may take (ms): a tick while the database is away fails within this rather than hanging. */
const CONNECT_TIMEOUT_MS = 5_000;
/** The lock's queries are instant: one that takes this long (ms) means the connection is gone. */
const QUERY_TIMEOUT_MS = 10_000;

export function postgresSweepLock(databaseUrl: string, options: PostgresSweepLockOptions = {}): SweepLock {
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
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK_KEY]);
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
      await client.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
