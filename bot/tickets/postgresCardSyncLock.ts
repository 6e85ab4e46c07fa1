/**
 * The card sync lock for instances sharing one PostgreSQL database: a session advisory lock per ticket, taken on a
 * connection of a small pool of its own and held while the sync decides, posts and records the ticket's copies.
 *
 * Why an advisory lock rather than a lease row in the store: posting is a call to Teams that can take as long as its
 * retries do, and a lease would have to guess that length (one that ran out mid-post would let a second instance post
 * a second copy), while this lock lasts exactly as long as the sync, the waiting instance queues in the server and
 * proceeds the moment it is freed, and a crashed instance's lock goes with its connection. It needs no table and no
 * change to the store contract. Why a pool of its own: the sync records each copy through the store while it holds the
 * lock, so lock holders taking the store's connections could leave none for those writes.
 */
import pg from 'pg';
import type { CardSyncLock } from './cardSyncLock.js';

/**
 * The first of the advisory lock's two keys ("UCPC"); the second is the ticket id within the store's schema, hashed
 * (two tickets sharing a hash only wait for each other; tickets of another schema in the same database never do).
 */
export const CARD_SYNC_LOCK_CLASS = 0x55_43_50_43;
const TICKET_KEY_SQL = "hashtext(current_schema() || '/' || $2::text)";

export interface PostgresCardSyncLockOptions {
  /** Syncs of different tickets holding their locks at once (each holds a connection); more wait for one. Default 4. */
  connections?: number;
  /** How long a sync waits for another instance's sync of the same ticket before it gives up (the next re-sync tries again). Default 60 s. */
  waitMs?: number;
}

export function postgresCardSyncLock(databaseUrl: string, options: PostgresCardSyncLockOptions = {}): CardSyncLock {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.connections ?? 4,
    lock_timeout: options.waitMs ?? 60_000,
  });
  // An idle connection that drops holds no lock: the pool replaces it, and nothing else needs telling.
  pool.on('error', () => undefined);

  return {
    async withTicket(ticketId, work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(`SELECT pg_advisory_lock($1, ${TICKET_KEY_SQL})`, [CARD_SYNC_LOCK_CLASS, ticketId]).catch((error: Error) => {
          // A wait that ran out or a dropped connection: no lock is held, and a fresh connection serves the next sync.
          broken = error;
          throw error;
        });
        try {
          return await work();
        } finally {
          await client.query(`SELECT pg_advisory_unlock($1, ${TICKET_KEY_SQL})`, [CARD_SYNC_LOCK_CLASS, ticketId]).catch((error: Error) => {
            // The connection is gone, and the lock with it on the server: the connection is not given back to the pool.
            broken = error;
          });
        }
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
