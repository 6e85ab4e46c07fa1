/**
 * Decides one action on one ticket without changing anything: a refusal, or a plan that `applyAction` carries out.
 * Pure, so the whole table can be checked quickly and the store update stays short and synchronous.
 */
import type { ImportedList, PersonRef, RosterEntry, TicketState, WorkflowTicket } from '../model.js';
import { routeFor } from './submission.js';
import { rolesFor } from './ticketRoles.js';
import { isVerb, ruleFor, rulesFor, type ActorRole, type TransitionRule, type Verb } from './transitions.js';
import type { ActionRequest, RefusalCode } from './types.js';
import { conflictMessage, forbiddenMessage, illegalMessage } from './refusalWording.js';
import { VERB_CHECKS } from './verbChecks.js';

/** Longest reason kept: enough for a paragraph, not a pasted document. */
export const MAX_REASON = 2000;

/** A refused action. `allowed` is set for forbidden ones, which are audited; so are refusals that carry `audited`. */
export interface Refusal {
  code: Exclude<RefusalCode, 'notFound'>;
  message: string;
  allowed?: readonly ActorRole[];
  /** Details for the audit trail, on refusals besides forbidden ones that are attempts to do what is not allowed. */
  audited?: Record<string, unknown>;
}

/** What an allowed action will do. `change` makes the verb's own changes; `applyAction` does the common ones. */
export interface Plan {
  rule: TransitionRule;
  /** The role the action is taken in: the first of the actor's roles the rule allows. */
  role: ActorRole | undefined;
  verb: Verb;
  from: TicketState;
  to: TicketState;
  reason?: string;
  details?: Record<string, unknown>;
  change(ticket: WorkflowTicket, stamp: { by: PersonRef | 'system'; at: string }): void;
}

/** What the decision needs besides the ticket and the request. */
export interface DecideContext {
  rosters: readonly RosterEntry[];
  now: Date;
  /** When each reference list was imported: an automatic tick older than its list is not confirmed. */
  imports?: Partial<Record<ImportedList, string>>;
}

const REASON_NEEDED: Partial<Record<Verb, string>> = {
  reject: 'Please say why this request is being turned down: the person who asked will see it.',
  requestInformation: 'Please say what information is needed: the person who asked will see it.',
  provideInformation: 'Please type your answer so the request can carry on.',
  escalate: 'Please say why this request needs escalating.',
};

/**
 * A refusal, or a plan for one action. Checks in this order: the verb exists; the actor holds a role the
 * verb allows in some state (forbidden); the verb applies in the current state for one of the actor's roles (illegal,
 * saying who acted last); the actor saw the current version (conflict); the request carries what the verb needs
 * (invalid); then the verb's own preconditions.
 * Illegal comes before conflict so that someone clicking a decision already made is told what happened and by whom.
 */
export function decideAction(ticket: WorkflowTicket, request: ActionRequest, context: DecideContext): Refusal | Plan {
  const { verb } = request;
  if (!isVerb(verb)) return { code: 'invalid', message: 'I did not recognise that action. Please refresh the card and try again.' };

  // Forbidden means this person may never use this verb on this ticket. Someone who could in another state (an ICS
  // lead clicking Reject on a stale card after another lead approved) is told what happened instead: illegal.
  const rule = ruleFor(verb, ticket.state);
  const allowed = [...new Set(rulesFor(verb).flatMap((r) => r.who))];
  const roles = rolesFor(context.rosters, ticket, request.actor);
  if (!roles.some((role) => allowed.includes(role))) return { code: 'forbidden', message: forbiddenMessage(allowed), allowed };

  if (!rule || !roles.some((role) => rule.who.includes(role)))
    return { code: 'illegal', message: illegalMessage(ticket, verb, context.now) };
  if (request.expectedVersion !== undefined && request.expectedVersion !== ticket.version) {
    return { code: 'conflict', message: conflictMessage(ticket, context.now) };
  }

  const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
  if (rule.needsReason && reason === '') return { code: 'invalid', message: REASON_NEEDED[verb] ?? 'Please give a reason.' };
  if (reason.length > MAX_REASON) return { code: 'invalid', message: `Please keep the reason under ${MAX_REASON} characters.` };

  const from = ticket.state;
  const plan: Plan = { rule, role: roles.find((r) => rule.who.includes(r)), verb, from, to: target(rule, ticket), change: () => undefined };
  if (reason !== '') plan.reason = reason;
  const special = VERB_CHECKS[verb]?.(ticket, request, context, plan);
  return special ?? plan;
}

function target(rule: TransitionRule, ticket: WorkflowTicket): TicketState {
  switch (rule.to) {
    case 'same':
      return ticket.state;
    case 'routed':
      return routeFor(ticket);
    // A needs-information ticket without a returnTo (made by hand) goes to the helpdesk, who can send it on.
    case 'returnTo':
      return ticket.returnTo ?? 'awaitingHelpdesk';
    default:
      return rule.to;
  }
}
