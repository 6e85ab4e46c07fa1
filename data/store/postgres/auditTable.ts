/** The audit trail as an append-only table: written with the transaction that made the change, read in the order written. */
import type { AuditEvent } from '../../model.js';
import { isoBound } from '../auditLog.js';
import type { AuditQuery } from '../store.js';
import { STREAM_BATCH } from './ticketReads.js';
import type { Queryable } from './ticketRows.js';

export async function appendAudit(db: Queryable, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO audit (id, at, ticket_id, event)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
    [events.map((e) => e.id), events.map((e) => e.at), events.map((e) => e.ticketId ?? null), events.map((e) => JSON.stringify(e))],
  );
}

/** Events matching `query`, in the order written, a batch at a time. */
export async function* readAudit(db: Queryable, query: AuditQuery = {}): AsyncGenerator<AuditEvent> {
  // Bounds are checked (and normalised) before the first read, as the file-based trail does.
  const from = query.from === undefined ? undefined : isoBound(query.from, 'from');
  const to = query.to === undefined ? undefined : isoBound(query.to, 'to');
  let last = 0;
  for (;;) {
    const params: unknown[] = [last];
    const conditions = ['seq > $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (from !== undefined) add('at >= ?', from);
    if (to !== undefined) add('at < ?', to);
    if (query.ticketId !== undefined) add('ticket_id = ?', query.ticketId);
    params.push(STREAM_BATCH);
    const { rows } = await db.query<{ seq: string; event: AuditEvent }>(
      `SELECT seq, event FROM audit WHERE ${conditions.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
      params,
    );
    for (const row of rows) yield row.event;
    if (rows.length < STREAM_BATCH) return;
    last = Number(rows[rows.length - 1].seq);
  }
}
