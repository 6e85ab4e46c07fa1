/**
 * Copies everything one store holds into another, empty one (any two implementations: `npx ucp-admin store copy`),
 * through the contract alone: live and archived tickets, the audit trail with its own ids and times, rosters,
 * conversations, notifications, bot state, reference lists, the reminder ledger, counters and the ticket sequence.
 * Streamed in batches, one transaction each, so a large store is never held in memory whole; the caller keeps every
 * other writer away from both stores meanwhile.
 */
import type { AuditEvent, WorkflowTicket } from '../model.js';
import { AppError } from '../errors.js';
import type { Store, StoreTransaction } from './store.js';

/** Records written per transaction: big enough that a lowdb destination rewrites its file rarely, small enough to stream. */
const BATCH = 1000;

/** What is counted on both sides to check a copy, in the order the table shows them. */
export const COUNTED_KINDS = [
  'live tickets',
  'archived tickets',
  'audit events',
  'roster entries',
  'conversations',
  'notifications',
  'bot state items',
  'DPIA register entries',
  'DSPT statuses',
  'accredited domains',
  'bank holidays',
  'list import dates',
  'reminder ledger: tickets',
  'reminder ledger: DSPT',
  'failing conversations',
  'last ticket number',
  'demo seeded',
] as const;

export type CountedKind = (typeof COUNTED_KINDS)[number];
export type StoreCounts = Record<CountedKind, number>;

/** Told as the copy goes: a kind finished, or a long one part way (`done` so far). */
export type CopyProgress = (kind: CountedKind, done: number, finished: boolean) => void;

/** The destination already holds something: nothing was copied, so nothing of it is lost or mixed. */
export class DestinationNotEmptyError extends AppError {
  constructor(which: string, counts: StoreCounts) {
    const held = COUNTED_KINDS.filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${kind}`);
    super(
      'store-copy-destination-not-empty',
      `The destination (${which}) is not empty (it holds ${held.join(', ')}), so nothing was copied: ` +
        'a copy goes only into an empty store. Empty it (or choose another) and run the copy again.',
      { which },
    );
  }
}

/** How many of each kind the store holds (archived tickets once each, as their last copy; the sequence as its value). */
export async function countStore(store: Store): Promise<StoreCounts> {
  const bankHolidays = await store.reference.bankHolidays();
  return {
    'live tickets': await store.tickets.count(),
    'archived tickets': await countOf(store.tickets.archived()),
    'audit events': await countOf(store.readAudit()),
    'roster entries': (await store.rosters.list()).length,
    conversations: (await store.conversations.list()).length,
    notifications: (await store.notifications.list()).length,
    'bot state items': (await store.botState.list()).length,
    'DPIA register entries': (await store.reference.dpiaRegister()).length,
    'DSPT statuses': (await store.reference.dsptStatuses()).length,
    'accredited domains': (await store.reference.accreditedDomains()).length,
    'bank holidays': bankHolidays?.length ?? 0,
    'list import dates': Object.keys(await store.reference.imports()).length,
    'reminder ledger: tickets': (await store.reminders.ticketIds()).length,
    'reminder ledger: DSPT': Object.keys(await store.reminders.dsptEntries()).length,
    'failing conversations': Object.keys(await store.counters.allTurnFailures()).length,
    'last ticket number': await store.tickets.lastSequence(),
    'demo seeded': (await store.counters.demoSeededAt()) === null ? 0 : 1,
  };
}

/** Whether every count is nothing (a store that never handed out a ticket number and holds no record). */
export function isEmpty(counts: StoreCounts): boolean {
  return COUNTED_KINDS.every((kind) => counts[kind] === 0);
}

/**
 * Copies `source` into `destination`, which must be empty (DestinationNotEmptyError, nothing written, otherwise).
 * A copy that fails part way leaves the destination partly filled: empty it before trying again.
 */
export async function copyStore(source: Store, destination: Store, progress: CopyProgress = () => undefined): Promise<void> {
  const before = await countStore(destination);
  if (!isEmpty(before)) throw new DestinationNotEmptyError('the store copied into', before);

  // The small things first, in one transaction: reference lists, the ledger's DSPT entries, counters, the sequence.
  const [dpia, dspt, domains, holidays, imports, ledgerDspt, failures, demoSeededAt, last] = await Promise.all([
    source.reference.dpiaRegister(),
    source.reference.dsptStatuses(),
    source.reference.accreditedDomains(),
    source.reference.bankHolidays(),
    source.reference.imports(),
    source.reminders.dsptEntries(),
    source.counters.allTurnFailures(),
    source.counters.demoSeededAt(),
    source.tickets.lastSequence(),
  ]);
  await destination.transaction(async (tx) => {
    await tx.reference.setDpiaRegister(dpia);
    await tx.reference.setDsptStatuses(dspt);
    await tx.reference.setAccreditedDomains(domains);
    await tx.reference.setBankHolidays(holidays);
    for (const [list, at] of Object.entries(imports)) if (at) await tx.reference.setImported(list as keyof typeof imports, at);
    for (const [odsCode, entry] of Object.entries(ledgerDspt)) await tx.reminders.setDspt(odsCode, entry);
    for (const [key, count] of Object.entries(failures)) await tx.counters.setTurnFailures(key, count);
    if (demoSeededAt !== null) await tx.counters.setDemoSeededAt(demoSeededAt);
    await tx.tickets.continueSequence(last);
  });
  progress('DPIA register entries', dpia.length, true);
  progress('DSPT statuses', dspt.length, true);
  progress('accredited domains', domains.length, true);
  progress('bank holidays', holidays?.length ?? 0, true);
  progress('list import dates', Object.keys(imports).length, true);
  progress('reminder ledger: DSPT', Object.keys(ledgerDspt).length, true);
  progress('failing conversations', Object.keys(failures).length, true);
  progress('demo seeded', demoSeededAt === null ? 0 : 1, true);
  progress('last ticket number', last, true);

  await copyRecords(destination, 'roster entries', await source.rosters.list(), (tx, entry) => tx.rosters.put(entry), progress);
  await copyRecords(destination, 'conversations', await source.conversations.list(), (tx, c) => tx.conversations.put(c), progress);
  await copyRecords(destination, 'notifications', await source.notifications.list(), (tx, n) => tx.notifications.put(n), progress);
  await copyRecords(destination, 'bot state items', await source.botState.list(), (tx, item) => tx.botState.put(item), progress);
  const ledgerIds = await source.reminders.ticketIds();
  let ledgerDone = 0;
  for (let start = 0; start < ledgerIds.length; start += BATCH) {
    const entries = await source.reminders.tickets(ledgerIds.slice(start, start + BATCH));
    await destination.transaction(async (tx) => {
      for (const [ticketId, entry] of Object.entries(entries)) await tx.reminders.setTicket(ticketId, entry);
    });
    ledgerDone += Object.keys(entries).length;
  }
  progress('reminder ledger: tickets', ledgerDone, true);

  // Recorded as they were (ids and times kept), in the order they were written. Before the live tickets: a lowdb
  // destination rewrites its live file with each batch, which is quicker while that file is still small.
  await inBatches(source.readAudit(), 'audit events', progress, (events: AuditEvent[]) =>
    destination.transaction((tx) => {
      for (const event of events) tx.audit(event);
    }),
  );
  await inBatches(source.tickets.archived(), 'archived tickets', progress, (tickets: WorkflowTicket[]) =>
    destination.importArchived(tickets),
  );
  await inBatches(source.tickets.stream(), 'live tickets', progress, (tickets) =>
    destination.transaction(async (tx) => {
      for (const ticket of tickets) await tx.tickets.insert(ticket);
    }),
  );
}

async function copyRecords<T>(
  destination: Store,
  kind: CountedKind,
  records: readonly T[],
  put: (tx: StoreTransaction, record: T) => Promise<void>,
  progress: CopyProgress,
): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH) {
    await destination.transaction(async (tx) => {
      for (const record of records.slice(start, start + BATCH)) await put(tx, record);
    });
  }
  progress(kind, records.length, true);
}

/** Writes a stream a batch at a time, telling progress every few batches (a large store takes a while). */
async function inBatches<T>(
  items: AsyncIterable<T>,
  kind: CountedKind,
  progress: CopyProgress,
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  let batch: T[] = [];
  let done = 0;
  for await (const item of items) {
    batch.push(item);
    if (batch.length < BATCH) continue;
    await write(batch);
    done += batch.length;
    batch = [];
    if (done % (BATCH * 5) === 0) progress(kind, done, false);
  }
  if (batch.length > 0) await write(batch);
  progress(kind, done + batch.length, true);
}

async function countOf(items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of items) count += 1;
  return count;
}
