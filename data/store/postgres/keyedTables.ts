/**
 * The keyed records (rosters, conversations, notifications, bot state): one table each, the whole record as jsonb plus
 * the columns their queries look at. Listed in the order first stored (seq survives a put that replaces a record).
 */
import type { ConversationRecord, NotificationRecord, RosterEntry } from '../../model.js';
import { rosterKey, type NotificationQuery, type RosterQuery } from '../records.js';
import type { BotStateItem, RecordReads, RecordWrites } from '../store.js';
import type { Queryable } from './ticketRows.js';

interface KeyedTable<T, Q> {
  table: string;
  keyOf(record: T): string;
  /** The queried columns and their values for a record. */
  columns(record: T): Record<string, unknown>;
  /** Conditions for a query, parameters appended to `params`. */
  where(query: Q, params: unknown[]): string[];
  /** The record as stored, when not the whole record (botState keeps the item without its key). */
  toDoc?(record: T): unknown;
  /** The record as read back (botState adds its key to the stored item). */
  fromDoc?(doc: T, key: string): T;
}

function condition(params: unknown[], sql: (placeholder: string) => string, value: unknown): string {
  params.push(value);
  return sql(`$${params.length}`);
}

export const ROSTERS: KeyedTable<RosterEntry, RosterQuery> = {
  table: 'rosters',
  keyOf: rosterKey,
  columns: (entry) => ({ kind: entry.kind, scope: entry.scope ?? null, id_lower: entry.id.toLowerCase() }),
  where: (query, params) => [
    ...(query.kind === undefined ? [] : [condition(params, (p) => `kind = ${p}`, query.kind)]),
    ...(query.scope === undefined ? [] : [condition(params, (p) => `scope = ${p}`, query.scope)]),
    ...(query.id === undefined ? [] : [condition(params, (p) => `id_lower = ${p}`, query.id.toLowerCase())]),
  ],
};

export const CONVERSATIONS: KeyedTable<ConversationRecord, never> = {
  table: 'conversations',
  keyOf: (record) => record.key,
  columns: () => ({}),
  where: () => [],
};

export const NOTIFICATIONS: KeyedTable<NotificationRecord, NotificationQuery> = {
  table: 'notifications',
  keyOf: (record) => record.key,
  columns: (record) => ({
    status: record.status,
    next_attempt_at: record.nextAttemptAt,
    created_at: record.createdAt,
    recipient_conversation_key: record.recipient.conversationKey ?? null,
    recipient_aad: record.recipient.aadObjectId ?? null,
    lease_owner: record.leaseOwner ?? null,
    lease_until: record.leaseUntil ?? null,
  }),
  where: (query, params) => {
    const conditions: string[] = [];
    if (query.status !== undefined) conditions.push(condition(params, (p) => `status = ${p}`, query.status));
    if (query.dueBy !== undefined) conditions.push(condition(params, (p) => `next_attempt_at <= ${p}`, query.dueBy));
    if (query.createdBefore !== undefined) conditions.push(condition(params, (p) => `created_at < ${p}`, query.createdBefore));
    const recipient = query.recipient;
    if (recipient?.conversationKey !== undefined)
      conditions.push(condition(params, (p) => `recipient_conversation_key = ${p}`, recipient.conversationKey));
    if (recipient?.aadObjectId !== undefined) conditions.push(condition(params, (p) => `recipient_aad = ${p}`, recipient.aadObjectId));
    return conditions;
  },
};

type BotStateRecord = BotStateItem & { key: string };

/** Dialog state: the eTag has a column of its own, the version botbuilder's optimistic concurrency compares. */
export const BOT_STATE: KeyedTable<BotStateRecord, never> = {
  table: 'bot_state',
  keyOf: (record) => record.key,
  columns: (record) => ({ etag: record.eTag }),
  where: () => [],
  // As botbuilder hands the item over: without its key.
  toDoc: ({ key: _key, ...item }) => item,
  fromDoc: (doc, key) => ({ ...doc, key }),
};

/**
 * Keys as PostgreSQL text can hold them: text has no NUL character, and roster keys join their parts with one. The
 * escape is reversible, so distinct keys stay distinct.
 */
export function storedKey(key: string): string {
  return key.replaceAll('\\', '\\\\').replaceAll('\u0000', '\\0');
}

function keyOfRow(stored: string): string {
  return stored.replace(/\\(\\|0)/g, (_, escaped: string) => (escaped === '0' ? '\u0000' : '\\'));
}

/** Turns a row back into the record it holds. */
function recordOfRow<T, Q>(table: KeyedTable<T, Q>): (row: { key: string; doc: T }) => T {
  return (row) => (table.fromDoc ? table.fromDoc(row.doc, keyOfRow(row.key)) : row.doc);
}

/**
 * Reads of one table. With `lock` (a transaction's reads) a record read is held until the transaction commits (FOR
 * UPDATE): a transaction that reads a record to decide how to change it (botbuilder's eTag check, an outbox record's
 * owner) makes another instance deciding about the same record wait, then decide on what this one wrote.
 */
export function keyedReads<T, Q>(db: Queryable, table: KeyedTable<T, Q>, lock = false): RecordReads<T, Q> {
  const read = recordOfRow(table);
  const forUpdate = lock ? ' FOR UPDATE' : '';
  return {
    async get(key) {
      const { rows } = await db.query<{ key: string; doc: T }>(`SELECT key, doc FROM ${table.table} WHERE key = $1${forUpdate}`, [
        storedKey(key),
      ]);
      return rows[0] && read(rows[0]);
    },
    async list(query) {
      const params: unknown[] = [];
      const conditions = query === undefined ? [] : table.where(query, params);
      const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
      const { rows } = await db.query<{ key: string; doc: T }>(`SELECT key, doc FROM ${table.table} ${where} ORDER BY seq`, params);
      return rows.map(read);
    },
  };
}

/** Reads and writes on a transaction's client. */
export function keyedWrites<T, Q>(db: Queryable, table: KeyedTable<T, Q>): RecordWrites<T, Q> {
  const row = (record: T) => {
    const columns = table.columns(record);
    const names = ['key', 'doc', ...Object.keys(columns)];
    const values = [storedKey(table.keyOf(record)), JSON.stringify(table.toDoc ? table.toDoc(record) : record), ...Object.values(columns)];
    const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
    return { names, values, insert: `INSERT INTO ${table.table} (${names.join(', ')}) VALUES (${placeholders})` };
  };
  return {
    ...keyedReads(db, table, true),
    async put(record) {
      const { names, values, insert } = row(record);
      const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
      await db.query(`${insert} ON CONFLICT (key) DO UPDATE SET ${updates.join(', ')}`, values);
    },
    async insert(record) {
      const { values, insert } = row(record);
      const result = await db.query(`${insert} ON CONFLICT (key) DO NOTHING`, values);
      return result.rowCount === 1;
    },
    async delete(key) {
      const result = await db.query(`DELETE FROM ${table.table} WHERE key = $1`, [storedKey(key)]);
      return result.rowCount === 1;
    },
  };
}
