/** Who a ticket is waiting on, as the helpdesk tab says it: the next person (or team) who must act. Pure. */
import type { WorkflowTicket } from '../../data/model.js';
import { icsName } from '../../cards/cardText.js';

/**
 * Who has a ticket, as the queue's "Who has it" column and the ticket detail show it. `names` maps an agent's id to the name to show (the
 * roster's first). A ticket waiting for the ICS is the governance lead's; one sent back to the care home is theirs, then
 * its assignee's; otherwise its assignee, or nobody yet.
 */
export function whoHasIt(ticket: WorkflowTicket, names: ReadonlyMap<string, string>): string {
  const assignee = ticket.assignee
    ? (names.get(ticket.assignee.aadObjectId) ?? (ticket.assignee.name?.trim() || 'A colleague'))
    : undefined;
  switch (ticket.state) {
    case 'awaitingIcsApproval':
      return ticket.organisation?.icbCode ? `The ${icsName(ticket.organisation.icbCode)} governance lead` : 'The ICS governance lead';
    case 'needsInformation':
      return assignee ? `The care home, then ${assignee}` : 'The care home';
    case 'submitted':
    case 'awaitingHelpdesk':
    case 'assigned':
      return assignee ?? 'Nobody yet';
    default:
      return assignee ?? 'Nobody';
  }
}
