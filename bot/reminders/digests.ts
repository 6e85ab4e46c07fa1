/** Groups the due reminders into one digest per recipient: the notification each person or channel is owed this sweep. */
import { userKey } from '../../data/conversationKeys.js';
import type { NotificationRecord } from '../../data/model.js';
import { buildReminderDigestCard, reminderDigestText } from '../../cards/reminderDigestCard.js';
import type { NotificationInput } from '../notify/notifier.js';
import type { DueReminder, Recipient } from './dueReminders.js';

/** One recipient's digest: the notification to record and the reminders it covers. */
export interface Digest {
  /** `user:<aadObjectId>` or `conversation:<id>`: ids only. */
  recipientKey: string;
  notification: NotificationInput;
  reminders: DueReminder[];
}

export function recipientKey(recipient: Recipient): string {
  return recipient.kind === 'channel' ? recipient.conversationKey : userKey(recipient.aadObjectId);
}

function notificationRecipient(recipient: Recipient): NotificationRecord['recipient'] {
  if (recipient.kind === 'channel') return { conversationKey: recipient.conversationKey };
  return { aadObjectId: recipient.aadObjectId, ...(recipient.email ? { email: recipient.email } : {}) };
}

/** A digest's key: the recipient and the sweep's instant, and the part when a backlog needs several (2, 3, …). */
export function digestKey(recipientKey: string, now: Date, part = 1): string {
  return `reminders:${recipientKey}:${now.toISOString()}${part > 1 ? `:${part}` : ''}`;
}

/**
 * One digest per recipient. The key names the recipient and the sweep's instant (`keyFor` may name a part), so each
 * sweep's digest is its own notification; what makes a reminder go once is the ledger written in the same transaction.
 */
export function buildDigests(
  reminders: readonly DueReminder[],
  now: Date,
  keyFor: (recipientKey: string) => string = (key) => digestKey(key, now),
): Digest[] {
  const byRecipient = new Map<string, { recipient: Recipient; reminders: DueReminder[] }>();
  for (const reminder of reminders) {
    for (const recipient of reminder.recipients) {
      const key = recipientKey(recipient);
      const entry = byRecipient.get(key) ?? { recipient, reminders: [] };
      // A person listed twice (an ICS lead who is also the requester) still gets each reminder once.
      if (!entry.reminders.some((r) => r.key === reminder.key)) entry.reminders.push(reminder);
      byRecipient.set(key, entry);
    }
  }
  return [...byRecipient.entries()].map(([key, { recipient, reminders: mine }]) => {
    const lines = mine.map((r) => ({ text: r.text, ...(r.ticketId ? { ticketId: r.ticketId, ticketVersion: r.ticketVersion ?? 0 } : {}) }));
    return {
      recipientKey: key,
      reminders: mine,
      notification: {
        key: keyFor(key),
        recipient: notificationRecipient(recipient),
        subject: mine.length === 1 ? 'A reminder about your UCP requests' : `${mine.length} reminders about UCP requests`,
        text: reminderDigestText(lines),
        card: buildReminderDigestCard(lines),
      },
    };
  });
}
