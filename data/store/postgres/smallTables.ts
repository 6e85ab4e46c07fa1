/** Reference lists, the reminder ledger and counters: small tables read and written whole or by key. */
import type { BankHoliday, DpiaEntry, DsptRecord, ImportedList, ReminderLedger, TicketLedger } from '../../model.js';
import type { CounterReads, CounterWrites, ReferenceReads, ReferenceWrites, ReminderLedgerReads, ReminderLedgerWrites } from '../store.js';
import { dsptRowsFor } from '../records.js';
import type { Queryable } from './ticketRows.js';

type DsptEntry = ReminderLedger['dspt'][string];

/**
 * Inside a transaction reads lock what they find (FOR UPDATE): a change worked out from a list or a counter (an import
 * merged into the DPIA register, a failed turn counted) waits for another instance changing it, then sees its change.
 */
const locking = (lock: boolean) => (lock ? ' FOR UPDATE' : '');

async function list<T>(db: Queryable, name: string, empty: T, lock: boolean): Promise<T> {
  const { rows } = await db.query<{ value: T }>(`SELECT value FROM reference_lists WHERE name = $1${locking(lock)}`, [name]);
  return rows.length === 0 ? empty : rows[0].value;
}

async function setList(db: Queryable, name: string, value: unknown): Promise<void> {
  await db.query('INSERT INTO reference_lists (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [
    name,
    JSON.stringify(value),
  ]);
}

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
    async setTicket(ticketId, entry) {
      if (entry === undefined) await db.query('DELETE FROM reminder_tickets WHERE ticket_id = $1', [ticketId]);
      else
        await db.query(
          'INSERT INTO reminder_tickets (ticket_id, entry) VALUES ($1, $2) ON CONFLICT (ticket_id) DO UPDATE SET entry = excluded.entry',
          [ticketId, JSON.stringify(entry)],
        );
    },
    async setDspt(odsCode, entry) {
      if (entry === undefined) await db.query('DELETE FROM reminder_dspt WHERE ods_code = $1', [odsCode]);
      else
        await db.query(
          'INSERT INTO reminder_dspt (ods_code, entry) VALUES ($1, $2) ON CONFLICT (ods_code) DO UPDATE SET entry = excluded.entry',
          [odsCode, JSON.stringify(entry)],
        );
    },
  };
}

const turnFailuresName = (conversationKey: string) => `turnFailures:${conversationKey}`;

async function counter<T>(db: Queryable, name: string, lock: boolean): Promise<T | undefined> {
  const { rows } = await db.query<{ value: T }>(`SELECT value FROM counters WHERE name = $1${locking(lock)}`, [name]);
  return rows[0]?.value;
}

async function setCounter(db: Queryable, name: string, value: unknown): Promise<void> {
  await db.query('INSERT INTO counters (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [
    name,
    JSON.stringify(value),
  ]);
}

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
