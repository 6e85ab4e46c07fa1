import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditEvent, WorkflowTicket } from '../model.js';
import { auditFilter } from './auditLog.js';
import { findArchivedTickets } from './ticketArchive.js';
import { readLiveSnapshot } from './liveSnapshot.js';
import type { AuditQuery } from './store.js';

/**
 * Read-only views of the append-only files, for look-ups (the admin CLI) that must work while the bot owns the folder.
 * They take no lock and write nothing: a line being appended at this moment is simply not seen yet.
 */

/** Streams the parsed lines of a JSON-lines file, oldest first; a missing file is empty, a torn or partial line is skipped. */
async function* jsonLines<T>(file: string, wanted: (line: string) => boolean = () => true): AsyncGenerator<T> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = await new Promise<boolean>((resolve, reject) => {
    stream.once('open', () => resolve(true));
    stream.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? resolve(false) : reject(err)));
  });
  if (!opened) return;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (line.trim() === '' || !wanted(line)) continue;
    try {
      yield JSON.parse(line) as T;
    } catch {
      // Only the last line can be torn (a crash mid-append, repaired when the store next opens): skip it.
    }
  }
}

/** Audit events of a data folder matching `query`, including any still in the live file's outbox. */
export async function* readAuditSnapshot(dir: string, query: AuditQuery = {}): AsyncGenerator<AuditEvent> {
  const matches = auditFilter(query);
  const needle = query.ticketId === undefined ? undefined : JSON.stringify(query.ticketId);
  const outbox = (await readLiveSnapshot(dir)).pendingAudit;
  const outboxIds = new Set(outbox.map((e) => e.id));
  const seen = new Set<string>();
  for await (const event of jsonLines<AuditEvent>(path.join(dir, 'audit.jsonl'), (line) => needle === undefined || line.includes(needle))) {
    if (outboxIds.has(event.id)) seen.add(event.id);
    if (matches(event)) yield event;
  }
  for (const event of outbox) if (!seen.has(event.id) && matches(event)) yield event;
}

/** The archived copy of a ticket (the last one written wins), or undefined; lines are what TicketArchive.append wrote. */
export async function findArchivedTicketSnapshot(dir: string, id: string): Promise<WorkflowTicket | undefined> {
  const needle = JSON.stringify(id);
  let found: WorkflowTicket | undefined;
  for await (const ticket of jsonLines<WorkflowTicket>(path.join(dir, 'archive.jsonl'), (line) => line.includes(needle))) {
    if (ticket.id === id) found = ticket;
  }
  return found;
}

/** The archived copies of the tickets in `ids` (the last one written of each), in one pass; for reports run from the CLI. */
export function findArchivedTicketsSnapshot(dir: string, ids: ReadonlySet<string>): Promise<WorkflowTicket[]> {
  return findArchivedTickets((wanted) => jsonLines<WorkflowTicket>(path.join(dir, 'archive.jsonl'), wanted), ids);
}
