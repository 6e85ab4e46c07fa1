/** Carries out one action inside a store update: the decision, the change and its audit event land together. */
import type { PersonRef } from '../model.js';
import type { Transaction } from '../store/store.js';
import { decideAction } from './decide.js';
import type { Actor, ActionOutcome, ActionRequest, TicketEvent } from './types.js';

/** The audit trail's name for an actor: an aadObjectId (an id, not a name) or 'system'. */
export function auditActor(actor: Actor): string {
  if (actor.kind === 'system') return 'system';
  // Card data arrives from outside: a malformed actor is still recorded, as unknown.
  const id = actor.person?.aadObjectId;
  return typeof id === 'string' && id !== '' ? id : 'unknown';
}

/** A plain copy of a stored record: what the store hands out is a read-only view (structuredClone refuses it). */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Runs as `Workflow.act`'s store update, so it must stay synchronous. A forbidden attempt (or another refusal the decision
 * marks as audited, such as assigning to someone off the roster) is audited ('denied') and changes nothing else; any
 * other refusal changes nothing at all. An applied action bumps the version (bookkeeping rules excepted) and records
 * exactly one audit event.
 */
export function applyAction(tx: Transaction, request: ActionRequest, now: Date): ActionOutcome {
  const ticket = tx.data.tickets.find((t) => t.id === request.ticketId);
  if (!ticket) return { ok: false, code: 'notFound', message: 'I could not find that request. It may have been closed and archived.' };

  const decision = decideAction(ticket, request, { rosters: tx.data.rosters, now, imports: tx.data.imports });
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
    return { ok: false, code: decision.code, message: decision.message, ticket: plainCopy(ticket) };
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

  const copy = plainCopy(ticket);
  const event: TicketEvent = {
    ticket: copy,
    verb: decision.verb,
    from: decision.from,
    to: decision.to,
    actor: plainCopy(request.actor),
    at,
  };
  if (decision.reason) event.reason = decision.reason;
  return { ok: true, ticket: copy, event };
}

/** A fresh object each time, so nothing stored shares an object with the caller or with another field. */
function stampBy(actor: Actor): PersonRef | 'system' {
  if (actor.kind === 'system') return 'system';
  const by: PersonRef = { aadObjectId: actor.person.aadObjectId };
  if (actor.person.name) by.name = actor.person.name;
  return by;
}
