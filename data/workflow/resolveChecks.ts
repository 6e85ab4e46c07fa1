/** Source 001's checks before accounts are provisioned, as one rule the workflow enforces and the helpdesk card explains. */
import { AUTOMATIC_ITEMS, CHECKLIST_ITEMS, type AutomaticItem, type ChecklistItem, type WorkflowTicket } from '../model.js';

/** The checklist belongs to requests that onboard an organisation or its users; leavers and questions have none. */
export function hasChecklist(ticket: Pick<WorkflowTicket, 'kind'>): boolean {
  return ticket.kind === 'organisationAccess' || ticket.kind === 'addUsers';
}

/** The checks a ticket needs before it can be resolved: all of them for a new organisation; the e-mail check for new staff. */
export function checksNeededToResolve(ticket: Pick<WorkflowTicket, 'kind'>): readonly ChecklistItem[] {
  return ticket.kind === 'organisationAccess'
    ? CHECKLIST_ITEMS
    : ticket.kind === 'addUsers'
      ? ['emailDomainsChecked', 'accountsCreated']
      : [];
}

/**
 * The needed checks no agent has ticked yet, in checklist order; empty when the ticket may be resolved. An automatic tick
 * counts once an agent has confirmed it: the service gathers the evidence, the agent makes the judgement.
 */
export function checksMissingToResolve(ticket: Pick<WorkflowTicket, 'kind' | 'checklist'>): ChecklistItem[] {
  return checksNeededToResolve(ticket).filter((item) => {
    const stamp = ticket.checklist?.[item];
    return !stamp || stamp.by === 'system';
  });
}

/** The items ticked automatically and not yet confirmed by an agent. */
export function automaticTicksToConfirm(ticket: Pick<WorkflowTicket, 'checklist' | 'automaticChecks'>): AutomaticItem[] {
  return AUTOMATIC_ITEMS.filter(
    (item) => ticket.checklist?.[item]?.by === 'system' && ticket.automaticChecks?.[item]?.outcome === 'passed',
  );
}

/** The automatic checks whose latest run failed: while any does, the ticket is not resolved. */
export function failedAutomaticChecks(ticket: Pick<WorkflowTicket, 'automaticChecks'>): AutomaticItem[] {
  return AUTOMATIC_ITEMS.filter((item) => ticket.automaticChecks?.[item]?.outcome === 'failed');
}
