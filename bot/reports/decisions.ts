/**
 * Decisions: who decided what on which request, in which role, and when, from the audit trail.
 * Pure: the events, the tickets they name (live or archived) and the rosters come in.
 */
import type { AuditEvent, RosterEntry, TicketState, WorkflowTicket } from '../../data/model.js';
import { recordedVerb, ruleFor, type ActorRole } from '../../data/workflow/transitions.js';
import { actionLabel, stateLabel } from '../web/tabWording.js';
import { actorName, icsLabel, peopleNames, roleLabel } from './reportPeople.js';
import { inWindow, reportTime, type ReportFilters } from './reportWindow.js';

/**
 * The audit actions that are decisions about a request: what the ICS lead, the helpdesk, the care home or the service
 * decided. Receipt and routing, the care home's answers, checklist ticks and archiving are records, not decisions.
 */
const DECISION_ACTIONS: ReadonlySet<string> = new Set([
  'approve',
  'reject',
  'requestInformation',
  'seekIcsApproval',
  'assign',
  'confirmChecks',
  'setPriority',
  'escalate',
  'resolve',
  'close',
  'withdraw',
]);

/** Whether an audit action is a decision; an action under a former name counts as the verb it is now. */
export function isDecision(action: string): boolean {
  return DECISION_ACTIONS.has(recordedVerb(action) ?? action);
}

/** One decision. */
export interface DecisionRow {
  at: string;
  /** `at` as London clocks show it. */
  when: string;
  ticket: string;
  icbCode: string;
  ics: string;
  organisation: string;
  decision: string;
  who: string;
  role: string;
  from: string;
  to: string;
  reason: string;
}

/** The decisions in the window, oldest first, of the ICS if given. */
export function decisions(
  events: Iterable<AuditEvent>,
  tickets: ReadonlyMap<string, WorkflowTicket>,
  rosters: readonly RosterEntry[],
  filters: ReportFilters,
): DecisionRow[] {
  const names = peopleNames(tickets.values(), rosters);
  const rows: DecisionRow[] = [];
  for (const event of events) {
    if (!isDecision(event.action) || !inWindow(event.at, filters.window)) continue;
    const ticket = event.ticketId === undefined ? undefined : tickets.get(event.ticketId);
    const icbCode = ticket?.organisation?.icbCode ?? '';
    if (filters.icbCode !== undefined && icbCode !== filters.icbCode) continue;
    rows.push({
      at: event.at,
      when: reportTime(event.at),
      ticket: event.ticketId ?? '',
      icbCode,
      ics: ticket ? icsLabel(icbCode) : 'Not known (the request was not found)',
      organisation: ticket?.organisation
        ? `${ticket.organisation.name} (${ticket.organisation.odsCode})`
        : ticket
          ? 'No organisation given'
          : '',
      decision: actionLabel(event.action),
      who: actorName(event.actor, names),
      role: roleLabel(roleOf(event), icbCode),
      from: stateLabel(event.from),
      to: stateLabel(event.to),
      reason: event.reason ?? '',
    });
  }
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * The role the actor decided in. The audit event records the person, not the role; the transition table gives it: for
 * every verb and state it allows one role of person at most, plus the service.
 */
export function roleOf(event: Pick<AuditEvent, 'actor' | 'action' | 'from'>): ActorRole | undefined {
  if (event.actor === 'system') return 'system';
  const verb = recordedVerb(event.action);
  if (!verb || event.from === undefined) return undefined;
  const people = ruleFor(verb, event.from as TicketState)?.who.filter((role) => role !== 'system') ?? [];
  return people.length === 1 ? people[0] : undefined;
}
