/** Gathers what a report needs from wherever the records are (the bot's store, or the CLI's read-only files) and builds it. */
import type { AuditEvent, ConversationRecord, NotificationRecord, RosterEntry, WorkflowTicket } from '../../data/model.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import type { AuditQuery } from '../../data/store/store.js';
import { decisions, isDecision } from './decisions.js';
import { decisionsTables, requestsTables, unreachableTables, type ReportName, type ReportView } from './reportTables.js';
import { requestsByIcs } from './requestsByIcs.js';
import type { ReportFilters } from './reportWindow.js';
import { unreachableManagers } from './unreachableManagers.js';

/** The live records a report reads: detached copies, so nothing changes under a report while it reads the audit trail. */
export interface ReportLive {
  tickets: WorkflowTicket[];
  rosters: RosterEntry[];
  notifications: NotificationRecord[];
  conversations: ConversationRecord[];
}

/** Where a report reads from; the tab passes the store, the CLI the data folder's files. */
export interface ReportSource {
  live(): ReportLive | Promise<ReportLive>;
  audit(query: AuditQuery): AsyncIterable<AuditEvent>;
  archived(ids: ReadonlySet<string>): Promise<WorkflowTicket[]>;
  calendar: WorkingCalendar;
  now: Date;
  /** The working day's length in hours (the reminder settings'). */
  dayHours: number;
}

/** Builds the named report from `source`, the same way for the admin CLI and the tab. */
export async function runReport(name: ReportName, filters: ReportFilters, source: ReportSource): Promise<ReportView> {
  const live = await source.live();
  switch (name) {
    case 'requests':
      return requestsTables(requestsByIcs(live.tickets, filters, source.calendar, source.now, source.dayHours));
    case 'decisions': {
      const events: AuditEvent[] = [];
      for await (const event of source.audit(filters.window)) if (isDecision(event.action)) events.push(event);
      const tickets = await withArchived(live.tickets, new Set(events.flatMap((e) => (e.ticketId ? [e.ticketId] : []))), source);
      return decisionsTables(decisions(events, tickets, live.rosters, filters));
    }
    case 'unreachable': {
      // A manager whose request has been closed and archived may still be owed its last message.
      const named = new Set(live.notifications.flatMap((n) => /^([A-Z]+-\d+):/.exec(n.key)?.[1] ?? []));
      const tickets = await withArchived(live.tickets, named, source);
      return unreachableTables(unreachableManagers(live.notifications, live.conversations, [...tickets.values()], filters));
    }
  }
}

async function withArchived(
  tickets: readonly WorkflowTicket[],
  wanted: ReadonlySet<string>,
  source: ReportSource,
): Promise<Map<string, WorkflowTicket>> {
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const missing = new Set([...wanted].filter((id) => !byId.has(id)));
  if (missing.size > 0) for (const ticket of await source.archived(missing)) byId.set(ticket.id, ticket);
  return byId;
}
