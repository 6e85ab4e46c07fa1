/** The words on the ticket cards. Plain English for people; no internal names or codes. */
import { VERB_DONE } from './verbDone.js';
import type { PersonRef, Stamp, TicketKind, TicketOrganisation, TicketState, WorkflowTicket } from '../data/model.js';
import { parseDsptStatus } from '../data/rules/dspt.js';
import { icsByCode } from '../data/rules/ics.js';
import { formerVerbRole, recordedVerb, rulesFor, type ActorRole } from '../data/workflow/transitions.js';
import { formatCardTime } from './cardTime.js';

/** What kind of request a card is about, as its heading. */
export const KIND_HEADING: Readonly<Record<TicketKind, string>> = {
  organisationAccess: 'Organisation access request',
  addUsers: 'Request to add users',
  deactivateUsers: 'Request to remove leavers',
  question: 'Question for the helpdesk',
};

/** The helpdesk's checks (source 001), as they read them: one list, the workflow's. */
export { CHECKLIST_LABEL } from '../data/workflow/refusalWording.js';

const LOCATION: Readonly<Record<TicketOrganisation['location'], string>> = {
  london: 'London',
  commissioned: 'Outside London, commissioned to serve Londoners',
  outside: 'Outside London',
};

/** The ICS's name for an ICB code, or the code itself when the shipped list does not know it. */
export function icsName(icbCode: string | undefined): string {
  if (!icbCode) return 'its ICS';
  return icsByCode(icbCode)?.name ?? icbCode;
}

/** The organisation as a card's subject line: "Rosewood Court Care Home (VN4K2)". */
export function organisationLine(ticket: WorkflowTicket): string {
  const org = ticket.organisation;
  return org ? `${org.name} (${org.odsCode})` : 'No organisation given';
}

/** The ticket's state for someone watching it (ICS leads, the helpdesk, everyone else). */
export function statusText(ticket: WorkflowTicket): string {
  const text: Record<TicketState, string> = {
    submitted: 'Received, being passed to the right team',
    awaitingIcsApproval: `Waiting for approval from the ${icsName(ticket.organisation?.icbCode)} governance lead`,
    awaitingHelpdesk: 'Waiting for the UCP helpdesk',
    assigned: 'Being handled by the UCP helpdesk',
    needsInformation: 'Waiting for more information from the care home',
    resolved: 'Resolved by the UCP helpdesk',
    closed: 'Closed',
    archived: 'Closed and archived',
    rejected: 'Not approved',
    withdrawn: 'Withdrawn',
  };
  return text[ticket.state] ?? 'Unknown';
}

/**
 * "Approved by Sam Lead, South East London governance lead, Mon 2 Mar, 10:04"; empty when nothing is recorded. The person
 * is named in the role they acted in (one person may be requester, ICS lead and helpdesk agent at once).
 * `showRequesterName` is false on every card but the helpdesk's: there, someone acting as the requester is "the care home".
 */
export function lastActionText(ticket: WorkflowTicket, now: Date, showRequesterName: boolean): string {
  const last = ticket.lastAction;
  if (!last) return '';
  const done = VERB_DONE[recordedVerb(last.verb) ?? last.verb] ?? 'Updated';
  return `${done} ${actorText(last.by, last.role ?? roleFromVerb(last.verb), ticket, showRequesterName)}, ${formatCardTime(last.at, now)}`;
}

/** "Ticked by Sam Agent, UCP helpdesk, Mon 2 Mar, 10:04" or "Not ticked yet", for one checklist item (only the helpdesk ticks). */
export function checklistStampText(stamp: Stamp | undefined, ticket: WorkflowTicket, now: Date): string {
  if (!stamp) return 'Not ticked yet';
  return `Ticked ${actorText(stamp.by, 'helpdeskAgent', ticket, true)}, ${formatCardTime(stamp.at, now)}`;
}

/** A ticket stored before `lastAction.role` existed: the role, where only one person's role may use the verb. */
function roleFromVerb(recorded: string): ActorRole | undefined {
  const former = formerVerbRole(recorded);
  if (former) return former;
  const verb = recordedVerb(recorded);
  if (!verb) return undefined;
  const roles = [...new Set(rulesFor(verb).flatMap((rule) => rule.who))].filter((role) => role !== 'system');
  return roles.length === 1 ? roles[0] : undefined;
}

function actorText(by: PersonRef | 'system', role: ActorRole | undefined, ticket: WorkflowTicket, showRequesterName: boolean): string {
  if (by === 'system') return 'automatically';
  const name = by.name?.trim() || 'a colleague';
  switch (role) {
    case 'icsLead':
      return `by ${name}, ${icsName(ticket.organisation?.icbCode)} governance lead`;
    case 'helpdeskAgent':
      return `by ${name}, UCP helpdesk`;
    case 'requester':
      return showRequesterName ? `by ${name}, the care home` : 'by the care home';
    // The role is not known (an older ticket, a verb more than one role may use): the name alone, never a guessed role.
    default:
      return by.aadObjectId === ticket.requester?.aadObjectId && !showRequesterName ? 'by the care home' : `by ${name}`;
  }
}

/**
 * The organisation rows an ICS lead needs to decide, read on `today` (yyyy-mm-dd, London); the helpdesk card adds its own.
 * `checklist` is the ticket's: once the helpdesk ticks "ODS verified", no card or tab says "ODS not yet verified" any more.
 */
export function organisationFacts(
  org: TicketOrganisation,
  today: string,
  checklist?: WorkflowTicket['checklist'],
): { label: string; value: string }[] {
  return [
    { label: 'Organisation', value: org.name },
    { label: 'ODS code', value: `${org.odsCode} (${odsText(org, checklist)})` },
    { label: 'ICS', value: icsName(org.icbCode) },
    { label: 'Borough', value: org.borough?.trim() || 'Not given' },
    { label: 'Location', value: LOCATION[org.location] ?? 'Not given' },
    { label: 'DSPT status', value: dsptStatusText(org.dsptStatus, today) },
    { label: 'DPIA', value: org.namedInDpia ? 'Named in the ICS onboarding DPIA' : 'Not named in the ICS onboarding DPIA' },
  ];
}

/** Whether the ODS code is known good: checked against the NHS directory when asked for, or by the helpdesk since. */
function odsText(org: TicketOrganisation, checklist: WorkflowTicket['checklist'] | undefined): string {
  if (checklist?.odsVerified)
    return checklist.odsVerified.by === 'system' ? 'ODS verified automatically with the ODS directory' : 'ODS verified by the UCP helpdesk';
  return org.odsVerified === true ? 'ODS verified' : 'ODS not yet verified';
}

/** The published status as given; one dated after today is never shown as if it counted (data/rules/dspt.ts parseDsptStatus). */
function dsptStatusText(status: string | undefined, today: string): string {
  if (!status?.trim()) return 'No published status found';
  return parseDsptStatus(status, today).notYetPossible
    ? `${status} (as published, but dated after today: it counts as unknown, not met)`
    : `${status} (as published)`;
}

/** The reason on a turned-down or needs-information ticket, for the ICS and helpdesk cards; undefined otherwise. */
export function watcherReason(ticket: WorkflowTicket): { label: string; text: string } | undefined {
  const text = ticket.reason?.trim();
  if (!text) return undefined;
  if (ticket.state === 'rejected') return { label: 'Reason given', text };
  if (ticket.state === 'needsInformation') return { label: 'Information asked for', text };
  return undefined;
}

/** "Non-Clinical", or who decides when the job title is not in the table. */
export function roleText(role: string | null): string {
  return role ?? 'role: helpdesk decides';
}
