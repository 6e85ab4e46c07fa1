/** Reference lists, the reminder ledger and counters: small tables read and written whole or by key. */
import type { BankHoliday, DpiaEntry, DsptRecord, ImportedList, ReminderLedger, TicketLedger } from '../../model.js';
import type { CounterReads, CounterWrites, ReferenceReads, ReferenceWrites, ReminderLedgerReads, ReminderLedgerWrites } from '../store.js';
import { dsptRowsFor } from '../records.js';
import type { Queryable } from './ticketRows.js';
import { lockUntilCommit } from './transactionLock.js';

type DsptEntry = ReminderLedger['dspt'][string];

/** A small table: one JSON value per key. */
interface KeyedValues {
  table: string;
  key: string;
  value: string;
}

const LISTS: KeyedValues = { table: 'reference_lists', key: 'name', value: 'value' };
const LEDGER_TICKETS: KeyedValues = { table: 'reminder_tickets', key: 'ticket_id', value: 'entry' };
const LEDGER_DSPT: KeyedValues = { table: 'reminder_dspt', key: 'ods_code', value: 'entry' };
const COUNTERS: KeyedValues = { table: 'counters', key: 'name', value: 'value' };

/**
 * One value by key. With `lock` (inside a transaction) the key is locked until the transaction ends, found or not: a
 * change worked out from it (an import merged into the DPIA register, a failed turn counted, the first one included)
 * waits for another instance changing it, then sees its change.
 */
async function valueOf<T>(db: Queryable, of: KeyedValues, key: string, lock: boolean): Promise<T | undefined> {
  if (lock) await lockUntilCommit(db, `${of.table}/${key}`);
  const { rows } = await db.query<{ value: T }>(`SELECT ${of.value} AS value FROM ${of.table} WHERE ${of.key} = $1`, [key]);
  return rows[0]?.value;
}

/** Stores the value under its key; undefined removes the key. */
async function setValue(db: Queryable, of: KeyedValues, key: string, value: unknown): Promise<void> {
  if (value === undefined) await db.query(`DELETE FROM ${of.table} WHERE ${of.key} = $1`, [key]);
  else
    await db.query(
      `INSERT INTO ${of.table} (${of.key}, ${of.value}) VALUES ($1, $2) ON CONFLICT (${of.key}) DO UPDATE SET ${of.value} = excluded.${of.value}`,
      [key, JSON.stringify(value)],
    );
}

async function list<T>(db: Queryable, name: string, empty: T, lock: boolean): Promise<T> {
  return (await valueOf<T>(db, LISTS, name, lock)) ?? empty;
}

const setList = (db: Queryable, name: string, value: unknown) => setValue(db, LISTS, name, value);

export function referenceReads(db: Queryable, lock = false): ReferenceReads {
  const reads: ReferenceReads = {
    dpiaRegister: () => list<DpiaEntry[]>(db, 'dpiaRegister', [], lock),
    dsptStatuses: () => list<DsptRecord[]>(db, 'dsptStatuses', [], lock),
    dsptStatusesFor: async (odsCode) => dsptRowsFor(await reads.dsptStatuses(), odsCode),
    accreditedDomains: () => list<string[]>(db, 'accreditedDomains', [], lock),
    bankHolidays: () => list<BankHoliday[] | null>(db, 'bankHolidays', null, lock),
    async imports() {
      const { rows } = await db.query<{ list: ImportedList; imported_at: string }>('SELECT list, imported_at FROM reference_imports');
      return Object.fromEntries(rows.map((row) => [row.list, row.imported_at]));
    },
  };
  return reads;
}

export function referenceWrites(db: Queryable): ReferenceWrites {
  return {
    ...referenceReads(db, true),
    setDpiaRegister: (entries) => setList(db, 'dpiaRegister', entries),
    setDsptStatuses: (records) => setList(db, 'dsptStatuses', records),
    setAccreditedDomains: (domains) => setList(db, 'accreditedDomains', domains),
    setBankHolidays: (holidays) => setList(db, 'bankHolidays', holidays),
    async setImported(list, at) {
      await db.query(
        'INSERT INTO reference_imports (list, imported_at) VALUES ($1, $2) ON CONFLICT (list) DO UPDATE SET imported_at = excluded.imported_at',
        [list, at],
      );
    },
  };
}

export function reminderReads(db: Queryable): ReminderLedgerReads {
  const reads: ReminderLedgerReads = {
    async ticket(ticketId) {
      const { rows } = await db.query<{ entry: TicketLedger }>('SELECT entry FROM reminder_tickets WHERE ticket_id = $1', [ticketId]);
      return rows[0]?.entry;
    },
    async tickets(ticketIds) {
      const { rows } = await db.query<{ ticket_id: string; entry: TicketLedger }>(
        'SELECT ticket_id, entry FROM reminder_tickets WHERE ticket_id = ANY($1::text[])',
        [[...ticketIds]],
      );
      return Object.fromEntries(rows.map((row) => [row.ticket_id, row.entry]));
    },
    async ticketIds() {
      const { rows } = await db.query<{ ticket_id: string }>('SELECT ticket_id FROM reminder_tickets ORDER BY ticket_id');
      return rows.map((row) => row.ticket_id);
    },
    async dspt(odsCode) {
      const { rows } = await db.query<{ entry: DsptEntry }>('SELECT entry FROM reminder_dspt WHERE ods_code = $1', [odsCode]);
      return rows[0]?.entry;
    },
    async dsptEntries() {
      const { rows } = await db.query<{ ods_code: string; entry: DsptEntry }>('SELECT ods_code, entry FROM reminder_dspt');
      return Object.fromEntries(rows.map((row) => [row.ods_code, row.entry]));
    },
    async all() {
      const { rows } = await db.query<{ ticket_id: string; entry: TicketLedger }>('SELECT ticket_id, entry FROM reminder_tickets');
      return { tickets: Object.fromEntries(rows.map((row) => [row.ticket_id, row.entry])), dspt: await reads.dsptEntries() };
    },
  };
  return reads;
}

export function reminderWrites(db: Queryable): ReminderLedgerWrites {
  return {
    ...reminderReads(db),
    setTicket: (ticketId, entry) => setValue(db, LEDGER_TICKETS, ticketId, entry),
    setDspt: (odsCode, entry) => setValue(db, LEDGER_DSPT, odsCode, entry),
  };
}

const turnFailuresName = (conversationKey: string) => `turnFailures:${conversationKey}`;

const counter = <T>(db: Queryable, name: string, lock: boolean) => valueOf<T>(db, COUNTERS, name, lock);
const setCounter = (db: Queryable, name: string, value: unknown) => setValue(db, COUNTERS, name, value);

export function counterReads(db: Queryable, lock = false): CounterReads {
  return {
    turnFailures: async (conversationKey) => (await counter<number>(db, turnFailuresName(conversationKey), lock)) ?? 0,
    demoSeededAt: async () => (await counter<string>(db, 'demoSeededAt', lock)) ?? null,
    async allTurnFailures() {
      const prefix = turnFailuresName('');
      const { rows } = await db.query<{ name: string; value: number }>('SELECT name, value FROM counters WHERE left(name, $1) = $2', [
        prefix.length,
        prefix,
      ]);
      return Object.fromEntries(rows.map((row) => [row.name.slice(prefix.length), row.value]));
    },
  };
}

export function counterWrites(db: Queryable): CounterWrites {
  return {
    ...counterReads(db, true),
    async setTurnFailures(conversationKey, count) {
      // No failures is no row: the table holds only conversations that are failing.
      if (count === 0) await db.query('DELETE FROM counters WHERE name = $1', [turnFailuresName(conversationKey)]);
      else await setCounter(db, turnFailuresName(conversationKey), count);
    },
    setDemoSeededAt: (at) => setCounter(db, 'demoSeededAt', at),
  };
}
