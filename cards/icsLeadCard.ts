/**
 * The ICS governance lead's view: what they need to approve an organisation, and nothing more. They decide on the
 * organisation, not on its staff, so the card counts the people asked for by role and names none of them.
 */
import type { WorkflowTicket } from '../data/model.js';
import { londonToday } from '../data/rules/londonTime.js';
import { organisationFacts, watcherReason } from './cardText.js';
import { people } from './requesterText.js';
import { cardVerbsFor } from './ticketActions.js';
import { actionSwitches, clip, commonCardData, countsByRole, type TicketCardOptions } from './ticketCardView.js';

/** Used by buildTicketCard for `{ kind: 'icsLead' }`: the data for templates/ticketIcsLead.json. */
export function icsLeadCardData(ticket: WorkflowTicket, options: TicketCardOptions, now: Date): object {
  const users = ticket.users ?? [];
  const reason = watcherReason(ticket);
  return {
    ...commonCardData(ticket, options, now, false),
    reason: { show: reason !== undefined, label: reason?.label ?? '', text: clip(reason?.text ?? '') },
    facts: ticket.organisation ? organisationFacts(ticket.organisation, londonToday(now), ticket.checklist) : [],
    usersSummary: `${people(users.length)} asked for access`,
    users: countsByRole(users),
    actions: actionSwitches(cardVerbsFor(ticket.state, 'icsLead')),
  };
}
