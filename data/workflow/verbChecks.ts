/** Each verb's own preconditions and changes, beyond the table's who-and-when: what `decideAction` adds to a plan. Pure. */
import {
  CHECKLIST_ITEMS,
  type AutomaticItem,
  type ChecklistItem,
  type PersonRef,
  type TicketPriority,
  type WorkflowTicket,
} from '../model.js';
import { isStale } from './automaticChecks.js';
import type { DecideContext, Plan, Refusal } from './decide.js';
import { recordChecks, automaticResults } from './recordChecks.js';
import { CHECKLIST_LABEL, byWhomAndWhen } from './refusalWording.js';
import { automaticTicksToConfirm, checksMissingToResolve, failedAutomaticChecks } from './resolveChecks.js';
import { PRIORITIES } from './submission.js';
import { helpdeskAgentEntry } from './ticketRoles.js';
import type { Verb } from './transitions.js';
import type { ActionRequest } from './types.js';

/** Longest id an audit event keeps of one that came from outside (an aadObjectId is 36 characters). */
const MAX_ID = 128;

type VerbCheck = (ticket: WorkflowTicket, request: ActionRequest, context: DecideContext, plan: Plan) => Refusal | undefined;

export const VERB_CHECKS: Partial<Record<Verb, VerbCheck>> = {
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

function checklistItem(value: unknown): ChecklistItem | undefined {
  return (CHECKLIST_ITEMS as readonly unknown[]).includes(value) ? (value as ChecklistItem) : undefined;
}

function unknownItem(): Refusal {
  return { code: 'invalid', message: 'I did not recognise that checklist item. Please refresh the card and try again.' };
}
