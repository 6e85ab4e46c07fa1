/** The helpdesk's view: everything on the ticket (e-mail addresses and registration numbers included) and its working buttons. */
import { CHECKLIST_ITEMS, type PersonRef, type TicketOrganisation, type TicketPriority, type WorkflowTicket } from '../data/model.js';
import { londonToday } from '../data/rules/londonTime.js';
import { formatCardTime } from './cardTime.js';
import { organisationTypeText, recheckFacts } from './organisationCheckText.js';
import { CHECKLIST_LABEL, checklistStampText, organisationFacts, roleText, watcherReason } from './cardText.js';
import { people } from './requesterText.js';
import { cardVerbsFor } from './ticketActions.js';
import { actionSwitches, clip, commonCardData, type TicketCardOptions } from './ticketCardView.js';
import { checklistInputId } from './verbs.js';

const PRIORITY: Readonly<Record<TicketPriority, string>> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** Used by buildTicketCard for `{ kind: 'helpdesk' }`: the data for templates/ticketHelpdesk.json. */
export function helpdeskCardData(ticket: WorkflowTicket, agents: readonly PersonRef[], options: TicketCardOptions, now: Date): object {
  const allowed = cardVerbsFor(ticket.state, 'helpdesk');
  const choices = agentChoices(agents);
  // The parser refuses a choice set with no choices, so Assign waits until the roster has someone on it.
  if (choices.length === 0) allowed.delete('assignTicket');
  const checklist = hasChecklist(ticket) ? checklistRows(ticket, now) : [];
  const reason = watcherReason(ticket);
  const users = ticket.users ?? [];
  const question = ticket.question?.trim() ?? '';
  return {
    ...commonCardData(ticket, options, now, true),
    reason: { show: reason !== undefined, label: reason?.label ?? '', text: clip(reason?.text ?? '') },
    ticketFacts: ticketFacts(ticket, now),
    question: { show: question !== '', text: clip(question) },
    facts: ticket.organisation
      ? [...organisationFacts(ticket.organisation, londonToday(now)), ...helpdeskOrganisationFacts(ticket.organisation), ...recheckFacts(ticket.organisation, now)] : [],
    usersSummary: `${people(users.length)} asked for access${users.length > MAX_LISTED ? ` (the first ${MAX_LISTED} shown; all of them: npm run admin -- ticket show ${ticket.id})` : ''}`,
    users: users.slice(0, MAX_LISTED).map((user) => ({
      name: user.name,
      jobTitle: user.jobTitle,
      role: roleText(user.role),
      email: user.email,
      registration: user.registration ? `${user.registration.body} ${user.registration.number}` : '',
      emailNote: [
        user.emailConfirmed ? 'The manager confirmed this address will be used appropriately for direct care.' : '',
        user.emailCheck ? `${user.emailCheck} The manager said it is this person's own.` : '',
      ].filter(Boolean).join(' '),
    })),
    leavers: (ticket.leavers ?? []).slice(0, MAX_LISTED).map((leaver) => ({ name: leaver.name, email: leaver.email, lastWorkingDay: leaver.lastWorkingDay })),
    checklist,
    canTick: checklist.length > 0 && allowed.has('tickChecklist'),
    agents: choices,
    assigneeId: ticket.assignee?.aadObjectId ?? '',
    actions: actionSwitches(allowed),
  };
}

/** Teams refuses cards over about 28 KB: a long list is cut on the card and read in full with `ticket show`. */
const MAX_LISTED = 25;

/** The checklist belongs to requests that onboard an organisation or its users; leavers and questions have none. */
function hasChecklist(ticket: WorkflowTicket): boolean {
  return ticket.kind === 'organisationAccess' || ticket.kind === 'addUsers';
}

function checklistRows(ticket: WorkflowTicket, now: Date): object[] {
  return CHECKLIST_ITEMS.map((item) => {
    const stamp = ticket.checklist?.[item];
    return {
      item,
      label: CHECKLIST_LABEL[item],
      inputId: checklistInputId(item),
      value: stamp ? 'true' : 'false',
      mark: stamp ? '✓' : '○',
      stamp: checklistStampText(stamp, ticket, now),
    };
  });
}

function ticketFacts(ticket: WorkflowTicket, now: Date): { label: string; value: string }[] {
  return [
    { label: 'Priority', value: PRIORITY[ticket.priority] ?? 'Normal' },
    { label: 'Assigned to', value: ticket.assignee ? ticket.assignee.name?.trim() || 'a colleague' : 'Nobody yet' },
    { label: 'Requested by', value: ticket.requester?.name?.trim() || 'Not given' },
    { label: 'Requester e-mail', value: ticket.requester?.email?.trim() || 'Not given' },
    { label: 'Received', value: formatCardTime(ticket.createdAt, now) },
  ];
}

function helpdeskOrganisationFacts(org: TicketOrganisation): { label: string; value: string }[] {
  const network = org.hscn === true ? 'HSCN' : org.hscn === false ? 'Internet (an extra code is e-mailed at each log-in)' : 'Not known';
  const route = org.accessRoute === 'webPortal' ? 'UCP web portal' : org.accessRoute === 'recordSystem' ? 'Their own record system' : 'Not known';
  return [
    { label: 'Type', value: organisationTypeText(org) },
    { label: 'Postcode', value: org.postcode?.trim() || 'Not given' },
    { label: 'Network', value: network },
    { label: 'Access route', value: route },
  ];
}

/** Everyone on the helpdesk roster, once each, as choices; a person with no display name still gets a readable title. */
function agentChoices(agents: readonly PersonRef[]): { title: string; value: string }[] {
  const seen = new Set<string>();
  const choices: { title: string; value: string }[] = [];
  for (const agent of agents) {
    if (!agent.aadObjectId || seen.has(agent.aadObjectId)) continue;
    seen.add(agent.aadObjectId);
    choices.push({ title: agent.name?.trim() || `Helpdesk agent ${choices.length + 1}`, value: agent.aadObjectId });
  }
  return choices;
}
