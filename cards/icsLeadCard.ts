/** The ICS governance lead's view: what they need to approve an organisation, and nothing more (no e-mail addresses). */
import type { WorkflowTicket } from '../data/model.js';
import { organisationFacts, roleText, watcherReason } from './cardText.js';
import { people } from './requesterText.js';
import { cardVerbsFor } from './ticketActions.js';
import { actionSwitches, clip, commonCardData, type TicketCardOptions } from './ticketCardView.js';

/** Used by buildTicketCard for `{ kind: 'icsLead' }`: the data for templates/ticketIcsLead.json. */
export function icsLeadCardData(ticket: WorkflowTicket, options: TicketCardOptions, now: Date): object {
  const users = ticket.users ?? [];
  const reason = watcherReason(ticket);
  return {
    ...commonCardData(ticket, options, now, false),
    reason: { show: reason !== undefined, label: reason?.label ?? '', text: clip(reason?.text ?? '') },
    facts: ticket.organisation ? organisationFacts(ticket.organisation) : [],
    usersSummary: `${people(users.length)} asked for access`,
    users: users.map((user) => ({ name: user.name, jobTitle: user.jobTitle, role: roleText(user.role) })),
    actions: actionSwitches(cardVerbsFor(ticket.state, 'icsLead')),
  };
}
