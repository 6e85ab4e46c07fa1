/**
 * The queries the store answers, named for the real access paths, and what each record kind is keyed by. Pure: every
 * implementation runs the same tests (`ticketMatches` …) where it has no index of its own, so they all agree.
 */
import { normaliseOdsCode } from '../rules/ods.js';
import type { DsptRecord, NotificationRecord, RosterEntry, RosterKind, TicketKind, TicketState, WorkflowTicket } from '../model.js';

/** Live tickets by what the helpdesk, the reminders and the conversations look for. Every field given must match. */
export interface TicketQuery {
  states?: readonly TicketState[];
  kind?: TicketKind;
  /** The ICB code of the ticket's ICS. */
  ics?: string;
  /** The assignee's aadObjectId. */
  assignee?: string;
  /** The requester's aadObjectId. */
  requester?: string;
  /** The organisation's ODS code (any case). */
  odsCode?: string;
  /** The submission a ticket was created from (a retried submission finds its ticket). */
  submissionId?: string;
  /** ISO instant: tickets whose current state began before it (the reminder sweep's candidates). */
  stateEnteredBefore?: string;
  /** Tickets with one of these ids (with list(), live ones only: get() falls back to the archive; a report's tickets in the archive). */
  ids?: readonly string[];
  /** Part of the ticket id, as typed into the helpdesk tab ("UCP 123" asks for ids containing 123). */
  idContains?: string;
}

/** Roster entries by role and scope (the ICB code for ICS leads and channels) and id (a person's aadObjectId, a channel's id). */
export interface RosterQuery {
  kind?: RosterKind;
  scope?: string;
  id?: string;
}

/** Messages owed: those still pending whose next attempt is due by `dueBy`; or every record created before an instant. */
export interface NotificationQuery {
  status?: NotificationRecord['status'];
  /** ISO instant: nextAttemptAt at or before it. */
  dueBy?: string;
  /** ISO instant: created before it (pruning delivered messages). */
  createdBefore?: string;
  /** One recipient's messages, by conversation key or aadObjectId. */
  recipient?: { conversationKey?: string; aadObjectId?: string };
}

/** A page of a sorted result: `offset` records skipped, at most `limit` returned. */
export interface Page {
  offset?: number;
  limit: number;
}

export function ticketMatches(ticket: Readonly<WorkflowTicket>, query: TicketQuery): boolean {
  if (query.states && !query.states.includes(ticket.state)) return false;
  if (query.kind !== undefined && ticket.kind !== query.kind) return false;
  if (query.ics !== undefined && ticket.organisation?.icbCode !== query.ics) return false;
  if (query.assignee !== undefined && ticket.assignee?.aadObjectId !== query.assignee) return false;
  if (query.requester !== undefined && ticket.requester?.aadObjectId !== query.requester) return false;
  if (query.odsCode !== undefined && normaliseOdsCode(ticket.organisation?.odsCode ?? '') !== normaliseOdsCode(query.odsCode)) return false;
  if (query.submissionId !== undefined && ticket.submissionId !== query.submissionId) return false;
  if (query.stateEnteredBefore !== undefined && !(ticketStateEnteredAt(ticket) < query.stateEnteredBefore)) return false;
  if (query.ids !== undefined && !query.ids.includes(ticket.id)) return false;
  if (query.idContains !== undefined && !ticket.id.includes(query.idContains)) return false;
  return true;
}

/** When the ticket's current state began (older tickets lack the field: their last update stands in). */
export function ticketStateEnteredAt(ticket: Readonly<WorkflowTicket>): string {
  return ticket.stateEnteredAt ?? ticket.updatedAt;
}

export function rosterMatches(entry: Readonly<RosterEntry>, query: RosterQuery): boolean {
  return (
    (query.kind === undefined || entry.kind === query.kind) &&
    (query.scope === undefined || entry.scope === query.scope) &&
    (query.id === undefined || entry.id.toLowerCase() === query.id.toLowerCase())
  );
}

export function notificationMatches(record: Readonly<NotificationRecord>, query: NotificationQuery): boolean {
  if (query.status !== undefined && record.status !== query.status) return false;
  if (query.dueBy !== undefined && !(record.nextAttemptAt <= query.dueBy)) return false;
  if (query.createdBefore !== undefined && !(record.createdAt < query.createdBefore)) return false;
  const recipient = query.recipient;
  if (recipient?.conversationKey !== undefined && record.recipient.conversationKey !== recipient.conversationKey) return false;
  if (recipient?.aadObjectId !== undefined && record.recipient.aadObjectId !== recipient.aadObjectId) return false;
  return true;
}

/** The DSPT rows of one organisation, its code compared as every ODS code is (any case, spaces ignored). */
export function dsptRowsFor(rows: readonly DsptRecord[], odsCode: string): DsptRecord[] {
  const wanted = normaliseOdsCode(odsCode);
  return rows.filter((row) => normaliseOdsCode(row.odsCode) === wanted);
}

/** One roster entry per role, scope and id. */
export function rosterKey(entry: Pick<RosterEntry, 'kind' | 'scope' | 'id'>): string {
  return `${entry.kind}\u0000${entry.scope ?? ''}\u0000${entry.id.toLowerCase()}`;
}
