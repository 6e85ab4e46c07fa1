/**
 * Ticket reads, on the pool or inside a transaction (the same SQL on the transaction's client sees its own writes).
 * Live tickets are the rows not archived; the archive is the archived rows, of which only the last copy of an id counts.
 */
import type { WorkflowTicket } from '../../model.js';
import type { Page, TicketQuery } from '../records.js';
import type { TicketReads } from '../store.js';
import { ticketWhere, type Queryable } from './ticketRows.js';

/** Rows fetched at a time when streaming: the event loop is free between batches, memory stays flat. */
export const STREAM_BATCH = 500;

/** The archived rows that are the last archived copy of their id. */
const LAST_ARCHIVED = `archived AND NOT EXISTS (SELECT 1 FROM tickets later WHERE later.archived AND later.id = t.id AND later.seq > t.seq)`;

export async function liveTicket(db: Queryable, id: string, lock = false): Promise<WorkflowTicket | undefined> {
  const { rows } = await db.query<{ ticket: WorkflowTicket }>(
    `SELECT ticket FROM tickets WHERE id = $1 AND NOT archived${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0]?.ticket;
}

export async function listLive(db: Queryable, query: TicketQuery = {}, page?: Page): Promise<WorkflowTicket[]> {
  const params: unknown[] = [];
  let sql = `SELECT ticket FROM tickets t WHERE NOT archived AND ${ticketWhere(query, params)} ORDER BY seq`;
  if (page) {
    params.push(page.limit, page.offset ?? 0);
    sql += ` LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  const { rows } = await db.query<{ ticket: WorkflowTicket }>(sql, params);
  return rows.map((row) => row.ticket);
}

/** Pages through the rows matching `where` by seq (keyset pagination: each page is an index range, however deep). */
async function* pages(db: Queryable, where: string, query: TicketQuery): AsyncGenerator<WorkflowTicket> {
  let last = 0;
  for (;;) {
    const params: unknown[] = [last];
    const condition = ticketWhere(query, params);
    params.push(STREAM_BATCH);
    const { rows } = await db.query<{ seq: string; ticket: WorkflowTicket }>(
      `SELECT seq, ticket FROM tickets t WHERE seq > $1 AND ${where} AND ${condition} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    for (const row of rows) yield row.ticket;
    if (rows.length < STREAM_BATCH) return;
    last = Number(rows[rows.length - 1].seq);
  }
}

/** Ticket reads outside a transaction. */
export function poolTicketReads(db: Queryable): TicketReads {
  return {
    async get(id) {
      // The live ticket if there is one, else the last archived copy.
      const { rows } = await db.query<{ ticket: WorkflowTicket }>(
        'SELECT ticket FROM tickets WHERE id = $1 ORDER BY archived, seq DESC LIMIT 1',
        [id],
      );
      return rows[0]?.ticket;
    },
    list: (query, page) => listLive(db, query, page),
    async count(query = {}) {
      const params: unknown[] = [];
      const { rows } = await db.query<{ count: string }>(
        `SELECT count(*) AS count FROM tickets t WHERE NOT archived AND ${ticketWhere(query, params)}`,
        params,
      );
      return Number(rows[0].count);
    },
    stream: (query = {}) => pages(db, 'NOT archived', query),
    archived: (query = {}) => pages(db, LAST_ARCHIVED, query),
    lastSequence: () => lastSequence(db),
  };
}

/** The last number the ticket sequence handed out (a fresh sequence has handed out none: 0). */
export async function lastSequence(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM ticket_sequence');
  return Number(rows[0].n);
}
