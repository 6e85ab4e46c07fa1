/**
 * Claims on the outbox for the document stores (memory, lowdb): each claim (and each release) is one transaction of its own, so it is
 * serialised with every other change and written durably before it resolves, like any change. (The PostgreSQL store
 * does the same in one statement: data/store/postgres/notificationClaims.ts.)
 */
import type { NotificationRecord } from '../model.js';
import type { ClaimTerms, NotificationOutbox, RecordReads, Store } from './store.js';
import type { NotificationQuery } from './records.js';

/** Whether the record waits for an owner at `now`: pending, and under no lease that has not run out (anyone's). */
function unclaimed(record: Readonly<NotificationRecord>, now: string): boolean {
  return record.status === 'pending' && (record.leaseUntil === undefined || record.leaseUntil <= now);
}

/** Whether `owner` may claim the record at `now`: unclaimed, or already its own (a renewal). */
function claimable(record: Readonly<NotificationRecord>, terms: Pick<ClaimTerms, 'owner' | 'now'>): boolean {
  return unclaimed(record, terms.now) || (record.status === 'pending' && record.leaseOwner === terms.owner);
}

/** The record with the claim's lease on it. */
function leased(record: NotificationRecord, terms: ClaimTerms): NotificationRecord {
  return { ...record, leaseOwner: terms.owner, leaseUntil: terms.leaseUntil };
}

/** The outbox of a document store: its reads, and claims made as transactions of `transaction`. */
export function documentOutbox(
  reads: RecordReads<NotificationRecord, NotificationQuery>,
  transaction: Store['transaction'],
): NotificationOutbox {
  return {
    ...reads,
    claimDue: (terms, limit) =>
      transaction(async (tx) => {
        if (limit <= 0) return [];
        const due = await tx.notifications.list({ status: 'pending', dueBy: terms.now });
        // A stable sort: records due at the same instant keep the order they were first stored in.
        const chosen = due
          .filter((record) => unclaimed(record, terms.now))
          .sort((a, b) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : 0))
          .slice(0, limit)
          .map((record) => leased(record, terms));
        for (const record of chosen) await tx.notifications.put(record);
        return chosen.map((record) => structuredClone(record));
      }),
    claim: (key, terms) =>
      transaction(async (tx) => {
        const record = await tx.notifications.get(key);
        if (!record || !claimable(record, terms)) return undefined;
        const claimed = leased(record, terms);
        await tx.notifications.put(claimed);
        return structuredClone(claimed);
      }),
    release: (keys, owner) =>
      transaction(async (tx) => {
        let released = 0;
        for (const key of new Set(keys)) {
          const record = await tx.notifications.get(key);
          if (!record || record.status !== 'pending' || record.leaseOwner !== owner) continue;
          const { leaseOwner: _owner, leaseUntil: _until, ...unleased } = record;
          await tx.notifications.put(unleased);
          released += 1;
        }
        return released;
      }),
  };
}
