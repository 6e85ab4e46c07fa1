/** Builds a ticket's Adaptive Card for one viewer, always from the stored ticket, never from what a card carried. */
import type { WorkflowTicket } from '../data/model.js';
import { expandTemplate, type CardJson, type TemplateName } from './cardTemplates.js';
import { helpdeskCardData } from './helpdeskCard.js';
import { icsLeadCardData } from './icsLeadCard.js';
import { readOnlyCardData } from './readOnlyCard.js';
import { requesterCardData } from './requesterCard.js';
import type { TicketCardOptions, TicketCardView } from './ticketCardView.js';

export type { TicketCardOptions, TicketCardView } from './ticketCardView.js';

/**
 * Used when a ticket card is posted, updated, or refreshed for one viewer (Universal Actions `refreshCard`).
 * Returns Adaptive Card 1.5 JSON; every button carries `{ ticketId, version }`. With no refresh user ids the card has
 * no `refresh` and stays as built (the requester's updates are snapshots of one step).
 */
export function buildTicketCard(ticket: WorkflowTicket, view: TicketCardView, options: TicketCardOptions): CardJson {
  const now = options.now ?? new Date();
  const [template, data] = viewData(ticket, view, options, now);
  const card = expandTemplate(template, data);
  // A `$when` that is false leaves `refresh: null`; a card without a refresh should not carry the key at all.
  if (card.refresh === null || card.refresh === undefined) delete card.refresh;
  return card;
}

function viewData(ticket: WorkflowTicket, view: TicketCardView, options: TicketCardOptions, now: Date): [TemplateName, object] {
  switch (view.kind) {
    case 'icsLead':
      return ['ticketIcsLead', icsLeadCardData(ticket, options, now)];
    case 'helpdesk':
      return ['ticketHelpdesk', helpdeskCardData(ticket, view.agents, options, now, view.shared === true)];
    case 'readOnly':
      return ['ticketReadOnly', readOnlyCardData(ticket, options, now)];
    case 'notAllowed':
      return ['ticketReadOnly', readOnlyCardData(ticket, options, now, view.message)];
    case 'requester':
      return ['ticketRequester', requesterCardData(ticket, options, now)];
  }
}
