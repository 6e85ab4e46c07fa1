import type { NotificationRecord } from '../../data/model.js';
import type { Store, StoreTransaction } from '../../data/store/store.js';

/** What a caller asks to be delivered; the key makes it idempotent. */
export interface NotificationInput {
  key: string;
  recipient: NotificationRecord['recipient'];
  text: string;
  subject: string;
  card?: Record<string, unknown>;
}

/** Steps (by default minutes) before the next round after 1, 2, 3, … failed rounds: short at first, then every 30 steps until delivered. */
export const QUEUE_BACKOFF_STEPS: readonly number[] = [1, 2, 5, 10, 30];

/**
 * A new pending notification, due at `now` (pure: nothing is written). The host builds one inside the store update
 * that changes the ticket, adds it there with addNotificationIfNew, and calls the notifier's deliver(key) once that
 * update is on disk. Throws a TypeError when the key, subject or text is missing.
 */
export function pendingNotification(input: NotificationInput, now: Date): NotificationRecord {
  if (!input.key || !input.subject || !input.text) throw new TypeError('a notification needs a key, a subject and a text');
  const record: NotificationRecord = {
    key: input.key,
    recipient: { ...input.recipient },
    text: input.text,
    subject: input.subject,
    status: 'pending',
    attempts: 0,
    // Due at once: if this process stops before the first round ends, the next retryDue() picks it up.
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
  };
  if (input.card) record.card = structuredClone(input.card);
  return record;
}

/**
 * Adds `record` inside a transaction; false, and nothing changed, when a notification with that key is already there,
 * whatever its status.
 */
export function addNotificationIfNew(tx: StoreTransaction, record: NotificationRecord): Promise<boolean> {
  return tx.notifications.insert(record);
}

/** Records a new pending notification, due now, in a write of its own; false (nothing written) when the key is already known. */
export function recordNotification(store: Store, input: NotificationInput, now: Date): Promise<boolean> {
  const record = pendingNotification(input, now);
  return store.transaction((tx) => addNotificationIfNew(tx, record));
}

/** One notification, as a copy; undefined when the store has no such key. */
export function findNotification(store: Store, key: string): Promise<NotificationRecord | undefined> {
  return store.notifications.get(key);
}

/** The record without its claim: recording an outcome releases the lease. */
function release(record: NotificationRecord): void {
  delete record.leaseOwner;
  delete record.leaseUntil;
}

/**
 * Marks a notification delivered, with an audit event in the same transaction, so it is never delivered again. With
 * `unconfirmedReason` (an ambiguous failure: the service may have taken it, its answer was lost) it is still recorded sent
 * (at most once), marked by `lastError` '<via>:ambiguous', and audited as 'notification.unconfirmed' for the helpdesk to check.
 * Recorded by whoever delivered it, lease or not: a message that went out is on record even when its sender's lease ran
 * out mid-delivery, so the instance that took the claim over finds it sent and never sends it once more.
 */
export async function markSent(store: Store, key: string, via: 'teams' | 'email', now: Date, unconfirmedReason?: string): Promise<void> {
  await store.transaction(async (tx) => {
    const record = await tx.notifications.get(key);
    if (!record || record.status === 'sent') return;
    record.status = 'sent';
    release(record);
    record.via = via;
    record.sentAt = now.toISOString();
    record.lastAttemptAt = record.sentAt;
    record.attempts += 1;
    if (unconfirmedReason === undefined) delete record.lastError;
    else record.lastError = unconfirmedMark(via);
    await tx.notifications.put(record);
    const ticketId = /^([A-Z]+-\d+):/.exec(key)?.[1];
    tx.audit({
      actor: 'system',
      action: unconfirmedReason === undefined ? 'notification.sent' : 'notification.unconfirmed',
      ...(ticketId ? { ticketId } : {}),
      details: { key, via, ...(unconfirmedReason === undefined ? {} : { reason: unconfirmedReason }) },
    });
  });
}

/** The `lastError` of a notification recorded sent after an ambiguous failure: its delivery is unconfirmed. */
export function unconfirmedMark(via: 'teams' | 'email'): string {
  return `${via}:ambiguous`;
}

/**
 * Leaves a notification pending after a failed round, releases `owner`'s claim and schedules the next round: the queue
 * backoff, or later if the service asked. Only the claim's owner may: false (nothing written) when another instance has
 * taken the claim over (this one's lease ran out) or the notification is no longer pending.
 */
export async function markQueued(
  store: Store,
  key: string,
  owner: string,
  now: Date,
  lastError: string,
  retryAfterMs = 0,
  stepMs = 60_000,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    const record = await tx.notifications.get(key);
    if (!record || record.status !== 'pending' || record.leaseOwner !== owner) return false;
    release(record);
    record.attempts += 1;
    record.lastAttemptAt = now.toISOString();
    const steps = QUEUE_BACKOFF_STEPS[Math.min(record.attempts, QUEUE_BACKOFF_STEPS.length) - 1];
    record.nextAttemptAt = new Date(now.getTime() + Math.max(steps * stepMs, retryAfterMs)).toISOString();
    record.lastError = lastError;
    await tx.notifications.put(record);
    return true;
  });
}

/**
 * Removes delivered notifications sent before `before`, so live.json (rewritten whole on every change) stays small; the
 * audit trail keeps each 'notification.sent' for good. A key is therefore recognised as a duplicate for the retention
 * period only. Returns how many were removed; writes nothing when there is nothing to remove.
 */
export async function pruneSent(store: Store, before: Date): Promise<number> {
  const old = (n: NotificationRecord) => n.status === 'sent' && n.sentAt !== undefined && Date.parse(n.sentAt) < before.getTime();
  // A message sent before `before` was created before it too: the query narrows, the test decides.
  const candidates = (await store.notifications.list({ status: 'sent', createdBefore: before.toISOString() })).filter(old);
  if (candidates.length === 0) return 0;
  return store.transaction(async (tx) => {
    let removed = 0;
    for (const { key } of candidates) {
      const current = await tx.notifications.get(key);
      if (current && old(current) && (await tx.notifications.delete(key))) removed += 1;
    }
    return removed;
  });
}
