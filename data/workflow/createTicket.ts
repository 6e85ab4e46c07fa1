/** Creating a ticket inside a store transaction: stored, routed and audited together. */
import { AppError, ConflictError } from '../errors.js';
import type { PersonRef, WorkflowTicket } from '../model.js';
import type { StoreTransaction } from '../store/store.js';
import { formatTicketId, routeFor, validateNewTicket, validateRequester } from './submission.js';
import { OPEN_STATES } from './transitions.js';
import type { TicketEvent } from './types.js';

/**
 * Runs as `Workflow.submit`'s transaction. Validates first (a ValidationError changes nothing), then creates the ticket
 * at version 1 and records two audit events, submit (new → submitted) and route (submitted → where it goes). Returns the
 * ticket and both events, in that order, for the listeners; when this submission (same `submissionId`, same requester)
 * already made a ticket, that ticket and no events.
 */
export async function createTicket(
  tx: StoreTransaction,
  input: unknown,
  requester: unknown,
  now: Date,
  newId: (sequence: number) => string = formatTicketId,
): Promise<{ ticket: WorkflowTicket; events: TicketEvent[] }> {
  const request = validateNewTicket(input);
  const person = validateRequester(requester);
  const at = now.toISOString();

  // Another instance may be deciding the same right now: it finishes first, and the reads below see its ticket.
  await tx.tickets.lockNewTickets();
  // A second press of the same Submit (a double click, Teams re-sending a slow turn) finds the ticket the first one made.
  if (request.submissionId !== undefined) {
    const [duplicate] = await tx.tickets.list({ submissionId: request.submissionId, requester: person.aadObjectId });
    if (duplicate) return { ticket: duplicate, events: [] };
  }
  await refuseSecondOpenAccessRequest(tx, request.kind, request.organisation?.odsCode);

  const id = await freeId(tx, newId);
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
  // The listeners see the ticket as it was submitted and as it was routed: two snapshots of this one new ticket.
  const submitted = structuredClone(ticket);

  const to = routeFor(ticket);
  ticket.state = to;
  tx.audit({ actor: 'system', action: 'route', ticketId: id, from: 'submitted', to, at });
  await tx.tickets.insert(ticket);

  return {
    ticket,
    events: [
      { ticket: submitted, verb: 'submit', to: 'submitted', actor: { kind: 'person', person: { ...by } }, at },
      { ticket: structuredClone(ticket), verb: 'route', from: 'submitted', to, actor: { kind: 'system' }, at },
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
async function refuseSecondOpenAccessRequest(tx: StoreTransaction, kind: string, odsCode: string | undefined): Promise<void> {
  if (kind !== 'organisationAccess' || odsCode === undefined) return;
  const open = await tx.tickets.list({ kind: 'organisationAccess', odsCode: odsCode.trim(), states: OPEN_STATES });
  if (open.length > 0) throw new ConflictError(ALREADY_OPEN, { odsCode: odsCode.trim().toUpperCase() });
}

/** Most numbers skipped before giving up: more than the live file ever holds, so only a broken `newId` reaches it. */
const MAX_SKIPPED = 100_000;

/**
 * The next ticket id. A counter never recorded (a live file from before it, or tickets put there by hand) starts past the
 * highest live ticket number: the live tickets are read once, the first time only. After that, an id still in the live
 * file (a counter restored from an older copy) is skipped, and its number stays used.
 */
async function freeId(tx: StoreTransaction, newId: (sequence: number) => string): Promise<string> {
  let sequence = await tx.tickets.nextSequence();
  if (sequence === 1) {
    const highest = highestNumber(await tx.tickets.list());
    while (sequence <= highest) sequence = await tx.tickets.nextSequence();
  }
  for (let skipped = 0; skipped <= MAX_SKIPPED; skipped += 1, sequence = await tx.tickets.nextSequence()) {
    const id = newId(sequence);
    if ((await tx.tickets.get(id)) === undefined) return id;
  }
  throw new AppError('ticket-id-taken', 'The ticket ids handed out are all in use already; the ticket sequence may have been reset.');
}

function highestNumber(tickets: readonly WorkflowTicket[]): number {
  let highest = 0;
  for (const ticket of tickets) {
    const match = /^UCP-(\d+)$/.exec(ticket.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}
