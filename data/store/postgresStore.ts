/**
 * The store on PostgreSQL (`STORE=postgres`): several instances of the service share one database. Every transaction is
 * an SQL transaction on one pooled connection, committed durably before it resolves; reads outside a transaction use
 * the pool and see only committed data. The archive is a state of a ticket row (archived = true), not a file.
 * The connection string comes only from the caller (the environment); it is never logged. When the database cannot be
 * reached every call fails quickly with StoreUnavailableError (nothing half-written: the transaction rolls back) and the
 * pool opens fresh connections once it is back, so the service recovers without a restart.
 */
import pg from 'pg';
import type { AuditEvent, WorkflowTicket } from '../model.js';
import { CURRENT_SCHEMA_VERSION } from './migrations.js';
import { ARCHIVABLE_STATES } from './ticketArchive.js';
import { readAudit } from './postgres/auditTable.js';
import { connectionFailureReason, storeError } from './postgres/connectionFailures.js';
import { checkedDocument, importDocument } from './postgres/importDocument.js';
import { BOT_STATE, CONVERSATIONS, keyedReads, NOTIFICATIONS, ROSTERS } from './postgres/keyedTables.js';
import { migrate } from './postgres/migrate.js';
import { OutageWatch, type OutageEvent } from './postgres/outageWatch.js';
import { postgresOutbox } from './postgres/notificationClaims.js';
import { counterReads, referenceReads, reminderReads } from './postgres/smallTables.js';
import { poolTicketReads } from './postgres/ticketReads.js';
import { TICKET_COLUMNS, ticketColumns, type Queryable } from './postgres/ticketRows.js';
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
  /** How this store's connections are named to the server (pg_stat_activity): the service's own, unless given. */
  applicationName?: string;
  /**
   * How long a new connection may take (ms, default 5 s), also the longest wait for a free one: while the database is
   * away a request fails within this, well inside the 15 s Teams waits for an answer, instead of hanging.
   */
  connectTimeoutMs?: number;
  /** Told once when the database stops being reachable and once when it is back (for the operator's log). */
  onOutage?: (event: OutageEvent) => void;
  /** Live data to fill a new, empty database with (any schema version the lowdb store reads; checked before it is written). */
  from?: Partial<LiveData> & { schemaVersion?: number };
}

const WARM_CONNECTIONS = 2;

/** The service's connections are named this, so `store copy` can tell that a bot is using the database. */
export const SERVICE_APPLICATION_NAME = 'ucp-onboarding-assistant';

/** Opens the store: checks `from`, connects, migrates the schema (one instance at a time), and imports `from`. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const document = options.from === undefined ? undefined : checkedDocument(options.from, 'the starting document');
  const max = options.poolSize ?? 10;
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    application_name: options.applicationName ?? SERVICE_APPLICATION_NAME,
    // Connections kept open while idle, so a read after a quiet spell does not wait for a new connection (a backend start).
    min: Math.min(WARM_CONNECTIONS, max),
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    // A server that vanished without closing its connections (a network cut, a frozen host): TCP keep-alives notice it
    // on idle connections, and a query waits at most a little longer than the server would let it run.
    keepAlive: true,
    query_timeout: statementTimeoutMs + 5_000,
  });
  const store = new PostgresStore(pool, options.clock ?? (() => new Date()), new OutageWatch(options.onOutage));
  try {
    const client = await pool.connect();
    // A connection dropped while checked out would be an unhandled 'error' event (the end of the process): the query
    // under way fails instead, and the start is refused with one line.
    client.on('error', () => undefined);
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
  readonly #watch: OutageWatch;
  #closing: Promise<void> | undefined;
  /** COMMITs sent and not yet acknowledged. */
  readonly #commits = new Set<Promise<unknown>>();

  constructor(pool: pg.Pool, clock: () => Date, watch: OutageWatch) {
    this.#pool = pool;
    this.#clock = clock;
    this.#watch = watch;
    // An idle connection dropped by the server (a restart, a firewall's idle timeout) is reported here, already out of
    // the pool; without a listener it would end the process. Nothing else to do: the next call opens a fresh one, and
    // if the database is really away that call fails and the outage is reported then.
    pool.on('error', () => undefined);
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
    const watch = this.#watch;
    return {
      async query<R extends Record<string, unknown>>(text: string, values?: unknown[]) {
        const result = await watch.run(() => pool.query<R>(text, values));
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

  /**
   * BEGIN … COMMIT on one pooled client; any throw rolls everything back (audit events included) and is rethrown, a
   * failure to reach the database as StoreUnavailableError.
   */
  async runTransaction<T>(fn: (tx: PostgresTransaction, client: pg.PoolClient) => Promise<T> | T): Promise<T> {
    const client = await this.#watch.run(() => this.#pool.connect());
    let broken: Error | undefined;
    // While checked out the pool does not listen to the connection: a drop now (the server stopping) would be an
    // unhandled 'error' event, which ends Node. Noted instead, so the connection is thrown away, never reused.
    const dropped = (error: Error) => {
      broken ??= error;
    };
    client.on('error', dropped);
    const db = this.#watched(client);
    const tx = new PostgresTransaction(db, this.#clock);
    try {
      await db.query('BEGIN');
      const result = await fn(tx, client);
      await tx.writeAudit(db);
      const commit = db.query('COMMIT');
      this.#commits.add(commit);
      try {
        await commit;
      } finally {
        this.#commits.delete(commit);
      }
      return result;
    } catch (error) {
      const reason = connectionFailureReason(error);
      if (reason !== undefined) {
        // Also a failure on the raw client `fn` was given, which the watch did not see.
        this.#watch.unreachable(reason);
        // No ROLLBACK on a connection that is gone (it would only wait for its timeout): the server rolls back the
        // transaction of a connection that ends, and this one is thrown away.
        broken ??= error as Error;
      } else {
        // A connection that cannot even roll back is thrown away rather than handed to the next transaction.
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw storeError(error);
    } finally {
      tx.finish();
      client.off('error', dropped);
      client.release(broken);
    }
  }

  async importArchived(tickets: readonly WorkflowTicket[]): Promise<void> {
    if (tickets.length === 0) return;
    // One statement for the batch; rows take sequence numbers in this order, so the last copy of an id stays the last.
    const columns = tickets.map(ticketColumns);
    const column = (i: number) => columns.map((row) => row[i]);
    await this.runTransaction((_tx, client) =>
      client.query(
        `INSERT INTO tickets (${TICKET_COLUMNS}, archived)
         SELECT ${TICKET_COLUMNS}, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::integer[], $11::jsonb[]) WITH ORDINALITY AS batch(${TICKET_COLUMNS}, n) ORDER BY n`,
        Array.from({ length: 11 }, (_, i) => column(i)),
      ),
    );
  }

  /** The client's queries, watched for a failure to reach the database. */
  #watched(client: pg.PoolClient): Queryable {
    return { query: (text, values) => this.#watch.run(() => client.query(text, values)) };
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
      const { rows } = await this.#watch.run(() =>
        this.#pool.query<{ count: string }>('SELECT count(*) AS count FROM tickets WHERE NOT archived'),
      );
      return { writable: true, schemaVersion: CURRENT_SCHEMA_VERSION, liveTickets: Number(rows[0].count) };
    } catch (error) {
      // The reason or the error's kind only: a driver's message may quote where it tried to connect.
      const reason = connectionFailureReason(error);
      const code = (error as { code?: unknown } | null)?.code;
      const detail = reason
        ? `The database cannot be reached: ${reason}.`
        : `The database did not answer the check${typeof code === 'string' ? ` (${code})` : ''}.`;
      return { writable: false, schemaVersion: CURRENT_SCHEMA_VERSION, liveTickets: 0, detail };
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
