/** The care home manager's view of their own request: status, what happens next, and the reason when there is one. */
import type { WorkflowTicket } from '../data/model.js';
import { formatCardTime } from './cardTime.js';
import { accountNextSteps, accountsWereCreated } from './nextSteps.js';
import { requesterReason, requesterStatus, requesterWhatNext } from './requesterText.js';
import { actionSwitches, clip, commonCardData, type TicketCardOptions } from './ticketCardView.js';
import { cardVerbsFor } from './verbs.js';

/** For `{ kind: 'requester' }`: the data for templates/ticketRequester.json. */
export function requesterCardData(ticket: WorkflowTicket, options: TicketCardOptions, now: Date): object {
  const reason = requesterReason(ticket);
  return {
    ...commonCardData(ticket, options, now, false),
    status: requesterStatus(ticket.state),
    lastUpdate: ticket.updatedAt ? `Last update: ${formatCardTime(ticket.updatedAt, now)}` : '',
    reason: { show: reason !== undefined, label: reason?.label ?? '', text: clip(reason?.text ?? '') },
    whatNext: requesterWhatNext(ticket, options.helpdesk ?? {}),
    links: accountsWereCreated(ticket) ? accountNextSteps(ticket.organisation).links : [],
    can: actionSwitches(cardVerbsFor(ticket.state, 'requester')),
  };
}
