/**
 * Writes what the sweep sent onto the tickets it was about, so their cards and the helpdesk tab can say so
 * ("Escalated to the helpdesk channel at 09:00 on Tue 3 Mar: 4 working days without an action"). Runs inside the
 * sweep's transaction, from the same reminders the ledger records: a mark is written exactly when a reminder is.
 */
import type { ReminderMark, WorkflowTicket } from '../../data/model.js';
import type { StoreTransaction } from '../../data/store/store.js';
import type { DueReminder } from './dueReminders.js';
import type { ReminderKind } from './reminderWording.js';

/** A ticket keeps this many marks, newest last: enough for every kind over a few waits, small in the live file. */
export const MAX_MARKS = 12;

/** The kinds that go to the helpdesk channel: escalations, audited as such. */
export const ESCALATIONS: ReadonlySet<string> = new Set<ReminderKind>(['icsEscalation', 'unassigned', 'assignedEscalation']);

/**
 * Runs inside the sweep's transaction: one mark (the latest of its kind in that wait) and one audit event per ticket
 * reminder sent, on `tickets` (the transaction's copies, by id). Neither the version nor updatedAt changes: a card
 * showing version N stays current for the agent's next press, and "last changed" stays the last person's change.
 * Returns the ids of the tickets marked.
 */
export async function recordReminderMarks(
  tx: StoreTransaction,
  tickets: ReadonlyMap<string, WorkflowTicket>,
  sent: readonly DueReminder[],
  now: Date,
  workingDayHours: number,
): Promise<Set<string>> {
  const marked = new Set<string>();
  for (const reminder of sent) {
    const ticket = reminder.ticketId === undefined ? undefined : tickets.get(reminder.ticketId);
    if (!ticket || reminder.since === undefined) continue;
    const mark: ReminderMark = {
      kind: reminder.kind,
      at: now.toISOString(),
      since: reminder.since,
      waitedHours: reminder.waitedHours ?? 0,
      dueAfterHours: reminder.dueAfterHours ?? 0,
      workingDayHours,
    };
    const kept = (ticket.remindersSent ?? []).filter((m) => !(m.kind === mark.kind && m.since === mark.since));
    ticket.remindersSent = [...kept, mark].slice(-MAX_MARKS);
    tx.audit({
      // The sweep's clock, as on the mark: the trail and the card name the same moment.
      at: mark.at,
      actor: 'system',
      action: ESCALATIONS.has(reminder.kind) ? 'reminder.escalated' : 'reminder.sent',
      ticketId: ticket.id,
      details: { key: reminder.key, kind: reminder.kind, waitedHours: mark.waitedHours, dueAfterHours: mark.dueAfterHours },
    });
    marked.add(ticket.id);
  }
  // Bookkeeping: the version stays as it was read.
  for (const id of marked) {
    const ticket = tickets.get(id);
    if (ticket) await tx.tickets.update(ticket, ticket.version);
  }
  return marked;
}
