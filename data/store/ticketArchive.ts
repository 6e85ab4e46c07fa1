import type { Ticket, WorkflowTicket } from '../model.js';
import { CLOSED_STATES } from '../workflow/transitions.js';
import { JsonLinesFile } from './jsonLinesFile.js';

/** States whose tickets leave the live file when the archive runs. */
export const ARCHIVABLE_STATES: ReadonlySet<string> = new Set(CLOSED_STATES);

/** Whether the archive run moves this ticket out of the live file. */
export function isArchivable(ticket: Pick<Ticket, 'state'>): boolean {
  return ARCHIVABLE_STATES.has(ticket.state);
}

/**
 * Closed tickets, one per line in `archive.jsonl`, kept out of the live file so every commit stays small. Only `append`
 * writes the file and it takes the live file's WorkflowTicket records, so each line read back is typed as one.
 * A crash between appending here and removing the ticket from the live file can leave a ticket in both, or
 * (after a later run) twice here: harmless, because a lookup takes the last line written for that id.
 */
export class TicketArchive {
  private constructor(private readonly lines: JsonLinesFile) {}

  /** Opens the archive, cutting a torn last line left by a crash mid-append. */
  static async open(file: string): Promise<TicketArchive> {
    return new TicketArchive(await JsonLinesFile.open(file));
  }

  /** Appends the tickets and resolves once they are on disk; only then may they leave the live file. */
  async append(tickets: readonly WorkflowTicket[]): Promise<void> {
    await this.lines.append(tickets);
  }

  /** The most recently archived copy of a ticket, streaming the file so its size does not matter. */
  async find(id: string): Promise<WorkflowTicket | undefined> {
    // A line that does not contain the id as a JSON string cannot be that ticket: skip it without parsing.
    const needle = JSON.stringify(id);
    let found: WorkflowTicket | undefined;
    for await (const ticket of this.lines.lines<WorkflowTicket>((line) => line.includes(needle))) {
      if (ticket.id === id) found = ticket;
    }
    return found;
  }

  /**
   * Every archived copy, oldest first (a ticket archived twice comes twice: the later copy is the one that counts);
   * `wanted` skips lines cheaply before they are parsed. Streams the file, so its size does not matter.
   */
  all(wanted?: (line: string) => boolean): AsyncIterable<WorkflowTicket> {
    return this.lines.lines<WorkflowTicket>(wanted);
  }
}

/** A cheap test before parsing a line: with a few ids, the line must contain one of them as a JSON string. */
export function mayHoldOneOf(ids: ReadonlySet<string>): (line: string) => boolean {
  if (ids.size === 0) return () => false;
  // Past a few dozen ids, testing each is slower than parsing every line.
  if (ids.size > 32) return () => true;
  const needles = [...ids].map((id) => JSON.stringify(id));
  return (line) => needles.some((needle) => line.includes(needle));
}

/** The most recently archived copy of each ticket in `ids`, in one pass over the archive (the store's, or a snapshot's). */
export function findArchivedTickets(
  archived: (wanted: (line: string) => boolean) => AsyncIterable<WorkflowTicket>,
  ids: ReadonlySet<string>,
): Promise<WorkflowTicket[]> {
  return latestOf(archived(mayHoldOneOf(ids)), ids);
}

/** The last copy of each wanted ticket among `tickets` (a ticket archived twice after a crash appears twice). */
export async function latestOf(tickets: AsyncIterable<WorkflowTicket>, ids: ReadonlySet<string>): Promise<WorkflowTicket[]> {
  const latest = new Map<string, WorkflowTicket>();
  for await (const ticket of tickets) if (ids.has(ticket.id)) latest.set(ticket.id, ticket);
  return [...latest.values()];
}
