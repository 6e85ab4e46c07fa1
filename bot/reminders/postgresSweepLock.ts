/**
 * The sweep lock for instances sharing one PostgreSQL database (STORE=postgres): a session advisory lock held on a
 * connection of its own. The instance that takes it runs every sweep until it stops or its connection drops — the server
 * then frees the lock, and another instance takes it at its next tick — so one sweep runs at a time across instances.
 */
import pg from 'pg';
import type { SweepLock } from './sweepLock.js';

/** The advisory lock's key: any number the rest of the database does not use for a lock ("UCP reminders"). */
export const SWEEP_LOCK_KEY = 0x55_43_50_52;

export interface PostgresSweepLockOptions {
  /** Told when the held lock was lost (the connection dropped); the next acquire() tries again. */
  onLost?: (error: Error) => void;
}

export function postgresSweepLock(databaseUrl: string, options: PostgresSweepLockOptions = {}): SweepLock {
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
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK_KEY]);
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
      await client.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
