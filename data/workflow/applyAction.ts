/** Carries out one action inside a store transaction: the decision, the change and its audit event land together. */
import type { PersonRef, RosterEntry } from '../model.js';
import type { StoreTransaction } from '../store/store.js';
import { decideAction } from './decide.js';
import type { Actor, ActionOutcome, ActionRequest, TicketEvent } from './types.js';

/** The audit trail's name for an actor: an aadObjectId (an id, not a name) or 'system'. */
export function auditActor(actor: Actor): string {
  if (actor.kind === 'system') return 'system';
  // Card data arrives from outside: a malformed actor is still recorded, as unknown.
  const id = actor.person?.aadObjectId;
  return typeof id === 'string' && id !== '' ? id : 'unknown';
}

/** Said when the ticket is not live (archived, or never was). */
export const NOT_FOUND = 'I could not find that request. It may have been closed and archived.';

/**
 * Runs as `Workflow.act`'s transaction. A forbidden attempt (or another refusal the decision marks as audited, such as
 * assigning to someone off the roster) is audited ('denied') and changes nothing else; any other refusal changes nothing
 * at all. An applied action bumps the version (bookkeeping rules excepted) and records exactly one audit event. The ticket
 * is written back stating the version it was read at: a change in between throws ConflictError and nothing lands.
 */
export async function applyAction(tx: StoreTransaction, request: ActionRequest, now: Date): Promise<ActionOutcome> {
  const ticket = await tx.tickets.get(request.ticketId);
  if (!ticket) return { ok: false, code: 'notFound', message: NOT_FOUND };
  const readVersion = ticket.version;

  const [rosters, imports] = await Promise.all([rostersOf(tx, request), tx.reference.imports()]);
  const decision = decideAction(ticket, request, { rosters, now, imports });
  if (!('change' in decision)) {
    if (decision.code === 'forbidden' || decision.audited) {
      tx.audit({
        actor: auditActor(request.actor),
        action: 'denied',
        ticketId: ticket.id,
        from: ticket.state,
        at: now.toISOString(),
        details: {
          verb: String(request.verb),
          ...(decision.code === 'forbidden' ? { allowed: [...(decision.allowed ?? [])] } : {}),
          ...decision.audited,
        },
      });
    }
    return { ok: false, code: decision.code, message: decision.message, ticket };
  }

  const at = now.toISOString();
  const { role } = decision;
  const stamp = { by: stampBy(request.actor), at };
  decision.change(ticket, stamp);
  if (!decision.rule.bookkeeping) {
    // Only a change of state restarts the clock the reminders count from; a tick or a priority change does not.
    if (decision.to !== ticket.state) ticket.stateEnteredAt = at;
    ticket.state = decision.to;
    ticket.version += 1;
    ticket.updatedAt = at;
    ticket.lastAction = {
      by: stampBy(request.actor),
      at,
      verb: decision.verb,
      ...(role ? { role } : {}),
      ...(decision.reason ? { reason: decision.reason } : {}),
    };
    if (decision.rule.keepsReason && decision.reason) ticket.reason = decision.reason;
  }
  await tx.tickets.update(ticket, readVersion);

  tx.audit({
    actor: auditActor(request.actor),
    action: decision.verb,
    ticketId: ticket.id,
    from: decision.from,
    to: decision.to,
    at,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.details ? { details: decision.details } : {}),
  });

  // The ticket is this transaction's own copy (the store kept another): the event and the answer may hold it.
  const event: TicketEvent = {
    ticket,
    verb: decision.verb,
    from: decision.from,
    to: decision.to,
    actor: actorCopy(request.actor),
    at,
  };
  if (decision.reason) event.reason = decision.reason;
  return { ok: true, ticket, event };
}

/**
 * The roster entries the decision can use: the actor's own (their roles) and, for assign, the assignee's. Queried by id,
 * so a long roster is not read for every press of a button.
 */
async function rostersOf(tx: StoreTransaction, request: ActionRequest): Promise<RosterEntry[]> {
  const ids = new Set<string>();
  if (request.actor.kind === 'person') addId(ids, request.actor.person?.aadObjectId);
  addId(ids, request.assignee?.aadObjectId);
  const lists = await Promise.all([...ids].map((id) => tx.rosters.list({ id })));
  return lists.flat();
}

/** Card data arrives from outside: only a non-empty string is an id. */
function addId(ids: Set<string>, id: unknown): void {
  if (typeof id === 'string' && id !== '') ids.add(id);
}

/** The actor as recorded on the event: a fresh object, so the caller's later changes cannot reach the listeners. */
function actorCopy(actor: Actor): Actor {
  return actor.kind === 'system' ? { kind: 'system' } : { kind: 'person', person: { ...actor.person } };
}

/** A fresh object each time, so nothing stored shares an object with the caller or with another field. */
function stampBy(actor: Actor): PersonRef | 'system' {
  if (actor.kind === 'system') return 'system';
  const by: PersonRef = { aadObjectId: actor.person.aadObjectId };
  if (actor.person.name) by.name = actor.person.name;
  return by;
}
