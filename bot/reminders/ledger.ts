/**
 * What reminders have been sent, kept in the live file's reminderLedger. Per open ticket: the moment its
 * current wait began and, for each kind, the highest ordinal sent in that wait; per organisation: the DSPT reminders
 * sent this year. Compact on purpose (every write re-serialises the live file) and pruned as tickets leave the open states.
 */
import type { ReminderLedger } from '../../data/model.js';
import type { LiveData } from '../../data/store/store.js';
import { plainCopy } from '../../data/workflow/applyAction.js';

export type { ReminderLedger, TicketLedger } from '../../data/model.js';

/** One ticket's reminders in its current wait. */
/** The ledger as stored, for reading only. */
export function readLedger(data: Readonly<LiveData>): ReminderLedger {
  return data.reminderLedger;
}

/** The highest ordinal of `kind` already sent for this ticket in the wait that began at `since` (0: none). */
export function sentOrdinal(ledger: ReminderLedger, ticketId: string, since: string, kind: string): number {
  const entry = ledger.tickets[ticketId];
  return entry?.since === since ? (entry.sent[kind] ?? 0) : 0;
}

/** How many of this year's DSPT reminders an organisation has had. */
export function sentDspt(ledger: ReminderLedger, odsCode: string, year: string): number {
  const entry = ledger.dspt[odsCode];
  return entry?.year === year ? entry.sent : 0;
}

/**
 * Used inside the sweep's store update: records reminders as sent (every ordinal up to `ordinal`), and drops entries of
 * tickets that are no longer open and DSPT entries of other years. Works on a plain copy it writes back whole.
 */
export function writeLedger(
  data: LiveData,
  sent: readonly { ticketId?: string; odsCode?: string; since?: string; kind: string; ordinal: number; year?: string }[],
  openTicketIds: ReadonlySet<string>,
  year: string,
): void {
  const ledger = plainCopy(readLedger(data));
  for (const item of sent) {
    if (item.ticketId !== undefined && item.since !== undefined) {
      let entry = ledger.tickets[item.ticketId];
      if (entry?.since !== item.since) entry = ledger.tickets[item.ticketId] = { since: item.since, sent: {} };
      entry.sent[item.kind] = Math.max(entry.sent[item.kind] ?? 0, item.ordinal);
    } else if (item.odsCode !== undefined && item.year !== undefined) {
      ledger.dspt[item.odsCode] = { year: item.year, sent: Math.max(sentDspt(ledger, item.odsCode, item.year), item.ordinal) };
    }
  }
  for (const id of Object.keys(ledger.tickets)) if (!openTicketIds.has(id)) delete ledger.tickets[id];
  for (const code of Object.keys(ledger.dspt)) if (ledger.dspt[code]?.year !== year) delete ledger.dspt[code];
  data.reminderLedger = ledger;
}
