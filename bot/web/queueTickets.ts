/**
 * The tickets a queue request looks at: the live file's, and the archive's when the state filter can show finished tickets
 * ('all', 'closed', 'archived'). The archive is streamed and only matching tickets are kept, so its size costs time, not memory.
 */
import type { WorkflowTicket } from '../../data/model.js';
import { ARCHIVABLE_STATES } from '../../data/store/ticketArchive.js';
import type { Store } from '../../data/store/store.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import type { ReminderThresholds } from '../reminders/thresholds.js';
import { helpdeskQueue, matchesFilters, type QueueFilters, type QueueView } from './helpdeskQueue.js';
import { exactTicketFirst } from './queueSearch.js';

/** Whether a state filter can show archived tickets: only finished tickets are ever archived. */
export function includesArchive(state: string): boolean {
  return state === 'all' || ARCHIVABLE_STATES.has(state);
}

/** The whole queue for a request, in the order the tab shows it, and whether the archive was searched too. */
export interface FullQueue extends QueueView {
  searchedArchive: boolean;
}

/** Every matching row, before any paging. */
export async function fullQueue(
  store: Store,
  calendar: WorkingCalendar,
  now: Date,
  thresholds: ReminderThresholds,
  filters: QueueFilters,
): Promise<FullQueue> {
  const searchedArchive = includesArchive(filters.state);
  // The archive is read before the live file: a ticket archived meanwhile is then in the live file (or, if the archive run
  // finished in between, missed by this one request), never shown twice. A later copy of an id replaces an earlier one.
  const archived = new Map<string, WorkflowTicket>();
  if (searchedArchive) {
    for await (const ticket of store.archivedTickets(prefilter(filters))) {
      if (matchesFilters(ticket, filters)) archived.set(ticket.id, ticket);
      else archived.delete(ticket.id);
    }
  }
  // Reads without the write guard: everything the queue keeps is a fresh string or number.
  const view = store.scan((data) => {
    const live = data.tickets;
    for (const ticket of live) archived.delete(ticket.id);
    return helpdeskQueue([...live, ...archived.values()], data.rosters, calendar, now, thresholds, filters, new Set(archived.keys()));
  });
  return { ...view, rows: exactTicketFirst(view.rows, filters.search), searchedArchive };
}

// A stored line holds a ticket's JSON exactly as JSON.stringify wrote it, so some lines can be skipped without being parsed:
// one lacking the ICS code the filter asks for, or, for "UCP 123", one lacking those digits (an id is "UCP-" and digits).
function prefilter(filters: QueueFilters): ((line: string) => boolean) | undefined {
  const needles: string[] = [];
  if (filters.ics !== '') needles.push(`"icbCode":${JSON.stringify(filters.ics)}`);
  if (filters.search?.ticketDigits !== undefined) needles.push(filters.search.ticketDigits);
  if (needles.length === 0) return undefined;
  return (line) => needles.every((needle) => line.includes(needle));
}
