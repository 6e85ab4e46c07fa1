/**
 * A lock held until the transaction ends, by name: a PostgreSQL transaction advisory lock, named within the store's schema
 * (advisory locks are database-wide, and deployments or tests in other schemas must not wait on this one's). Unlike
 * `SELECT … FOR UPDATE` it also holds when there is no row yet: two instances about to create the same thing take turns.
 */
import type { Queryable } from './ticketRows.js';

/** The first key of every such lock ("UCPT"). */
const TRANSACTION_LOCK_CLASS = 0x55_43_50_54;

export async function lockUntilCommit(db: Queryable, name: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock($1, hashtext(current_schema() || '/' || $2))`, [TRANSACTION_LOCK_CLASS, name]);
}
