/** "Where is my request?" in words: each of the manager's requests, its state, who has it and what it waits for. Pure. */
import type { WorkflowTicket } from '../../data/model.js';
import { formatCardTime } from '../../cards/cardTime.js';
import { icsName, KIND_HEADING } from '../../cards/cardText.js';
import { requesterStatus, whoAsked } from '../../cards/requesterText.js';
import { cutText } from '../input/textLimits.js';

/** How many requests one answer lists: enough for any care home, short enough to read in a chat. */
export const MAX_REQUESTS_LISTED = 10;

/** The requests a person made, newest first, at most MAX_REQUESTS_LISTED; and how many there are in all. */
export function requestsOf(tickets: readonly WorkflowTicket[], aadObjectId: string): { shown: WorkflowTicket[]; total: number } {
  const mine = tickets
    .filter((t) => t.requester?.aadObjectId === aadObjectId)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)));
  return { shown: mine.slice(0, MAX_REQUESTS_LISTED), total: mine.length };
}

/** Who has the request now, as the manager would say it. */
export function whoHasIt(ticket: WorkflowTicket): string {
  switch (ticket.state) {
    case 'submitted':
      return 'Being passed to the right team';
    case 'awaitingIcsApproval':
      return `The ${icsName(ticket.organisation?.icbCode)} governance lead`;
    case 'awaitingHelpdesk':
      return 'The UCP helpdesk (not picked up yet)';
    case 'assigned':
      return `${ticket.assignee?.name?.trim() || 'Someone'} at the UCP helpdesk`;
    case 'needsInformation':
      return 'Waiting for you';
    case 'rejected':
      return 'Nobody: it was not approved';
    case 'withdrawn':
      return 'Nobody: it was withdrawn';
    default:
      return 'Nobody: it is finished';
  }
}

/** What the request is waiting for, or undefined when it waits for nothing. */
export function whatItAwaits(ticket: WorkflowTicket): string | undefined {
  switch (ticket.state) {
    case 'submitted':
      return 'routing, which happens straight away';
    case 'awaitingIcsApproval':
      return 'approval of your organisation, which usually takes about a week';
    case 'awaitingHelpdesk':
      return 'the helpdesk to pick it up, Monday to Friday, 9am to 5pm';
    case 'assigned':
      return ticket.kind === 'deactivateUsers'
        ? 'the helpdesk to switch the accounts off'
        : ticket.kind === 'question'
          ? "the helpdesk's answer"
          : 'the helpdesk to finish the checks and set up the accounts';
    case 'needsInformation': {
      const asked = ticket.reason?.trim();
      const question = asked ? `: "${cutText(asked.replace(/\s+/g, ' '), 300).text}"` : '';
      // Answers go back through the request's card (its Answer the question button), not through this chat.
      return `your answer to ${whoAsked(ticket)}${question}. To answer, press Answer the question on the card I sent you about ${ticket.id}`;
    }
    default:
      return undefined;
  }
}

/** One request as a few plain lines; the organisation's name and any question are shown exactly as written. */
export function describeRequest(ticket: WorkflowTicket, now: Date): string[] {
  const subject = ticket.organisation?.name ? ` for ${ticket.organisation.name}` : '';
  const awaits = whatItAwaits(ticket);
  return [
    `${ticket.id}: ${KIND_HEADING[ticket.kind] ?? 'Request'}${subject}`,
    `Status: ${requesterStatus(ticket.state)}`,
    `Who has it: ${whoHasIt(ticket)}`,
    ...(awaits ? [`Waiting for: ${awaits}`] : []),
    `Last update: ${formatCardTime(ticket.updatedAt, now)}`,
  ];
}

/** The whole answer, or undefined when the person has no requests. */
export function statusReport(tickets: readonly WorkflowTicket[], aadObjectId: string, now: Date): string | undefined {
  const { shown, total } = requestsOf(tickets, aadObjectId);
  if (total === 0) return undefined;
  const heading =
    total === 1
      ? 'You have 1 request:'
      : total > shown.length
        ? `You have ${total} requests. Here are the ${shown.length} most recent:`
        : `You have ${total} requests, newest first:`;
  return [heading, ...shown.map((ticket) => describeRequest(ticket, now).join('\n'))].join('\n\n');
}
