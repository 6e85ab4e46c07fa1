/** The view for everyone else (and the card first posted to a conversation): status and who acted, no personal data. */
import type { WorkflowTicket } from '../data/model.js';
import { commonCardData, type TicketCardOptions } from './ticketCardView.js';

/**
 * For `{ kind: 'readOnly' }` and, with a message, `{ kind: 'notAllowed' }`: the data for
 * templates/ticketReadOnly.json. Only the organisation's name and ODS code and the names of staff who acted appear.
 */
export function readOnlyCardData(ticket: WorkflowTicket, options: TicketCardOptions, now: Date, notAllowed?: string): object {
  const message = notAllowed?.trim() ?? '';
  return {
    ...commonCardData(ticket, options, now, false),
    notAllowed: { show: notAllowed !== undefined, text: message || 'Only the people on the roster for this request can act on it.' },
  };
}
