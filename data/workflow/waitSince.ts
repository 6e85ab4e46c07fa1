/** When a ticket's current wait began: what the reminders, the tab's ages and the reports count working hours from. */
import type { WorkflowTicket } from '../model.js';

/**
 * The moment a ticket's current wait began. An assigned ticket waits for its assignee's next action (any action counts);
 * the others wait since they entered their state (a priority change or a checklist tick does not restart the clock).
 */
export function waitSince(ticket: WorkflowTicket): string {
  const lastAction = ticket.lastAction?.at ?? ticket.updatedAt ?? ticket.createdAt;
  return ticket.state === 'assigned' ? lastAction : (ticket.stateEnteredAt ?? lastAction);
}
