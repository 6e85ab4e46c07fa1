import { ValidationError } from '../errors.js';
import type { AuditEvent } from '../model.js';
import { fsErrorCode } from './durableFs.js';
import { JsonLinesFile } from './jsonLinesFile.js';
import type { AuditQuery } from './store.js';

/**
 * The audit trail: `audit.jsonl`, one event per line, append-only.
 *
 * Events reach it through an outbox: a commit first writes them into the live file (`pendingAudit`) together with
 * the change, then appends them here. So an acknowledged event is always on disk in at least one of the two files,
 * and on open the outbox is compared with the end of this file so no event is appended twice.
 */
export class AuditLog {
  /** Events that are safe in the live file's outbox but whose append here failed; retried with the next commit. */
  #waiting: AuditEvent[] = [];
  #lastError: string | undefined;

  private constructor(private readonly lines: JsonLinesFile) {}

  /** Opens the trail, cutting a torn last line left by a crash mid-append. */
  static async open(file: string): Promise<AuditLog> {
    return new AuditLog(await JsonLinesFile.open(file));
  }

  /** Events waiting for a retry of their append; they are part of the next commit's outbox. */
  get waiting(): readonly AuditEvent[] {
    return this.#waiting;
  }

  /** Why the last append failed, while events are still waiting. */
  get problem(): string | undefined {
    return this.#waiting.length > 0 ? this.#lastError : undefined;
  }

  /**
   * On open: appends the outbox events the file does not end with yet. Appends are in order, so the file can only
   * end with a leading part of the outbox; that part is skipped. Returns how many were appended.
   */
  async recover(outbox: readonly AuditEvent[]): Promise<number> {
    if (outbox.length === 0) return 0;
    // If the end of the trail cannot be read, stop: appending the whole outbox blind could record events twice.
    const tail = await this.lines.lastLines<Partial<AuditEvent>>(outbox.length);
    const already = longestDeliveredPrefix(tail, outbox);
    const missing = outbox.slice(already);
    await this.lines.append(missing);
    return missing.length;
  }

  /**
   * After a commit put `outbox` in the live file: appends it here. Never throws: the events are already durable in
   * the outbox, so a failure only keeps them waiting for the next commit (and shows in health()).
   */
  async deliver(outbox: readonly AuditEvent[]): Promise<boolean> {
    try {
      await this.lines.append(outbox);
      this.#waiting = [];
      return true;
    } catch (err) {
      this.#waiting = [...outbox];
      this.#lastError = fsErrorCode(err);
      return false;
    }
  }

  /** Events in the order they were written, filtered by time window and ticket; streamed, never loaded whole. */
  async *query(query: AuditQuery = {}): AsyncGenerator<AuditEvent> {
    const matches = auditFilter(query);
    const ticketNeedle = query.ticketId === undefined ? undefined : JSON.stringify(query.ticketId);
    // Taken together, with no await between: the file's acknowledged size and the events still waiting are one moment.
    const waiting = this.#waiting;
    const lines = this.lines.lines<AuditEvent>((line) => ticketNeedle === undefined || line.includes(ticketNeedle), this.lines.size);
    for await (const event of lines) if (matches(event)) yield event;
    for (const event of waiting) if (matches(event)) yield event;
  }
}

/** The test an event must pass for `query` (from inclusive, to exclusive, ticket); throws ValidationError on a bad date. */
export function auditFilter(query: AuditQuery): (event: AuditEvent) => boolean {
  const from = query.from === undefined ? undefined : isoBound(query.from, 'from');
  const to = query.to === undefined ? undefined : isoBound(query.to, 'to');
  return (event) =>
    (from === undefined || event.at >= from) &&
    (to === undefined || event.at < to) &&
    (query.ticketId === undefined || event.ticketId === query.ticketId);
}

function longestDeliveredPrefix(tail: readonly Partial<AuditEvent>[], outbox: readonly AuditEvent[]): number {
  for (let length = Math.min(tail.length, outbox.length); length > 0; length -= 1) {
    const ending = tail.slice(tail.length - length);
    if (ending.every((event, i) => event.id === outbox[i].id)) return length;
  }
  return 0;
}

/**
 * Audit times are ISO 8601 UTC strings, which sort as text. A bound may be a date or a full timestamp; it is
 * normalised the same way so that comparing text compares instants. `from` is inclusive, `to` exclusive.
 */
export function isoBound(value: string, name: 'from' | 'to'): string {
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new ValidationError(`The audit "${name}" date "${value}" is not a date (use for example 2026-03-31 or 2026-03-31T09:00:00Z).`, {
      [name]: value,
    });
  return new Date(time).toISOString();
}
