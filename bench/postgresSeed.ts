/**
 * Fills a benchmark's PostgreSQL database fast: tickets and audit events a few thousand rows to a statement instead of
 * one round trip each (50,000 single inserts take longer than the measurement). The rows come from the store's own
 * mapping (ticketColumns, appendAudit), so they are exactly what its inserts would write.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { parentOf } from './processCpu.js';
import { seedAuditEvent } from './storeWrites.js';
import type { AuditEvent, WorkflowTicket } from '../data/model.js';
import { appendAudit } from '../data/store/postgres/auditTable.js';
import { TICKET_COLUMNS, ticketColumns } from '../data/store/postgres/ticketRows.js';
import { startPostgresCluster } from '../scripts/postgresCluster.js';
import { admin, inSchema } from '../tests/data/store/contract/postgresPlaces.js';

const BATCH = 2000;
/** Column types in TICKET_COLUMNS order, for unnest. */
const TICKET_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'jsonb'];

/** Inserts the tickets (the database already migrated) in batches, one transaction. */
export async function bulkInsertTickets(url: string, tickets: readonly WorkflowTicket[]): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    for (let start = 0; start < tickets.length; start += BATCH) {
      const rows = tickets.slice(start, start + BATCH).map(ticketColumns);
      const columns = TICKET_TYPES.map((_, c) => rows.map((row) => row[c]));
      const unnest = TICKET_TYPES.map((type, c) => `$${c + 1}::${type}[]`).join(', ');
      await client.query(`INSERT INTO tickets (${TICKET_COLUMNS}) SELECT * FROM unnest(${unnest})`, columns);
    }
    await client.query('COMMIT');
    // Fresh statistics, as autovacuum would give a database this size, so the planner sees 50,000 rows, not an empty table.
    await client.query('ANALYZE');
  });
}

/** `count` assignment events spread over the tickets, as the lowdb benchmark seeds its audit.jsonl. */
export async function bulkInsertAudit(url: string, ticketIds: readonly string[], count: number): Promise<void> {
  await withClient(url, async (client) => {
    for (let first = 0; first < count; first += BATCH * 5) {
      const events: AuditEvent[] = [];
      for (let i = first; i < Math.min(count, first + BATCH * 5); i += 1) events.push(seedAuditEvent(i, ticketIds));
      await appendAudit(client, events);
    }
    await client.query('ANALYZE audit');
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  /** The connection string of an empty schema of its own (search_path set). */
  url: string;
  /** Where the figures come from: the throwaway cluster or DATABASE_URL (never the string itself: it may hold a password). */
  source: string;
  /** The server's version, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
  serverVersion: string;
  /** The PostgreSQL server's process id (its backends are its children), when it runs on this machine. */
  postmasterPid: number | undefined;
  /** Drops the schema and, if one was started, stops the throwaway cluster. */
  remove(): Promise<void>;
}

/**
 * A fresh schema in DATABASE_URL's database, or in a throwaway cluster started here (and removed by remove()) when
 * DATABASE_URL is not set.
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  const cluster = given ? undefined : await startPostgresCluster();
  const base = given ?? cluster!.url;
  const schema = `bench_${randomUUID().replaceAll('-', '')}`;
  try {
    await admin(base, `CREATE SCHEMA ${schema}`);
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(base).hostname);
    const { version, postmasterPid } = await withClient(base, async (client) => {
      const { rows } = await client.query<{ version: string; pid: number }>(
        `SELECT current_setting('server_version') AS version, pg_backend_pid() AS pid`,
      );
      // Read while the backend is alive; a remote server's process ids mean nothing here.
      return { version: rows[0].version, postmasterPid: local ? await parentOf(rows[0].pid) : undefined };
    });
    return {
      url: inSchema(base, schema),
      source: cluster
        ? 'a throwaway cluster started by the benchmark (scripts/postgresCluster.ts: fsync on, synchronous commit)'
        : 'DATABASE_URL',
      serverVersion: version,
      postmasterPid,
      remove: async () => {
        await admin(base, `DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
        await cluster?.stop();
      },
    };
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
}
