/** Source 001's checks before accounts are provisioned, as one rule the workflow enforces and the helpdesk card explains. */
import { CHECKLIST_ITEMS, type ChecklistItem, type WorkflowTicket } from '../../data/model.js';

/** The checks a ticket needs before it can be resolved: all of them for a new organisation; the e-mail check for new staff. */
export function checksNeededToResolve(ticket: Pick<WorkflowTicket, 'kind'>): readonly ChecklistItem[] {
  return ticket.kind === 'organisationAccess' ? CHECKLIST_ITEMS
    : ticket.kind === 'addUsers' ? ['emailDomainsChecked', 'accountsCreated'] : [];
}

/** The needed checks not ticked yet, in checklist order; empty when the ticket may be resolved. */
export function checksMissingToResolve(ticket: Pick<WorkflowTicket, 'kind' | 'checklist'>): ChecklistItem[] {
  return checksNeededToResolve(ticket).filter((item) => !ticket.checklist?.[item]);
}
