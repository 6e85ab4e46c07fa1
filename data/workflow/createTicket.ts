/** Creating a ticket inside a store update: stored, routed and audited together. */
import { AppError, ConflictError } from '../errors.js';
import type { PersonRef, WorkflowTicket } from '../model.js';
import type { LiveData, Transaction } from '../store/store.js';
import { plainCopy } from './applyAction.js';
import { formatTicketId, routeFor, validateNewTicket, validateRequester } from './submission.js';
import { accessRequestsFor, isOpen } from './accessRequests.js';
import type { TicketEvent } from './types.js';

/**
 * Runs as `Workflow.submit`'s store update, so it is synchronous. Validates first (a ValidationError changes nothing),
 * then creates the ticket at version 1 and records two audit events, submit (new → submitted) and route
 * (submitted → where it goes). Returns the ticket and both events, in that order, for the listeners; when this
 * submission (same `submissionId`, same requester) already made a ticket, that ticket and no events.
 */
export function createTicket(
  tx: Transaction,
  input: unknown,
  requester: unknown,
  now: Date,
  newId: (sequence: number) => string = formatTicketId,
): { ticket: WorkflowTicket; events: TicketEvent[] } {
  const request = validateNewTicket(input);
  const person = validateRequester(requester);
  const at = now.toISOString();

  // A second press of the same Submit (a double click, Teams re-sending a slow turn) finds the ticket the first one made.
  const duplicate =
    request.submissionId === undefined
      ? undefined
      : tx.data.tickets.find((t) => t.submissionId === request.submissionId && t.requester?.aadObjectId === person.aadObjectId);
  if (duplicate) return { ticket: plainCopy(duplicate), events: [] };
  refuseSecondOpenAccessRequest(tx.data, request.kind, request.organisation?.odsCode);

  const sequence = nextSequence(tx.data);
  const id = newId(sequence);
  if (tx.data.tickets.some((t) => t.id === id)) {
    throw new AppError('ticket-id-taken', `The ticket id ${id} is already in use; the ticket sequence may have been reset.`, {
      id,
    });
  }
  tx.data.ticketSequence = sequence;

  const by: PersonRef = { aadObjectId: person.aadObjectId, ...(person.name ? { name: person.name } : {}) };
  const ticket: WorkflowTicket = {
    id,
    kind: request.kind,
    state: 'submitted',
    version: 1,
    createdAt: at,
    updatedAt: at,
    priority: request.priority ?? 'normal',
    requester: person,
    ...(request.organisation ? { organisation: request.organisation } : {}),
    ...(request.users ? { users: request.users } : {}),
    ...(request.leavers ? { leavers: request.leavers } : {}),
    ...(request.question ? { question: request.question } : {}),
    ...(request.submissionId ? { submissionId: request.submissionId } : {}),
    checklist: {},
    cardCopies: [],
    lastAction: { by, at, verb: 'submit', role: 'requester' },
    stateEnteredAt: at,
  };
  tx.audit({ actor: person.aadObjectId, action: 'submit', ticketId: id, to: 'submitted', at, details: { kind: ticket.kind } });
  const submitted = plainCopy(ticket);

  const to = routeFor(ticket);
  ticket.state = to;
  tx.audit({ actor: 'system', action: 'route', ticketId: id, from: 'submitted', to, at });
  tx.data.tickets.push(ticket);

  const routed = plainCopy(ticket);
  return {
    ticket: routed,
    events: [
      { ticket: submitted, verb: 'submit', to: 'submitted', actor: { kind: 'person', person: plainCopy(by) }, at },
      { ticket: routed, verb: 'route', from: 'submitted', to, actor: { kind: 'system' }, at },
    ],
  };
}

/** Said when two people send an access request for one organisation at once: the second is not sent. */
export const ALREADY_OPEN =
  'An access request for this organisation was sent while we were talking, so I have not sent a second one: ' +
  'the UCP helpdesk and the ICS governance lead will deal with that one.';

/**
 * The conversation checks for an open request when the ODS code is given; this is the same check inside the write, so two
 * managers pressing Submit at once for one organisation still send only one organisation request to the ICS lead.
 */
function refuseSecondOpenAccessRequest(data: LiveData, kind: string, odsCode: string | undefined): void {
  if (kind !== 'organisationAccess' || odsCode === undefined) return;
  if (accessRequestsFor(data.tickets, odsCode).some(isOpen))
    throw new ConflictError(ALREADY_OPEN, { odsCode: odsCode.trim().toUpperCase() });
}

function nextSequence(data: LiveData): number {
  let last = data.ticketSequence;
  // A lost or older setting must never hand out an id still in the live file.
  for (const ticket of data.tickets) {
    const match = /^UCP-(\d+)$/.exec(ticket.id);
    if (match) last = Math.max(last, Number(match[1]));
  }
  return last + 1;
}
