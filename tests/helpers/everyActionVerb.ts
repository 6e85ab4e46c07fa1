import type { CardVerb } from '../../cards/verbs.js';

/**
 * Every card action verb, with the data a real card of that verb sends besides the ticket id and version. Typed by the
 * verbs themselves, so a new verb fails the type check until it is listed here (and tested wherever this is used).
 */
export function everyActionVerb(assignee: string): Array<[string, Record<string, unknown>]> {
  const data: Record<Exclude<CardVerb, 'refreshCard'>, Record<string, unknown>> = {
    approveOrganisation: {},
    rejectOrganisation: { rejectReason: 'Not in our ICS' },
    assignTicket: { assignee },
    confirmChecks: {},
    tickChecklist: { item: 'odsVerified', checklist_odsVerified: 'true' },
    requestInformation: { requestReason: 'Which borough?' },
    resolveTicket: {},
    closeTicket: {},
    provideInformation: { answer: 'Lewisham' },
    withdrawRequest: {},
  };
  return Object.entries(data);
}
