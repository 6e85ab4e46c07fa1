/**
 * Decides one action on one ticket without changing anything: a refusal, or a plan that `applyAction` carries out.
 * Pure, so the whole table can be checked quickly and the store update stays short and synchronous.
 */
import {
  CHECKLIST_ITEMS,
  type AutomaticItem,
  type ChecklistItem,
  type ImportedList,
  type PersonRef,
  type RosterEntry,
  type TicketPriority,
  type TicketState,
  type WorkflowTicket,
} from '../model.js';
import { automaticResults, recordChecks } from './recordChecks.js';
import { isStale } from './automaticChecks.js';
import { PRIORITIES, routeFor } from './submission.js';
import { automaticTicksToConfirm, checksMissingToResolve, failedAutomaticChecks } from './resolveChecks.js';
import { helpdeskAgentEntry, rolesFor } from './ticketRoles.js';
import { isVerb, ruleFor, rulesFor, type ActorRole, type TransitionRule, type Verb } from './transitions.js';
import type { ActionRequest, RefusalCode } from './types.js';
import { byWhomAndWhen, CHECKLIST_LABEL, conflictMessage, forbiddenMessage, illegalMessage } from './refusalWording.js';

/** Longest reason kept: enough for a paragraph, not a pasted document. */
export const MAX_REASON = 2000;

/** Longest id an audit event keeps of one that came from outside (an aadObjectId is 36 characters). */
const MAX_ID = 128;

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

type VerbCheck = (ticket: WorkflowTicket, request: ActionRequest, context: DecideContext, plan: Plan) => Refusal | undefined;

const VERB_CHECKS: Partial<Record<Verb, VerbCheck>> = {
  approve: (_ticket, _request, _context, plan) => {
    plan.change = (t, stamp) => {
      t.icsApproval = { ...stamp };
    };
    return undefined;
  },
  requestInformation: sendBack,
  provideInformation: (_ticket, _request, _context, plan) => {
    plan.change = (t) => {
      delete t.returnTo;
    };
    return undefined;
  },
  seekIcsApproval: (ticket) => {
    const org = ticket.organisation;
    if (ticket.kind !== 'organisationAccess' || !org || org.location === 'outside') {
      return {
        code: 'illegal',
        message:
          'Only an access request for an organisation in London, or commissioned to serve Londoners, goes to an ICS lead for approval.',
      };
    }
    return undefined;
  },
  assign: (ticket, request, context, plan) => {
    const id = request.assignee?.aadObjectId;
    const entry = typeof id === 'string' ? helpdeskAgentEntry(context.rosters, id) : undefined;
    if (!entry) {
      // Giving a ticket to someone off the roster would show them its staff's details: refused, and audited as a refusal.
      return {
        code: 'invalid',
        message: 'Please choose someone on the helpdesk roster to assign this request to.',
        audited: { why: 'assignee not on the helpdesk roster', ...(typeof id === 'string' ? { assignee: id.slice(0, MAX_ID) } : {}) },
      };
    }
    if (ticket.state === 'assigned' && ticket.assignee?.aadObjectId === entry.id) {
      return { code: 'illegal', message: `This request is already assigned to ${ticket.assignee.name ?? 'that person'}.` };
    }
    const assignee: PersonRef = { aadObjectId: entry.id };
    const name = request.assignee?.name?.trim() || entry.displayName;
    if (name) assignee.name = name;
    plan.details = { assignee: entry.id };
    plan.change = (t) => {
      t.assignee = assignee;
    };
    return undefined;
  },
  check: (_ticket, request, _context, plan) => {
    const checks = automaticResults(request.checks);
    if (!checks) return { code: 'invalid', message: 'The automatic checks could not be recorded.' };
    plan.details = {
      checks: Object.fromEntries(Object.entries(checks).map(([item, c]) => [item, { outcome: c.outcome, evidence: c.evidence }])),
    };
    plan.change = (t) => recordChecks(t, checks);
    return undefined;
  },
  confirmChecks: (ticket, _request, context, plan) => {
    const waiting = automaticTicksToConfirm(ticket);
    const fresh = waiting.filter((item) => !isStale(item, ticket.automaticChecks![item]!, context.imports ?? {}, context.now));
    if (fresh.length === 0) {
      return {
        code: 'illegal',
        message:
          waiting.length > 0
            ? 'A list these checks relied on has changed since, so they are being run again. Please refresh the card in a moment.'
            : 'There are no automatic checks waiting to be confirmed.',
      };
    }
    plan.details = { items: fresh };
    plan.change = (t, stamp) => {
      t.checklist = { ...(t.checklist ?? {}), ...Object.fromEntries(fresh.map((item) => [item, { ...stamp }])) };
    };
    return undefined;
  },
  tick: (ticket, request, context, plan) => {
    const item = checklistItem(request.item);
    if (!item) return unknownItem();
    const done = ticket.checklist?.[item];
    // Ticking an automatic tick is confirming that one item.
    if (done?.by === 'system') {
      plan.details = { item, confirms: 'automatic' };
      plan.change = (t, stamp) => {
        t.checklist = { ...(t.checklist ?? {}), [item]: stamp };
      };
      return undefined;
    }
    if (done)
      return { code: 'illegal', message: `"${CHECKLIST_LABEL[item]}" was already ticked ${byWhomAndWhen(done.by, done.at, context.now)}.` };
    plan.details = { item };
    plan.change = (t, stamp) => {
      t.checklist = { ...(t.checklist ?? {}), [item]: stamp };
    };
    return undefined;
  },
  untick: (ticket, request, _context, plan) => {
    const item = checklistItem(request.item);
    if (!item) return unknownItem();
    if (!ticket.checklist?.[item])
      return { code: 'illegal', message: `"${CHECKLIST_LABEL[item]}" is not ticked, so there is nothing to untick.` };
    plan.details = { item };
    plan.change = (t, stamp) => {
      const checklist = { ...(t.checklist ?? {}) };
      delete checklist[item];
      t.checklist = checklist;
      // The agent's judgement stands: later automatic runs still record what they find, but never tick this again.
      const automatic = t.automaticChecks?.[item as AutomaticItem];
      if (automatic) t.automaticChecks = { ...t.automaticChecks, [item]: { ...automatic, overruledBy: { ...stamp } } };
    };
    return undefined;
  },
  setPriority: (ticket, request, _context, plan) => {
    const priority = request.priority;
    if (!PRIORITIES.includes(priority as TicketPriority)) return { code: 'invalid', message: 'Please choose low, normal, high or urgent.' };
    if (ticket.priority === priority) return { code: 'illegal', message: `This request's priority is already ${priority}.` };
    plan.details = { priorityFrom: ticket.priority, priorityTo: priority };
    plan.change = (t) => {
      t.priority = priority as TicketPriority;
    };
    return undefined;
  },
  escalate: (ticket, _request, _context, plan) => {
    // One step up, staying at urgent: an escalation is still recorded when the priority is already at the top.
    const index = Math.max(0, PRIORITIES.indexOf(ticket.priority));
    const priority = PRIORITIES[Math.min(index + 1, PRIORITIES.length - 1)];
    plan.details = { priorityFrom: ticket.priority, priorityTo: priority };
    plan.change = (t) => {
      t.priority = priority;
    };
    return undefined;
  },
  resolve: (ticket) => {
    // The host runs the automatic checks again just before resolving (bot/tickets/automaticCheckRuns.ts): one that now
    // fails (a DSPT lapsed on 30 June, an organisation gone from the DPIA) stops the accounts being made.
    const failed = failedAutomaticChecks(ticket);
    if (failed.length > 0) {
      return {
        code: 'illegal',
        message: `This request cannot be resolved: ${failed.map((item) => `"${CHECKLIST_LABEL[item]}" fails (${ticket.automaticChecks![item]!.evidence})`).join('; ')}`,
      };
    }
    // Source 001's checks before accounts are provisioned (resolveChecks.ts; the helpdesk card reads the same rule).
    const missing = checksMissingToResolve(ticket);
    const toConfirm = automaticTicksToConfirm(ticket).filter((item) => missing.includes(item));
    if (toConfirm.length > 0) {
      return {
        code: 'illegal',
        message: `Please confirm the automatic checks (${toConfirm.map((item) => `"${CHECKLIST_LABEL[item]}"`).join(', ')})${
          missing.length > toConfirm.length
            ? ` and tick ${missing
                .filter((item) => !(toConfirm as ChecklistItem[]).includes(item))
                .map((item) => `"${CHECKLIST_LABEL[item]}"`)
                .join(', ')}`
            : ''
        } before resolving this request.`,
      };
    }
    if (missing.length > 0) {
      return {
        code: 'illegal',
        message: `Please tick ${missing.map((item) => `"${CHECKLIST_LABEL[item]}"`).join(', ')} before resolving this request: the staff are told to look for their activation e-mail.`,
      };
    }
    return undefined;
  },
  close: (_ticket, _request, _context, plan) => {
    plan.change = (t, stamp) => {
      t.closedAt = stamp.at;
    };
    return undefined;
  },
  withdraw: (_ticket, _request, _context, plan) => {
    plan.change = (t) => {
      delete t.returnTo;
    };
    return undefined;
  },
};

/** Both ICS leads and the helpdesk send a request back; it returns to whoever asked once answered. */
function sendBack(ticket: WorkflowTicket, _request: ActionRequest, _context: DecideContext, plan: Plan): undefined {
  const returnTo = ticket.state;
  plan.change = (t) => {
    t.returnTo = returnTo;
  };
  return undefined;
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

function checklistItem(value: unknown): ChecklistItem | undefined {
  return (CHECKLIST_ITEMS as readonly unknown[]).includes(value) ? (value as ChecklistItem) : undefined;
}

function unknownItem(): Refusal {
  return { code: 'invalid', message: 'I did not recognise that checklist item. Please refresh the card and try again.' };
}
