/** Which access requests an organisation has: one open request at a time, and "done" only once its accounts exist. */
import type { TicketState, WorkflowTicket } from '../model.js';
import { OPEN_STATES } from './transitions.js';

/** States of a request the helpdesk has finished with (closed ones may also have been turned down or withdrawn). */
export const FINISHED_STATES: readonly TicketState[] = ['resolved', 'closed', 'archived'];

/** The organisation access requests in `tickets` for this ODS code (case and spaces ignored). */
export function accessRequestsFor(tickets: readonly WorkflowTicket[], odsCode: string): WorkflowTicket[] {
  const code = odsCode.trim().toUpperCase();
  return tickets.filter((t) => t.kind === 'organisationAccess' && t.organisation?.odsCode?.trim().toUpperCase() === code);
}

/** Still with someone: a second request for the same organisation would only ask the ICS lead again. */
export function isOpen(ticket: WorkflowTicket): boolean {
  return OPEN_STATES.includes(ticket.state);
}

/** Finished with the accounts created: the organisation is onboarded (a turned-down request never gets this far). */
export function isDone(ticket: WorkflowTicket): boolean {
  return FINISHED_STATES.includes(ticket.state) && Boolean(ticket.checklist?.accountsCreated);
}
