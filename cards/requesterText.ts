/** What the care home manager reads about their own request: short, kind, and always saying what happens next. */
import type { TicketState, WorkflowTicket } from '../data/model.js';
import { contactSentence, HELPDESK_HOURS, type HelpdeskFacts } from '../data/rules/helpdesk.js';
import { icsName } from './cardText.js';
import { accountNextSteps, accountsWereCreated } from './nextSteps.js';

/** "your request for UCP access for Rosewood Court Care Home": the request in the manager's own terms. */
export function requestPhrase(ticket: WorkflowTicket): string {
  const org = ticket.organisation?.name ?? 'your organisation';
  switch (ticket.kind) {
    case 'organisationAccess':
      return `your request for UCP access for ${org}`;
    case 'addUsers':
      return `your request to add ${people(ticket.users?.length ?? 0)} to the UCP`;
    case 'deactivateUsers':
      return `your request to remove ${people(ticket.leavers?.length ?? 0)} from the UCP`;
    case 'question':
      return 'your question to the UCP helpdesk';
  }
  return 'your request';
}

/** "1 person", "3 people". */
export function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** The state in a few words, for the requester's card. */
export function requesterStatus(state: TicketState): string {
  const text: Record<TicketState, string> = {
    submitted: 'Received',
    awaitingIcsApproval: 'Waiting for approval from the ICS',
    awaitingHelpdesk: 'With the UCP helpdesk',
    assigned: 'Being worked on',
    needsInformation: 'We need more information from you',
    resolved: 'Done',
    closed: 'Closed',
    archived: 'Closed',
    rejected: 'Not approved',
    withdrawn: 'Withdrawn',
  };
  return text[state] ?? 'Being looked at';
}

/** Who asked the open question on a needs-information ticket. */
export function whoAsked(ticket: WorkflowTicket): string {
  return ticket.returnTo === 'awaitingIcsApproval' ? `the ${icsName(ticket.organisation?.icbCode)} governance lead` : 'the UCP helpdesk';
}

/** What happens next, as a few sentences; used on the requester's card. `helpdesk`: the contact to give when told to contact it. */
export function requesterWhatNext(ticket: WorkflowTicket, helpdesk: HelpdeskFacts): string[] {
  const org = ticket.organisation?.name ?? 'your organisation';
  switch (ticket.state) {
    case 'submitted':
      return ['We are passing your request to the right team. We will let you know at each step.'];
    case 'awaitingIcsApproval':
      return [
        `${org} is not yet named in the ${icsName(ticket.organisation?.icbCode)} onboarding DPIA, so its governance lead needs to approve access first.`,
        'This usually takes about a week. We will tell you as soon as they decide.',
      ];
    case 'awaitingHelpdesk':
      return [
        `The UCP helpdesk will pick this up in its working hours (${HELPDESK_HOURS}). We will tell you when someone is working on it.`,
      ];
    case 'assigned':
      return ['Someone at the UCP helpdesk is working on your request. We will tell you when it is done.'];
    case 'needsInformation':
      return [
        `${capitalise(whoAsked(ticket))} needs a little more information (shown above). Please press Answer the question on the card and send your answer: your request carries on as soon as we have it.`,
      ];
    case 'resolved':
    case 'closed':
    case 'archived':
      return finishedNext(ticket);
    case 'rejected':
      return [
        'Sorry, access could not be approved this time. The reason is shown above. If things change, or you have questions, please contact the UCP helpdesk.',
        contactSentence(helpdesk),
      ];
    case 'withdrawn':
      return ['Nothing more will happen with this request. If you still need it, you can ask again here at any time.'];
  }
  return ['The UCP helpdesk is looking at your request.'];
}

function finishedNext(ticket: WorkflowTicket): string[] {
  if (accountsWereCreated(ticket)) return accountNextSteps(ticket.organisation).lines;
  if (ticket.kind === 'deactivateUsers')
    return ['The accounts you asked us to remove have been deactivated. Nothing more is needed from you.'];
  if (ticket.kind === 'question') return ['The UCP helpdesk has answered your question. If you need anything else, just ask here.'];
  return ['The UCP helpdesk has finished this request. If you need anything else, just ask here.'];
}

/** The reason to show the requester (turned down, or information needed), with its label; undefined when there is none. */
export function requesterReason(ticket: WorkflowTicket): { label: string; text: string } | undefined {
  const text = ticket.reason?.trim();
  if (!text) return undefined;
  if (ticket.state === 'rejected') return { label: 'Why it was not approved', text };
  if (ticket.state === 'needsInformation') return { label: `What ${whoAsked(ticket)} needs to know`, text };
  return undefined;
}

/** Upper-cases the first letter, for a phrase that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
