/**
 * The outbox's claims on PostgreSQL: each one statement. The rows to claim are locked with FOR UPDATE SKIP LOCKED, so
 * instances claiming at once never wait for each other and never take the same row: a row another instance is claiming
 * (or recording an outcome for) right now is simply left for later. A row changed by a commit since this statement's
 * snapshot is checked again against the conditions before it is taken, so a lease just written is respected.
 */
import type { NotificationRecord } from '../../model.js';
import type { NotificationQuery } from '../records.js';
import type { NotificationOutbox, RecordReads } from '../store.js';
import { storedKey } from './keyedTables.js';
import type { Queryable } from './ticketRows.js';

// $1 now, $2 owner, $3 the lease's end: the same conditions as unclaimed() and claimable() in data/store/notificationClaims.ts.
const UNCLAIMED = `status = 'pending' AND (lease_until IS NULL OR lease_until <= $1)`;
const CLAIMABLE = `status = 'pending' AND (lease_until IS NULL OR lease_until <= $1 OR lease_owner = $2)`;
const LEASE = `lease_owner = $2, lease_until = $3, doc = doc || jsonb_build_object('leaseOwner', $2::text, 'leaseUntil', $3::text)`;

const CLAIM_DUE = `
  UPDATE notifications SET ${LEASE}
  WHERE key IN (
    SELECT key FROM notifications WHERE ${UNCLAIMED} AND next_attempt_at <= $1
    ORDER BY next_attempt_at, seq LIMIT $4 FOR UPDATE SKIP LOCKED
  )
  RETURNING seq, next_attempt_at, doc`;

const CLAIM_ONE = `UPDATE notifications SET ${LEASE} WHERE key = $4 AND ${CLAIMABLE} RETURNING doc`;

// $1 the keys, $2 the owner. No SKIP LOCKED here: a row being claimed or recorded right now is waited for, then checked again.
const RELEASE = `
  UPDATE notifications SET lease_owner = NULL, lease_until = NULL, doc = doc - 'leaseOwner' - 'leaseUntil'
  WHERE key = ANY($1::text[]) AND status = 'pending' AND lease_owner = $2`;

/** The outbox of the PostgreSQL store: `reads`, and claims run on `db` (the pool: each claim commits on its own). */
export function postgresOutbox(db: Queryable, reads: RecordReads<NotificationRecord, NotificationQuery>): NotificationOutbox {
  return {
    ...reads,
    async claimDue(terms, limit) {
      if (limit <= 0) return [];
      const { rows } = await db.query<{ seq: string; next_attempt_at: string; doc: NotificationRecord }>(CLAIM_DUE, [
        terms.now,
        terms.owner,
        terms.leaseUntil,
        limit,
      ]);
      // RETURNING has no order: oldest due first, then first stored, as the claim chose them.
      rows.sort((a, b) =>
        a.next_attempt_at === b.next_attempt_at ? Number(a.seq) - Number(b.seq) : a.next_attempt_at < b.next_attempt_at ? -1 : 1,
      );
      return rows.map((row) => row.doc);
    },
    async claim(key, terms) {
      const { rows } = await db.query<{ doc: NotificationRecord }>(CLAIM_ONE, [terms.now, terms.owner, terms.leaseUntil, storedKey(key)]);
      return rows[0]?.doc;
    },
    async release(keys, owner) {
      if (keys.length === 0) return 0;
      const { rowCount } = await db.query(RELEASE, [[...new Set(keys)].map(storedKey), owner]);
      return rowCount ?? 0;
    },
  };
}
