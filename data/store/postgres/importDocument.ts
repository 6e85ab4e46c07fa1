/**
 * Fills an empty PostgreSQL store from a live document (any schema version the lowdb store reads): how a store opened
 * `from` a document starts, and the first half of moving a lowdb deployment over. The document is migrated and checked
 * before anything is written, so a document of the wrong shape is refused (StoreCorruptError) with the database untouched.
 */
import type pg from 'pg';
import { validateLiveFile, type LiveFile } from '../liveFile.js';
import { migrateLiveFile } from '../migrations.js';
import type { LiveData } from '../store.js';
import type { PostgresTransaction } from './transaction.js';

/** The document brought up to the current schema and checked; throws StoreCorruptError when it cannot be. */
export function checkedDocument(document: Partial<LiveData> & { schemaVersion?: number }, name: string): LiveFile {
  const copy = structuredClone(document) as unknown as Record<string, unknown>;
  return validateLiveFile(migrateLiveFile(copy, name).document, name);
}

/** Writes everything the document holds through the transaction, and moves the ticket sequence on to its last number. */
export async function importDocument(client: pg.PoolClient, tx: PostgresTransaction, document: LiveFile): Promise<void> {
  for (const ticket of document.tickets) await tx.tickets.insert(ticket);
  for (const entry of document.rosters) await tx.rosters.put(entry);
  for (const conversation of document.conversations) await tx.conversations.put(conversation);
  for (const notification of document.notifications) await tx.notifications.put(notification);
  for (const [key, item] of Object.entries(document.botState)) await tx.botState.put({ key, ...item });
  await tx.reference.setDpiaRegister(document.dpiaRegister);
  await tx.reference.setDsptStatuses(document.dsptStatuses);
  await tx.reference.setAccreditedDomains(document.accreditedDomains);
  await tx.reference.setBankHolidays(document.bankHolidays);
  for (const [list, at] of Object.entries(document.imports)) if (at) await tx.reference.setImported(list as keyof LiveData['imports'], at);
  for (const [ticketId, entry] of Object.entries(document.reminderLedger.tickets)) await tx.reminders.setTicket(ticketId, entry);
  for (const [odsCode, entry] of Object.entries(document.reminderLedger.dspt)) await tx.reminders.setDspt(odsCode, entry);
  for (const [key, count] of Object.entries(document.turnFailures)) await tx.counters.setTurnFailures(key, count);
  if (document.demoSeededAt !== null) await tx.counters.setDemoSeededAt(document.demoSeededAt);
  // setval(…, n, true): the next number handed out is n + 1; with no number handed out yet, the next is 1.
  if (document.ticketSequence > 0) await client.query(`SELECT setval('ticket_sequence', $1, true)`, [document.ticketSequence]);
}
