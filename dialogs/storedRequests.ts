/**
 * Requests as the conversations look them up when history matters: the live ones and those the hourly archive run has
 * moved out, so a manager whose organisation's request was archived is still known as onboarded and still sees it.
 */
import type { WorkflowTicket } from '../data/model.js';
import type { TicketQuery } from '../data/store/records.js';
import type { Store } from '../data/store/store.js';

/**
 * The tickets matching `query`, live first (oldest first), then the archived ones (oldest first). A ticket found in both
 * (a crash between the two halves of an archive move) comes once, as its live copy.
 */
export async function liveAndArchived(store: Store, query: TicketQuery): Promise<WorkflowTicket[]> {
  const found = await store.tickets.list(query);
  const live = new Set(found.map((ticket) => ticket.id));
  for await (const ticket of store.tickets.archived(query)) if (!live.has(ticket.id)) found.push(ticket);
  return found;
}
