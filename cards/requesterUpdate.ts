/** The short proactive update the care home manager gets at each step of their request that matters to them. */
import type { TicketState, WorkflowTicket } from '../data/model.js';
import { contactSentence, type HelpdeskFacts } from '../data/rules/helpdesk.js';
import type { CardJson } from './cardTemplates.js';
import { icsName } from './cardText.js';
import { accountNextSteps, accountsWereCreated } from './nextSteps.js';
import { capitalise, requestPhrase, requesterWhatNext, whoAsked } from './requesterText.js';
import { buildTicketCard } from './ticketCard.js';

/** The part of a workflow event an update needs (data/workflow's TicketEvent fits it). */
export interface RequesterUpdateEvent {
  from?: TicketState;
  to: TicketState;
  reason?: string;
  actor?: { kind: 'person' | 'system' };
}

/** One update: `text` is complete on its own (Teams text and the e-mail body); `card` is the requester's card at this step. */
export interface RequesterUpdate {
  subject: string;
  text: string;
  card?: CardJson;
}

/**
 * What the manager is told about an applied transition. Returns null for steps that do not change anything for
 * the manager: routing straight to the helpdesk (the "received" message covers it), checklist ticks, priority,
 * escalation, re-assignment, closing a request that was already turned down or withdrawn, and archiving.
 * `text` carries people's words (reasons): send it to Teams as plain text, not markdown.
 */
export function buildRequesterUpdate(
  ticket: WorkflowTicket,
  event: RequesterUpdateEvent,
  options: { now?: Date; helpdesk?: HelpdeskFacts } = {},
): RequesterUpdate | null {
  const helpdesk = options.helpdesk ?? {};
  const message = messageFor(ticket, event, helpdesk);
  if (!message) return null;
  const card = buildTicketCard(ticket, { kind: 'requester' }, { refreshUserIds: [], now: options.now, helpdesk });
  return { subject: `Your UCP request ${ticket.id}: ${message.subject}`, text: message.text, card };
}

function messageFor(
  ticket: WorkflowTicket,
  event: RequesterUpdateEvent,
  helpdesk: HelpdeskFacts,
): { subject: string; text: string } | null {
  const { from, to } = event;
  const request = `${requestPhrase(ticket)} (ticket ${ticket.id})`;
  const reason = (event.reason ?? ticket.reason ?? '').trim();
  if (from === undefined || to === 'submitted') {
    return { subject: 'received', text: `Thank you. We have received ${request}. We will let you know at each step.` };
  }
  if (from === to) return null;
  if (from === 'needsInformation' && !['withdrawn', 'rejected', 'closed'].includes(to)) {
    return { subject: 'answer received', text: `Thank you for your answer. ${capitalise(request)} is moving again.` };
  }
  switch (to) {
    case 'awaitingIcsApproval':
      return {
        subject: 'sent to the ICS for approval',
        text: `${capitalise(request)} has gone to the ${ics(ticket)} governance lead for approval. ${requesterWhatNext(ticket, helpdesk).join(' ')}`,
      };
    case 'awaitingHelpdesk':
      if (from !== 'awaitingIcsApproval') return null;
      return {
        subject: 'approved by the ICS',
        text: `Good news: the ${ics(ticket)} governance lead has approved ${ticket.organisation?.name ?? 'your organisation'} for the UCP. The UCP helpdesk will now set up access (ticket ${ticket.id}).`,
      };
    case 'assigned':
      return {
        subject: 'being worked on',
        text: `Someone at the UCP helpdesk is now working on ${request}. We will tell you when it is done.`,
      };
    case 'needsInformation':
      return {
        subject: 'more information needed',
        text: `${capitalise(whoAsked(ticket))} needs a little more information about ${request}: "${reason}". Please press Answer the question on the card and send your answer: your request carries on as soon as we have it.`,
      };
    case 'rejected': {
      const who = from === 'awaitingIcsApproval' ? `the ${ics(ticket)} governance lead` : 'the UCP helpdesk';
      return {
        subject: 'not approved',
        text: `Sorry, ${who} could not approve ${request}. The reason given: "${reason}". If things change, or you have questions, please contact the UCP helpdesk. ${contactSentence(helpdesk)}`,
      };
    }
    case 'resolved':
      return { subject: 'done', text: resolvedText(ticket, request, helpdesk) };
    case 'closed':
      if (from !== 'resolved') return null;
      return { subject: 'closed', text: `${capitalise(request)} is now closed. If you need anything else, just ask here.` };
    case 'withdrawn':
      return event.actor?.kind === 'system'
        ? {
            subject: 'withdrawn',
            text: `We have withdrawn ${request}, as it had been waiting a long time without a reply. If you still need it, you can ask again here at any time.`,
          }
        : {
            subject: 'withdrawn',
            text: `You withdrew ${request}. Nothing more will happen with it. If you still need it, you can ask again here at any time.`,
          };
    default:
      return null;
  }
}

function resolvedText(ticket: WorkflowTicket, request: string, helpdesk: HelpdeskFacts): string {
  if (accountsWereCreated(ticket)) {
    return [`${capitalise(request)} is done: the accounts have been created.`, ...accountNextSteps(ticket.organisation).lines].join('\n\n');
  }
  return `${capitalise(request)} is done. ${requesterWhatNext(ticket, helpdesk).join(' ')}`;
}

function ics(ticket: WorkflowTicket): string {
  return icsName(ticket.organisation?.icbCode);
}
