/**
 * One store transaction as one SQL transaction on one pooled client: its reads see its own writes, other clients see
 * nothing until COMMIT. A ticket change is a conditional UPDATE on the version it was worked out from, so of two
 * instances deciding at once exactly one lands; the other gets ConflictError and its transaction rolls back.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../errors.js';
import type { AuditEvent } from '../../model.js';
import type { AuditInput, StoreTransaction, TicketWrites } from '../store.js';
import { appendAudit } from './auditTable.js';
import { BOT_STATE, CONVERSATIONS, keyedWrites, NOTIFICATIONS, ROSTERS } from './keyedTables.js';
import { counterWrites, referenceWrites, reminderWrites } from './smallTables.js';
import { lastSequence, listLive, liveTicket } from './ticketReads.js';
import { TICKET_COLUMNS, ticketColumns, type Queryable } from './ticketRows.js';
import { lockUntilCommit } from './transactionLock.js';

function ticketWrites(db: Queryable): TicketWrites {
  return {
    // FOR UPDATE: a change that keeps the version (a card copy recorded, a check's result, a reminder mark) is checked
    // against the version only, so two transactions reading the same version could both land, the later with the other's
    // change missing. Locked, the second waits for the first and reads what it wrote.
    get: (id) => liveTicket(db, id, true),
    list: (query) => listLive(db, query),
    lockNewTickets: () => lockUntilCommit(db, 'new-tickets'),
    async nextSequence() {
      // A sequence never goes back, even when the transaction that took a number rolls back.
      const { rows } = await db.query<{ n: string }>(`SELECT nextval('ticket_sequence') AS n`);
      return Number(rows[0].n);
    },
    async continueSequence(last) {
      // setval(…, n, true): the next number handed out is n + 1. Never back: a number handed out is never handed out again.
      if (last > (await lastSequence(db))) await db.query(`SELECT setval('ticket_sequence', $1, true)`, [last]);
    },
    async insert(ticket) {
      const result = await db.query(
        `INSERT INTO tickets (${TICKET_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) WHERE NOT archived DO NOTHING`,
        ticketColumns(ticket),
      );
      if (result.rowCount !== 1) throw new ConflictError(`Ticket ${ticket.id} already exists.`, { ticketId: ticket.id });
    },
    async update(ticket, readVersion) {
      const result = await db.query(
        `UPDATE tickets SET (${TICKET_COLUMNS}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         WHERE id = $1 AND version = $12 AND NOT archived`,
        [...ticketColumns(ticket), readVersion],
      );
      if (result.rowCount !== 1)
        throw new ConflictError(`Ticket ${ticket.id} was changed by someone else (or is no longer open); reload it and try again.`, {
          ticketId: ticket.id,
          readVersion,
        });
    },
  };
}

/**
 * The client with its queries queued one after another: a transaction's function may read several things at once
 * (Promise.all), and one connection runs one statement at a time (pg 9 will refuse overlapping queries).
 */
function oneAtATime(client: Queryable): Queryable {
  let last: Promise<unknown> = Promise.resolve();
  return {
    query: <R extends Record<string, unknown>>(text: string, values?: unknown[]) => {
      const run = last.then(() => client.query<R>(text, values));
      last = run.catch(() => undefined);
      return run;
    },
  };
}

/** A transaction's view; `finish()` once it has committed or rolled back. */
export class PostgresTransaction implements StoreTransaction {
  readonly tickets: TicketWrites;
  readonly rosters;
  readonly conversations;
  readonly notifications;
  readonly botState;
  readonly reference;
  readonly reminders;
  readonly counters;
  readonly #audit: AuditEvent[] = [];
  readonly #clock: () => Date;
  #finished = false;

  /** `client`: the transaction's connection (its queries run one at a time here). */
  constructor(client: Queryable, clock: () => Date) {
    const db = oneAtATime(client);
    this.#clock = clock;
    this.tickets = ticketWrites(db);
    this.rosters = keyedWrites(db, ROSTERS);
    this.conversations = keyedWrites(db, CONVERSATIONS);
    this.notifications = keyedWrites(db, NOTIFICATIONS);
    this.botState = keyedWrites(db, BOT_STATE);
    this.reference = referenceWrites(db);
    this.reminders = reminderWrites(db);
    this.counters = counterWrites(db);
  }

  audit(event: AuditInput): AuditEvent {
    if (this.#finished) throw new TypeError('This transaction has finished: record audit events inside its function.');
    const recorded: AuditEvent = structuredClone({ ...event, id: event.id ?? randomUUID(), at: event.at ?? this.#clock().toISOString() });
    this.#audit.push(recorded);
    return structuredClone(recorded);
  }

  /** Writes the audit events recorded, as the last statement before COMMIT. */
  async writeAudit(db: Queryable): Promise<void> {
    await appendAudit(db, this.#audit);
  }

  finish(): void {
    this.#finished = true;
  }
}
