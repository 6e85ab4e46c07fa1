/**
 * The store on PostgreSQL (`STORE=postgres`): several instances of the service share one database. Every transaction is
 * an SQL transaction on one pooled connection, committed durably before it resolves; reads outside a transaction use
 * the pool and see only committed data. The archive is a state of a ticket row (archived = true), not a file.
 * The connection string comes only from the caller (the environment); it is never logged.
 */
import pg from 'pg';
import type { AuditEvent } from '../model.js';
import { CURRENT_SCHEMA_VERSION } from './migrations.js';
import { ARCHIVABLE_STATES } from './ticketArchive.js';
import { readAudit } from './postgres/auditTable.js';
import { checkedDocument, importDocument } from './postgres/importDocument.js';
import { BOT_STATE, CONVERSATIONS, keyedReads, NOTIFICATIONS, ROSTERS } from './postgres/keyedTables.js';
import { migrate } from './postgres/migrate.js';
import { postgresOutbox } from './postgres/notificationClaims.js';
import { counterReads, referenceReads, reminderReads } from './postgres/smallTables.js';
import { poolTicketReads } from './postgres/ticketReads.js';
import type { Queryable } from './postgres/ticketRows.js';
import { PostgresTransaction } from './postgres/transaction.js';
import type { LiveData, Store, StoreHealth, StoreTransaction } from './store.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (credentials only from here). */
  url: string;
  /** Stamps audit events; injected so tests decide the time. */
  clock?: () => Date;
  /** Connections at most (default 10): a bounded pool, so a burst of turns queues rather than exhausting the server. */
  poolSize?: number;
  /** A statement running longer than this (ms, default 10 s) is cancelled: a stuck query fails a turn, not the service. */
  statementTimeoutMs?: number;
  /** Live data to fill a new, empty database with (any schema version the lowdb store reads; checked before it is written). */
  from?: Partial<LiveData> & { schemaVersion?: number };
}

const WARM_CONNECTIONS = 2;

/** Opens the store: checks `from`, connects, migrates the schema (one instance at a time), and imports `from`. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const document = options.from === undefined ? undefined : checkedDocument(options.from, 'the starting document');
  const max = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    // Connections kept open while idle, so a read after a quiet spell does not wait for a new connection (a backend start).
    min: Math.min(WARM_CONNECTIONS, max),
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: 10_000,
  });
  const store = new PostgresStore(pool, options.clock ?? (() => new Date()));
  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    const warm = await Promise.all(Array.from({ length: Math.min(WARM_CONNECTIONS, max) }, () => pool.connect()));
    for (const each of warm) each.release();
    if (document) await store.runTransaction((tx, client) => importDocument(client, tx, document));
    return store;
  } catch (error) {
    await pool.end();
    throw error;
  }
}

class PostgresStore implements Store {
  readonly tickets;
  readonly rosters;
  readonly conversations;
  readonly notifications;
  readonly botState;
  readonly reference;
  readonly reminders;
  readonly counters;
  readonly #pool: pg.Pool;
  readonly #clock: () => Date;
  /** The last connection error the pool reported while idle (without the connection string), for health(). */
  #lastPoolError: string | undefined;
  #closing: Promise<void> | undefined;
  /** COMMITs sent and not yet acknowledged. */
  readonly #commits = new Set<Promise<unknown>>();

  constructor(pool: pg.Pool, clock: () => Date) {
    this.#pool = pool;
    this.#clock = clock;
    // An idle connection dropped by the server is reported here; without a listener it would end the process.
    pool.on('error', (error) => {
      this.#lastPoolError = error.message;
    });
    const db = this.#readsAfterCommits(pool);
    this.tickets = poolTicketReads(db);
    this.rosters = keyedReads(db, ROSTERS);
    this.conversations = keyedReads(db, CONVERSATIONS);
    this.notifications = postgresOutbox(db, keyedReads(db, NOTIFICATIONS));
    this.botState = keyedReads(db, BOT_STATE);
    this.reference = referenceReads(db);
    this.reminders = reminderReads(db);
    this.counters = counterReads(db);
  }

  /**
   * Reads on the pool, each answered only after the commits of this process that were under way when its rows came
   * back have been acknowledged and their callers resumed (one turn of the event loop). The server makes a commit
   * visible to other connections just before its acknowledgement reaches us: without this, code here could see a
   * change before the transaction() that made it resolved. (Across instances no such order exists, nor is one needed:
   * what another connection sees is already committed and on disk.)
   */
  #readsAfterCommits(pool: pg.Pool): Queryable {
    const commits = this.#commits;
    return {
      async query<R extends Record<string, unknown>>(text: string, values?: unknown[]) {
        const result = await pool.query<R>(text, values);
        if (commits.size > 0) {
          await Promise.allSettled([...commits]);
          await new Promise((resolve) => setImmediate(resolve));
        }
        return result;
      },
    };
  }

  readAudit(query?: Parameters<Store['readAudit']>[0]): AsyncIterable<AuditEvent> {
    return readAudit(this.#readsAfterCommits(this.#pool), query);
  }

  transaction<T>(fn: (tx: StoreTransaction) => Promise<T> | T): Promise<T> {
    return this.runTransaction((tx) => fn(tx));
  }

  /** BEGIN … COMMIT on one pooled client; any throw rolls everything back (audit events included) and is rethrown. */
  async runTransaction<T>(fn: (tx: PostgresTransaction, client: pg.PoolClient) => Promise<T> | T): Promise<T> {
    const client = await this.#pool.connect();
    const tx = new PostgresTransaction(client, this.#clock);
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(tx, client);
      await tx.writeAudit(client as unknown as Queryable);
      const commit = client.query('COMMIT');
      this.#commits.add(commit);
      try {
        await commit;
      } finally {
        this.#commits.delete(commit);
      }
      return result;
    } catch (error) {
      // A connection that cannot even roll back is thrown away rather than handed to the next transaction.
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      tx.finish();
      client.release(broken);
    }
  }

  async archiveClosedTickets(): Promise<number> {
    return this.runTransaction(async (tx, client) => {
      const { rows } = await client.query<{ seq: string; id: string; state: string }>(
        `UPDATE tickets SET archived = true WHERE NOT archived AND state = ANY($1::text[]) RETURNING seq, id, state`,
        [[...ARCHIVABLE_STATES]],
      );
      // RETURNING has no order: the events follow the tickets' order.
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      for (const row of rows) tx.audit({ actor: 'system', action: 'ticketArchived', ticketId: row.id, details: { state: row.state } });
      return rows.length;
    });
  }

  async health(): Promise<StoreHealth> {
    try {
      const { rows } = await this.#pool.query<{ count: string }>('SELECT count(*) AS count FROM tickets WHERE NOT archived');
      return { writable: true, schemaVersion: CURRENT_SCHEMA_VERSION, liveTickets: Number(rows[0].count) };
    } catch (error) {
      const detail = `The database cannot be reached: ${error instanceof Error ? error.message : String(error)}`;
      return { writable: false, schemaVersion: CURRENT_SCHEMA_VERSION, liveTickets: 0, detail: this.#lastPoolError ?? detail };
    }
  }

  /** A resolved transaction is already committed (and fsync'd by the server): nothing is waiting. */
  async flush(): Promise<void> {}

  /** Ends the pool once (a second close finds nothing to do). */
  async close(): Promise<void> {
    this.#closing ??= this.#pool.end();
    await this.#closing;
  }
}
