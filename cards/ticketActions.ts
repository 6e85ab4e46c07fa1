/** Which buttons a card shows: the workflow's transition table decides, so a card never offers what would be refused. */
import type { TicketState } from '../data/model.js';
import { verbsAvailable, type ActorRole, type Verb } from '../data/workflow/transitions.js';
import type { CardVerb } from './verbs.js';

/** The audiences whose cards carry buttons. */
export type ActingAudience = 'icsLead' | 'helpdesk' | 'requester';

/** The workflow verb behind each card verb (a checklist toggle is a tick or an untick, both allowed together). */
export const WORKFLOW_VERB: Readonly<Record<Exclude<CardVerb, 'refreshCard'>, Verb>> = {
  approveOrganisation: 'approve',
  rejectOrganisation: 'reject',
  askForInformation: 'askForInformation',
  assignTicket: 'assign',
  confirmChecks: 'confirmChecks',
  tickChecklist: 'tick',
  requestInformation: 'requestInformation',
  resolveTicket: 'resolve',
  closeTicket: 'close',
  provideInformation: 'provideInformation',
  withdrawRequest: 'withdraw',
};

// The helpdesk card deliberately has no reject button: rejectOrganisation is the ICS lead's decision on their card.
const AUDIENCE: Readonly<Record<ActingAudience, { role: ActorRole; verbs: readonly Exclude<CardVerb, 'refreshCard'>[] }>> = {
  icsLead: { role: 'icsLead', verbs: ['approveOrganisation', 'rejectOrganisation', 'askForInformation'] },
  helpdesk: { role: 'helpdeskAgent', verbs: ['assignTicket', 'confirmChecks', 'tickChecklist', 'requestInformation', 'resolveTicket', 'closeTicket'] },
  requester: { role: 'requester', verbs: ['provideInformation', 'withdrawRequest'] },
};

/** Used by the card builder: the card verbs this audience may use on a ticket in this state. */
export function cardVerbsFor(state: TicketState, audience: ActingAudience): Set<CardVerb> {
  const { role, verbs } = AUDIENCE[audience];
  const allowed = new Set(verbsAvailable(state, [role]));
  return new Set(verbs.filter((verb) => allowed.has(WORKFLOW_VERB[verb])));
}
