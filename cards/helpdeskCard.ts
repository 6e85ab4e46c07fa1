/** The helpdesk's view: everything on the ticket (e-mail addresses and registration numbers included) and its working buttons. */
import { automaticTicksToConfirm, checksMissingToResolve, failedAutomaticChecks, hasChecklist } from '../data/workflow/resolveChecks.js';
import { type ChecklistItem, type PersonRef, type TicketOrganisation, type TicketPriority, type WorkflowTicket } from '../data/model.js';
import { londonToday } from '../data/rules/londonTime.js';
import { formatCardTime } from './cardTime.js';
import { organisationTypeText, recheckFacts } from './organisationCheckText.js';
import { CHECKLIST_LABEL, organisationFacts, roleText, watcherReason } from './cardText.js';
import { checklistLines } from './checklistText.js';
import { reminderLines } from './reminderLines.js';
import { people } from './requesterText.js';
import { cardVerbsFor } from './verbs.js';
import { actionSwitches, clip, commonCardData, countsByRole, type TicketCardOptions } from './ticketCardView.js';
import { checklistInputId, type CardVerb } from './verbs.js';
import { ruleFor } from '../data/workflow/transitions.js';

const PRIORITY: Readonly<Record<TicketPriority, string>> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/**
 * For `{ kind: 'helpdesk' }`: the data for templates/ticketHelpdesk.json. `shared` is the copy
 * posted to a helpdesk channel: the same buttons, the people counted by role instead of named (see ticketCardView.ts).
 */
export function helpdeskCardData(
  ticket: WorkflowTicket,
  agents: readonly PersonRef[],
  options: TicketCardOptions,
  now: Date,
  shared = false,
): object {
  const allowed = cardVerbsFor(ticket.state, 'helpdesk');
  const choices = agentChoices(agents);
  // The parser refuses a choice set with no choices, so Assign waits until the roster has someone on it.
  if (choices.length === 0) allowed.delete('assignTicket');
  // Resolve is shown only once it would be accepted: the workflow refuses it until source 001's checks are ticked.
  const missing = checksMissingToResolve(ticket);
  if (missing.length > 0 || failedAutomaticChecks(ticket).length > 0) allowed.delete('resolveTicket');
  const checklist = hasChecklist(ticket) ? checklistRows(ticket, now) : [];
  const reason = watcherReason(ticket);
  const users = ticket.users ?? [];
  const leavers = ticket.leavers ?? [];
  const question = shared ? '' : (ticket.question?.trim() ?? '');
  return {
    ...commonCardData(ticket, options, now, !shared),
    reason: { show: reason !== undefined, label: reason?.label ?? '', text: clip(reason?.text ?? '') },
    reminders: reminderLines(ticket, now),
    ticketFacts: ticketFacts(ticket, now, shared),
    question: { show: question !== '', text: clip(question) },
    facts: ticket.organisation
      ? [
          ...organisationFacts(ticket.organisation, londonToday(now), ticket.checklist),
          ...helpdeskOrganisationFacts(ticket.organisation),
          ...recheckFacts(ticket.organisation, now),
        ]
      : [],
    usersSummary: `${people(users.length)} asked for access${!shared && users.length > MAX_LISTED ? ` (the first ${MAX_LISTED} shown; all of them: npx ucp-admin ticket show ${ticket.id})` : ''}`,
    users: shared
      ? []
      : users.slice(0, MAX_LISTED).map((user) => ({
          name: user.name,
          jobTitle: user.jobTitle,
          role: roleText(user.role),
          email: user.email,
          registration: user.registration ? `${user.registration.body} ${user.registration.number}` : '',
          emailNote: [
            user.emailConfirmed ? 'The manager confirmed this address will be used appropriately for direct care.' : '',
            user.emailCheck ? `${user.emailCheck} The manager said it is this person's own.` : '',
          ]
            .filter(Boolean)
            .join(' '),
        })),
    usersByRole: shared ? countsByRole(users) : [],
    leavers: shared
      ? []
      : leavers.slice(0, MAX_LISTED).map((leaver) => ({ name: leaver.name, email: leaver.email, lastWorkingDay: leaver.lastWorkingDay })),
    leaversCount: { show: shared && leavers.length > 0, text: `${people(leavers.length)} to deactivate` },
    privacy: { show: shared, text: SHARED_NOTE },
    checklist,
    canTick: checklist.length > 0 && allowed.has('tickChecklist'),
    confirm: confirmButton(ticket, allowed),
    agents: choices,
    assigneeId: ticket.assignee?.aadObjectId ?? '',
    missingButtons: missingButtonLines(ticket, allowed, choices.length, missing),
    actions: actionSwitches(allowed),
  };
}

/** What the copy in a channel leaves out, and where an agent finds it. */
const SHARED_NOTE =
  'Names, e-mail addresses and questions are not shown on the card in the channel. To see them, open the ticket in ' +
  "the helpdesk tab, or choose Refresh card in this card's menu for your own view.";

/**
 * Says why a button the helpdesk may expect is not there, so nobody waits for one that cannot appear. Resolve needs an
 * assignee (the workflow resolves only assigned tickets, and assigning is its own audited decision, so the last tick does
 * not assign anyone silently) and source 001's checks.
 */
function missingButtonLines(
  ticket: WorkflowTicket,
  allowed: ReadonlySet<CardVerb>,
  agentCount: number,
  missing: readonly ChecklistItem[],
): { text: string }[] {
  const lines: string[] = [];
  if (ticket.state === 'awaitingIcsApproval')
    lines.push('The helpdesk can act on this request once the ICS governance lead has approved it.');
  if (ticket.state === 'awaitingHelpdesk' && agentCount === 0) {
    lines.push(
      'Nobody is on the helpdesk roster yet, so this ticket cannot be assigned. An administrator adds agents with npx ucp-admin roster add helpdeskAgent.',
    );
  } else if (ticket.state === 'awaitingHelpdesk') {
    const allTicked = hasChecklist(ticket) && missing.length === 0;
    lines.push(allTicked ? 'Every check is ticked. Assign the ticket to resolve it.' : 'Assign the ticket to resolve it.');
  }
  const failed = failedAutomaticChecks(ticket);
  if (hasChecklist(ticket) && failed.length > 0 && ruleFor('check', ticket.state) !== undefined) {
    lines.push(
      `Resolve is refused while ${joinAnd(failed.map((item) => `"${CHECKLIST_LABEL[item]}"`))} ${failed.length === 1 ? 'fails' : 'fail'} its automatic check: see the checklist.`,
    );
  } else if (ticket.state === 'assigned' && !allowed.has('resolveTicket') && missing.length > 0) {
    const toConfirm = automaticTicksToConfirm(ticket).filter((item) => missing.includes(item));
    const toTick = missing.filter((item) => !(toConfirm as ChecklistItem[]).includes(item));
    const parts = [
      toConfirm.length > 0 ? `the automatic ${toConfirm.length === 1 ? 'check is' : 'checks are'} confirmed` : '',
      toTick.length > 0
        ? `${joinAnd(toTick.map((item) => `"${CHECKLIST_LABEL[item]}"`))} ${toTick.length === 1 ? 'is' : 'are'} ticked`
        : '',
    ].filter(Boolean);
    lines.push(`Resolve appears once ${parts.join(' and ')}.`);
  }
  return lines.map((text) => ({ text }));
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Teams refuses cards over about 28 KB: a long list is cut on the card and read in full with `ticket show`. */
const MAX_LISTED = 25;

function checklistRows(ticket: WorkflowTicket, now: Date): object[] {
  return checklistLines(ticket, now).map((line) => ({
    item: line.item,
    label: line.label,
    inputId: checklistInputId(line.item),
    value: line.ticked ? 'true' : 'false',
    mark: line.mark,
    stamp: line.status,
    evidence: line.evidence,
  }));
}

/** One press confirms every automatic tick (audited as the agent's); shown only while there is one to confirm. */
function confirmButton(ticket: WorkflowTicket, allowed: ReadonlySet<CardVerb>): { show: boolean; title: string } {
  const count = hasChecklist(ticket) && allowed.has('confirmChecks') ? automaticTicksToConfirm(ticket).length : 0;
  return { show: count > 0, title: count === 1 ? 'Confirm the automatic check' : `Confirm the ${count} automatic checks` };
}

function ticketFacts(ticket: WorkflowTicket, now: Date, shared: boolean): { label: string; value: string }[] {
  return [
    { label: 'Priority', value: PRIORITY[ticket.priority] ?? 'Normal' },
    { label: 'Assigned to', value: ticket.assignee ? ticket.assignee.name?.trim() || 'a colleague' : 'Nobody yet' },
    ...(shared
      ? []
      : [
          { label: 'Requested by', value: ticket.requester?.name?.trim() || 'Not given' },
          { label: 'Requester e-mail', value: ticket.requester?.email?.trim() || 'Not given' },
        ]),
    { label: 'Received', value: formatCardTime(ticket.createdAt, now) },
  ];
}

function helpdeskOrganisationFacts(org: TicketOrganisation): { label: string; value: string }[] {
  const network = org.hscn === true ? 'HSCN' : org.hscn === false ? 'Internet (an extra code is e-mailed at each log-in)' : 'Not known';
  const route =
    org.accessRoute === 'webPortal' ? 'UCP web portal' : org.accessRoute === 'recordSystem' ? 'Their own record system' : 'Not known';
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
