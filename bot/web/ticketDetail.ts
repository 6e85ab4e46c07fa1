/** One ticket as the helpdesk tab opens it: its facts, the people in it and its audit trail. Pure. */
import { type AuditEvent, type PersonRef, type RosterEntry, type WorkflowTicket } from '../../data/model.js';
import { KIND_HEADING, organisationFacts, roleText } from '../../cards/cardText.js';
import { checklistLines } from '../../cards/checklistText.js';
import { formatCardTime } from '../../cards/cardTime.js';
import { londonToday } from '../../data/rules/londonTime.js';
import { reminderLine } from '../../cards/reminderLines.js';
import { actionLabel, STATE_LABEL, stateLabel } from './tabWording.js';
import { whoHasIt } from './whoHasIt.js';

/** A labelled fact about the ticket. */
export interface Fact {
  label: string;
  value: string;
}

/** One line of the audit trail, with the actor named where the rosters or the ticket know them. */
export interface AuditLine {
  at: string;
  /** `at` as London clocks show it. */
  when: string;
  who: string;
  what: string;
  from: string;
  to: string;
  reason: string;
}

/** What GET /api/tab/tickets/:id answers. Personal data: served only to helpdesk roster members (or in local mode). */
export interface TicketDetail {
  id: string;
  heading: string;
  state: string;
  stateLabel: string;
  facts: Fact[];
  people: { name: string; jobTitle: string; role: string; email: string }[];
  leavers: { name: string; email: string; lastWorkingDay: string }[];
  /** `status` says who ticked it (an agent, or the service automatically) or why not; `evidence` what the automatic check found. */
  checklist: { label: string; done: boolean; automatic: boolean; mark: string; status: string; evidence: string }[];
  /** Every reminder and escalation the sweep recorded on the ticket, oldest first, as sentences. */
  reminders: string[];
  audit: AuditLine[];
}

const PRIORITY: Readonly<Record<string, string>> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** What the tab shows of one ticket (live or archived), from the ticket and its audit events. */
export function ticketDetail(
  ticket: WorkflowTicket,
  audit: readonly AuditEvent[],
  rosters: readonly RosterEntry[],
  now: Date,
): TicketDetail {
  const names = knownNames(ticket, rosters);
  const facts: Fact[] = [
    { label: 'Status', value: STATE_LABEL[ticket.state] ?? ticket.state },
    { label: 'Priority', value: PRIORITY[ticket.priority] ?? 'Normal' },
    { label: 'Received', value: formatCardTime(ticket.createdAt, now) },
    { label: 'Last changed', value: formatCardTime(ticket.updatedAt, now) },
    { label: 'Asked by', value: personText(ticket.requester, ticket.requester?.email) },
    { label: 'Assigned to', value: ticket.assignee ? (names.get(ticket.assignee.aadObjectId) ?? 'A colleague') : 'Nobody yet' },
    { label: 'Who has it', value: whoHasIt(ticket, names) },
    ...(ticket.organisation
      ? organisationFacts(ticket.organisation, londonToday(now), ticket.checklist)
      : [{ label: 'Organisation', value: 'No organisation given' }]),
  ];
  if (ticket.question?.trim()) facts.push({ label: 'Question', value: ticket.question });
  if (ticket.reason?.trim()) facts.push({ label: 'Last reason given', value: ticket.reason });

  return {
    id: ticket.id,
    heading: `${KIND_HEADING[ticket.kind] ?? 'Request'} ${ticket.id}`,
    state: ticket.state,
    stateLabel: STATE_LABEL[ticket.state] ?? ticket.state,
    facts,
    people: (ticket.users ?? []).map((u) => ({ name: u.name, jobTitle: u.jobTitle, role: roleText(u.role), email: u.email })),
    leavers: (ticket.leavers ?? []).map((l) => ({ name: l.name, email: l.email, lastWorkingDay: l.lastWorkingDay })),
    checklist: checklistLines(ticket, now, names).map((line) => ({
      label: line.label,
      done: line.ticked,
      automatic: line.automatic,
      mark: line.mark,
      status: line.status,
      evidence: line.evidence,
    })),
    reminders: (ticket.remindersSent ?? [])
      .map((mark) => reminderLine(mark, ticket, now))
      .filter((line): line is string => line !== undefined),
    audit: audit.map((event) => ({
      at: event.at,
      when: formatCardTime(event.at, now),
      who: event.actor === 'system' ? 'The service' : (names.get(event.actor) ?? 'Someone not on a roster'),
      what: actionLabel(event.action),
      from: stateLabel(event.from),
      to: stateLabel(event.to),
      reason: event.reason ?? '',
    })),
  };
}

function personText(person: PersonRef | undefined, email: string | undefined): string {
  const name = person?.name?.trim() || 'Name not given';
  return email ? `${name} <${email}>` : name;
}

// Everyone this ticket can name: its requester, assignee and the people on its stamps, then the rosters (current names win).
function knownNames(ticket: WorkflowTicket, rosters: readonly RosterEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  const add = (person: PersonRef | 'system' | undefined) => {
    if (person && person !== 'system' && person.name?.trim()) names.set(person.aadObjectId, person.name.trim());
  };
  add(ticket.requester);
  add(ticket.assignee);
  add(ticket.lastAction?.by);
  for (const stamp of Object.values(ticket.checklist ?? {})) add(stamp?.by);
  for (const entry of rosters)
    if (entry.displayName?.trim() && entry.kind !== 'icsChannel' && entry.kind !== 'helpdeskChannel')
      names.set(entry.id, entry.displayName.trim());
  return names;
}
