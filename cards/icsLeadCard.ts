/**
 * The ICS governance lead's view: what they need to approve an organisation, and nothing more. They decide on the
 * organisation, not on its staff, so the card counts the people asked for by role and names none of them.
 */
import type { WorkflowTicket } from '../data/model.js';
import { londonToday } from '../data/rules/londonTime.js';
import { organisationFacts, watcherReason } from './cardText.js';
import { reminderLines } from './reminderLines.js';
import { people } from './requesterText.js';
import { cardVerbsFor } from './verbs.js';
import { actionSwitches, clip, commonCardData, countsByRole, type TicketCardOptions } from './ticketCardView.js';

const ICS_REMINDERS: ReadonlySet<string> = new Set(['icsApproval', 'icsEscalation']);

/** For `{ kind: 'icsLead' }`: the data for templates/ticketIcsLead.json. */
export function icsLeadCardData(ticket: WorkflowTicket, options: TicketCardOptions, now: Date): object {
  const users = ticket.users ?? [];
  const reason = watcherReason(ticket);
  return {
    ...commonCardData(ticket, options, now, false),
    reason: { show: reason !== undefined, label: reason?.label ?? '', text: clip(reason?.text ?? '') },
    // What was sent about the approval, to the lead or over their head; the helpdesk's own reminders are not theirs.
    reminders: reminderLines(ticket, now, ICS_REMINDERS),
    facts: ticket.organisation ? organisationFacts(ticket.organisation, londonToday(now), ticket.checklist) : [],
    usersSummary: `${people(users.length)} asked for access`,
    users: countsByRole(users),
    actions: actionSwitches(cardVerbsFor(ticket.state, 'icsLead')),
  };
}
