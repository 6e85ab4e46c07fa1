/**
 * The tickets a queue request looks at: the live ones, and the archive's when the state filter can show finished tickets
 * ('all', 'closed', 'archived'). Both are streamed from the store and only matching tickets are kept, so their size costs time,
 * not memory.
 */
import type { WorkflowTicket } from '../../data/model.js';
import { ARCHIVABLE_STATES } from '../../data/store/ticketArchive.js';
import type { TicketQuery } from '../../data/store/records.js';
import type { Store } from '../../data/store/store.js';
import { OPEN_STATES, TICKET_STATES } from '../../data/workflow/transitions.js';
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
  const query = ticketQuery(filters);
  // The archive is read before the live tickets: a ticket archived meanwhile is then live (or, if the archive run finished
  // in between, missed by this one request), never shown twice.
  const archived = new Map<string, WorkflowTicket>();
  if (searchedArchive) {
    for await (const ticket of store.tickets.archived(query)) if (matchesFilters(ticket, filters)) archived.set(ticket.id, ticket);
  }
  const live: WorkflowTicket[] = [];
  for await (const ticket of store.tickets.stream(query)) {
    archived.delete(ticket.id);
    if (matchesFilters(ticket, filters)) live.push(ticket);
  }
  const agents = await store.rosters.list({ kind: 'helpdeskAgent' });
  const view = helpdeskQueue([...live, ...archived.values()], agents, calendar, now, thresholds, filters, new Set(archived.keys()));
  return { ...view, rows: exactTicketFirst(view.rows, filters.search), searchedArchive };
}

/**
 * The part of the filters the store answers: state, ICS, assignee, and the digits of a "UCP 123" search. The rest (nobody
 * assigned, the words of a search) is matched here, and the order (overdue first, longest wait) is the queue's own.
 */
export function ticketQuery(filters: QueueFilters): TicketQuery {
  const query: TicketQuery = {};
  if (filters.state === 'open') query.states = OPEN_STATES;
  else if (filters.state !== 'all') query.states = TICKET_STATES.filter((state) => state === filters.state);
  if (filters.ics !== '') query.ics = filters.ics;
  if (filters.assignee !== '' && filters.assignee !== 'unassigned') query.assignee = filters.assignee;
  if (filters.search?.ticketDigits !== undefined) query.idContains = filters.search.ticketDigits;
  return query;
}
