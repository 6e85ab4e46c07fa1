/**
 * What reminders have been sent, kept in the store's reminder ledger. Per open ticket: the moment its current wait began
 * and, for each kind, the highest ordinal sent in that wait; per organisation: the DSPT reminders sent this year.
 * Compact on purpose, and pruned as tickets leave the open states.
 */
import type { ReminderLedger, TicketLedger } from '../../data/model.js';
import type { StoreTransaction } from '../../data/store/store.js';

export type { ReminderLedger, TicketLedger } from '../../data/model.js';

/** The highest ordinal of `kind` already sent for this ticket in the wait that began at `since` (0: none). */
export function sentOrdinal(ledger: ReminderLedger, ticketId: string, since: string, kind: string): number {
  return sentInWait(Object.hasOwn(ledger.tickets, ticketId) ? ledger.tickets[ticketId] : undefined, since, kind);
}

/** The same, from one ticket's entry. */
export function sentInWait(entry: TicketLedger | undefined, since: string, kind: string): number {
  return entry?.since === since ? (entry.sent[kind] ?? 0) : 0;
}

/** How many of this year's DSPT reminders an organisation has had. */
export function sentDspt(ledger: ReminderLedger, odsCode: string, year: string): number {
  return sentThisYear(Object.hasOwn(ledger.dspt, odsCode) ? ledger.dspt[odsCode] : undefined, year);
}

function sentThisYear(entry: { year: string; sent: number } | undefined, year: string): number {
  return entry?.year === year ? entry.sent : 0;
}

/** A reminder as the ledger keeps it: a ticket's (with its wait) or an organisation's DSPT renewal (with its year). */
export interface LedgerItem {
  ticketId?: string;
  since?: string;
  odsCode?: string;
  year?: string;
  kind: string;
  ordinal: number;
}

/** Whether `item` is already in the ledger as the transaction sees it (sent, or covered by a later ordinal). */
export async function alreadySent(tx: StoreTransaction, item: LedgerItem): Promise<boolean> {
  if (item.ticketId !== undefined && item.since !== undefined)
    return sentInWait(await tx.reminders.ticket(item.ticketId), item.since, item.kind) >= item.ordinal;
  if (item.odsCode !== undefined && item.year !== undefined)
    return sentThisYear(await tx.reminders.dspt(item.odsCode), item.year) >= item.ordinal;
  return false;
}

/** Used inside the sweep's transaction: records a reminder as sent (every ordinal up to its own). */
export async function recordSent(tx: StoreTransaction, item: LedgerItem): Promise<void> {
  if (item.ticketId !== undefined && item.since !== undefined) {
    const stored = await tx.reminders.ticket(item.ticketId);
    // A different wait: its reminders start again.
    const entry = stored?.since === item.since ? stored : { since: item.since, sent: {} };
    entry.sent[item.kind] = Math.max(entry.sent[item.kind] ?? 0, item.ordinal);
    await tx.reminders.setTicket(item.ticketId, entry);
  } else if (item.odsCode !== undefined && item.year !== undefined) {
    const sent = Math.max(sentThisYear(await tx.reminders.dspt(item.odsCode), item.year), item.ordinal);
    await tx.reminders.setDspt(item.odsCode, { year: item.year, sent });
  }
}
