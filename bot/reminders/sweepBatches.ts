/**
 * The sweep records its reminders in batches, each one transaction holding the batch's reminders in the ledger, their
 * digests and the marks on their tickets: nothing is recorded without its digest, and a reminder is recorded once.
 * Reminders that share a recipient share a batch, so each person or channel still gets one digest per sweep; only a
 * backlog of more than a batch for one recipient group is split, and that recipient then gets one digest per batch.
 */
import { AppError } from '../../data/errors.js';
import type { WorkflowTicket } from '../../data/model.js';
import type { StoreTransaction } from '../../data/store/store.js';
import { OPEN_STATES } from '../../data/workflow/transitions.js';
import { addNotificationIfNew, pendingNotification } from '../notify/notifier.js';
import { buildDigests, recipientKey, type Digest } from './digests.js';
import type { DueReminder } from './dueReminders.js';
import { alreadySent, recordSent } from './ledger.js';
import { recordReminderMarks } from './reminderMarks.js';

/** Reminders per transaction: small enough that recording one batch never holds the event loop for long. */
export const BATCH_REMINDERS = 400;

/**
 * Splits the reminders (each with at least one recipient) into batches of about `size`: reminders joined by a shared
 * recipient stay together, unless together they are more than `size`; small groups are packed into one batch.
 */
export function planBatches(reminders: readonly DueReminder[], size: number): DueReminder[][] {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let at = key;
    while (parent.get(at) !== at) at = parent.get(at) ?? at;
    // Path compression keeps later look-ups short.
    for (let step = key; parent.get(step) !== at;) {
      const next = parent.get(step) ?? at;
      parent.set(step, at);
      step = next;
    }
    return at;
  };
  for (const reminder of reminders) {
    const keys = reminder.recipients.map(recipientKey);
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    for (const key of keys.slice(1)) parent.set(root(key), root(keys[0]));
  }
  const groups = new Map<string, DueReminder[]>();
  for (const reminder of reminders) {
    const group = root(recipientKey(reminder.recipients[0]));
    const list = groups.get(group) ?? [];
    list.push(reminder);
    groups.set(group, list);
  }
  const batches: DueReminder[][] = [];
  let current: DueReminder[] = [];
  for (const group of groups.values()) {
    if (current.length > 0 && current.length + group.length > size) {
      batches.push(current);
      current = [];
    }
    for (let start = 0; start < group.length; start += size) {
      const part = group.slice(start, start + size);
      if (current.length + part.length > size) {
        batches.push(current);
        current = [];
      }
      current.push(...part);
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What one batch recorded: its digests (to deliver once it is on disk) and the tickets it marked. */
export interface RecordedBatch {
  digests: { key: string; recipientKey: string; count: number }[];
  marked: Set<string>;
}

const OPEN: ReadonlySet<string> = new Set(OPEN_STATES);

/**
 * Runs inside the batch's transaction. The reminders and their digests were worked out before it; here each is checked
 * against the stored ticket and ledger as they are now. A ticket changed meanwhile (another version, or no longer open)
 * or a reminder already sent is left out, and its digest is built again without it: the next sweep works it out afresh.
 */
export async function recordBatch(
  tx: StoreTransaction,
  planned: readonly DueReminder[],
  digests: readonly Digest[],
  now: Date,
  workingDayHours: number,
): Promise<RecordedBatch> {
  const tickets = new Map<string, WorkflowTicket>();
  for (const id of new Set(planned.map((r) => r.ticketId).filter((id): id is string => id !== undefined))) {
    const ticket = await tx.tickets.get(id);
    if (ticket && OPEN.has(ticket.state)) tickets.set(id, ticket);
  }
  const due: DueReminder[] = [];
  for (const reminder of planned) {
    const ticket = reminder.ticketId === undefined ? undefined : tickets.get(reminder.ticketId);
    if (reminder.ticketId !== undefined && ticket?.version !== reminder.ticketVersion) continue;
    if (!(await alreadySent(tx, reminder))) due.push(reminder);
  }
  const keys = new Map(digests.map((d) => [d.recipientKey, d.notification.key]));
  const sending = due.length === planned.length ? digests : buildDigests(due, now, (key) => keys.get(key) ?? '');

  for (const digest of sending) {
    if (!(await addNotificationIfNew(tx, pendingNotification(digest.notification, now))))
      // Only a second sweep at the same instant can meet its own key: record nothing rather than a reminder without its digest.
      throw new AppError(
        'reminder-digest-exists',
        'A reminder digest with this key is already recorded; this batch waits for the next sweep.',
      );
    tx.audit({
      actor: 'system',
      action: 'reminder.digest',
      details: { key: digest.notification.key, recipient: digest.recipientKey, reminders: digest.reminders.map((r) => r.key) },
    });
  }
  for (const reminder of due) await recordSent(tx, reminder);
  const marked = await recordReminderMarks(tx, tickets, due, now, workingDayHours);
  return {
    digests: sending.map((d) => ({ key: d.notification.key, recipientKey: d.recipientKey, count: d.reminders.length })),
    marked,
  };
}
