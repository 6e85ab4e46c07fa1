/**
 * What reminders have been sent, kept in the live file's settings under one key. Per open ticket: the moment its
 * current wait began and, for each kind, the highest ordinal sent in that wait; per organisation: the DSPT reminders
 * sent this year. Compact on purpose (every write re-serialises the live file) and pruned as tickets leave the open states.
 */
import type { LiveData } from '../../data/store/store.js';

/** The settings key the ledger lives under. */
export const LEDGER_SETTING = 'reminders';

/** One ticket's reminders in its current wait. */
export interface TicketLedger {
  /** ISO instant the wait began; a different one means a new wait, and its reminders start again. */
  since: string;
  sent: Record<string, number>;
}

export interface ReminderLedger {
  tickets: Record<string, TicketLedger>;
  /** By ODS code: the year and how many of that year's DSPT reminder dates have been sent. */
  dspt: Record<string, { year: string; sent: number }>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ledger as stored (read-only use), or an empty one; anything malformed reads as nothing sent for that entry. */
export function readLedger(data: Readonly<LiveData>): ReminderLedger {
  const raw = data.settings[LEDGER_SETTING];
  if (!isRecord(raw)) return { tickets: {}, dspt: {} };
  return {
    tickets: isRecord(raw.tickets) ? (raw.tickets as unknown as Record<string, TicketLedger>) : {},
    dspt: isRecord(raw.dspt) ? (raw.dspt as unknown as Record<string, { year: string; sent: number }>) : {},
  };
}

/** The highest ordinal of `kind` already sent for this ticket in the wait that began at `since` (0: none). */
export function sentOrdinal(ledger: ReminderLedger, ticketId: string, since: string, kind: string): number {
  const entry = ledger.tickets[ticketId];
  if (!isRecord(entry) || entry.since !== since || !isRecord(entry.sent)) return 0;
  const n = entry.sent[kind];
  return typeof n === 'number' ? n : 0;
}

/** How many of this year's DSPT reminders an organisation has had. */
export function sentDspt(ledger: ReminderLedger, odsCode: string, year: string): number {
  const entry = ledger.dspt[odsCode];
  return isRecord(entry) && entry.year === year && typeof entry.sent === 'number' ? entry.sent : 0;
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
  const ledger = JSON.parse(JSON.stringify(readLedger(data))) as ReminderLedger;
  for (const item of sent) {
    if (item.ticketId !== undefined && item.since !== undefined) {
      let entry = ledger.tickets[item.ticketId];
      if (!isRecord(entry) || entry.since !== item.since || !isRecord(entry.sent))
        entry = ledger.tickets[item.ticketId] = { since: item.since, sent: {} };
      entry.sent[item.kind] = Math.max(entry.sent[item.kind] ?? 0, item.ordinal);
    } else if (item.odsCode !== undefined && item.year !== undefined) {
      ledger.dspt[item.odsCode] = { year: item.year, sent: Math.max(sentDspt(ledger, item.odsCode, item.year), item.ordinal) };
    }
  }
  for (const id of Object.keys(ledger.tickets)) if (!openTicketIds.has(id)) delete ledger.tickets[id];
  for (const code of Object.keys(ledger.dspt)) if (ledger.dspt[code]?.year !== year) delete ledger.dspt[code];
  data.settings[LEDGER_SETTING] = ledger;
}
