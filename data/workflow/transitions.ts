/**
 * The ticket lifecycle as data: every verb, the states it applies in, where it leads and who may use it.
 * It follows the helpdesk's duties in source 001 (receive, log, prioritise, assign, track, escalate, resolve, close,
 * archive) and its organisation checks (ODS, DPIA, DSPT, then ICS onboarding approval where the DPIA does not name the
 * organisation). Every applied transition is audited; "track" is the audit trail and `lastAction` on the ticket.
 */
import type { TicketState } from '../model.js';

/** A role a person (or the service itself) holds for one ticket; a person may hold several. */
export type ActorRole = 'requester' | 'icsLead' | 'helpdeskAgent' | 'system';

/** Every action the workflow knows, by the name card verbs and audit events use. */
export const VERBS = [
  'submit',
  'route',
  'approve',
  'reject',
  'requestInformation',
  'provideInformation',
  'seekIcsApproval',
  'assign',
  'check',
  'confirmChecks',
  'tick',
  'untick',
  'setPriority',
  'escalate',
  'resolve',
  'close',
  'archive',
  'withdraw',
] as const;
export type Verb = (typeof VERBS)[number];

/** Every ticket state, in the order a ticket usually passes through them. */
export const TICKET_STATES: readonly TicketState[] = [
  'submitted',
  'awaitingIcsApproval',
  'awaitingHelpdesk',
  'assigned',
  'needsInformation',
  'resolved',
  'closed',
  'archived',
  'rejected',
  'withdrawn',
];

/** States in which someone still has something to do: the tab's queue, the reminders and the reports count these. */
export const OPEN_STATES: readonly TicketState[] = ['submitted', 'awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation'];

/** States after which nothing more happens to a ticket: its cards are no longer synced and the archive takes it out of the live file. */
export const CLOSED_STATES: readonly TicketState[] = ['closed', 'archived'];

/**
 * Where a rule leads: a state; 'returnTo' (back to the state a needs-information ticket left); 'same' (the ticket
 * changes but its state does not: ticks, priority, escalation, re-assignment); 'routed' (decided by `routeFor`).
 * A rule leading to 'needsInformation' records the state it left as the ticket's `returnTo`.
 */
export type RuleTarget = TicketState | 'returnTo' | 'same' | 'routed';

/** One row of the table. 'new' stands for a ticket that does not exist yet. */
export interface TransitionRule {
  verb: Verb;
  from: readonly (TicketState | 'new')[];
  to: RuleTarget;
  who: readonly ActorRole[];
  needsReason: boolean;
  /** The reason stays on the ticket (`reason`) because the requester is shown it. */
  keepsReason?: boolean;
  /**
   * Bookkeeping by the service, not a decision: audited, but the ticket's version, last action and times stay as they are,
   * so a card an agent is looking at stays current and the reminders' clocks do not restart.
   */
  bookkeeping?: boolean;
}

const HELPDESK_WORKING: readonly TicketState[] = ['awaitingHelpdesk', 'assigned'];

/** The whole table; a verb has several rows when different people use it from different states (reject, requestInformation). */
export const TRANSITIONS: readonly TransitionRule[] = [
  // Receive and log: the requester's submission is stored, then routed by the service in the same write.
  { verb: 'submit', from: ['new'], to: 'submitted', who: ['requester'], needsReason: false },
  { verb: 'route', from: ['submitted'], to: 'routed', who: ['system'], needsReason: false },
  // ICS onboarding approval (source 001): only a lead of the ticket's own ICS decides.
  { verb: 'approve', from: ['awaitingIcsApproval'], to: 'awaitingHelpdesk', who: ['icsLead'], needsReason: false },
  { verb: 'reject', from: ['awaitingIcsApproval'], to: 'rejected', who: ['icsLead'], needsReason: true, keepsReason: true },
  {
    verb: 'requestInformation',
    from: ['awaitingIcsApproval'],
    to: 'needsInformation',
    who: ['icsLead'],
    needsReason: true,
    keepsReason: true,
  },
  // The helpdesk's own checks can also end a request or send it back to the requester.
  { verb: 'reject', from: HELPDESK_WORKING, to: 'rejected', who: ['helpdeskAgent'], needsReason: true, keepsReason: true },
  {
    verb: 'requestInformation',
    from: HELPDESK_WORKING,
    to: 'needsInformation',
    who: ['helpdeskAgent'],
    needsReason: true,
    keepsReason: true,
  },
  { verb: 'provideInformation', from: ['needsInformation'], to: 'returnTo', who: ['requester'], needsReason: true },
  // Source 001: "help desk shall seek onboarding approval from the relevant ICS Lead" when its DPIA check finds the
  // organisation unlisted, even if the request arrived as listed (the register the bot used may have been out of date).
  { verb: 'seekIcsApproval', from: HELPDESK_WORKING, to: 'awaitingIcsApproval', who: ['helpdeskAgent'], needsReason: false },
  // Assign, then work through the checklist (each tick audited).
  { verb: 'assign', from: HELPDESK_WORKING, to: 'assigned', who: ['helpdeskAgent'], needsReason: false },
  // The service runs the checks it can (automaticChecks.ts) and ticks those that pass; an agent confirms them in one press.
  { verb: 'check', from: HELPDESK_WORKING, to: 'same', who: ['system'], needsReason: false, bookkeeping: true },
  { verb: 'confirmChecks', from: HELPDESK_WORKING, to: 'same', who: ['helpdeskAgent'], needsReason: false },
  { verb: 'tick', from: HELPDESK_WORKING, to: 'same', who: ['helpdeskAgent'], needsReason: false },
  { verb: 'untick', from: HELPDESK_WORKING, to: 'same', who: ['helpdeskAgent'], needsReason: false },
  // Prioritise and escalate; the service escalates too (a service-level clock running out).
  { verb: 'setPriority', from: OPEN_STATES, to: 'same', who: ['helpdeskAgent'], needsReason: false },
  {
    verb: 'escalate',
    from: ['awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation'],
    to: 'same',
    who: ['helpdeskAgent', 'system'],
    needsReason: true,
  },
  // Resolve, close, archive.
  { verb: 'resolve', from: ['assigned'], to: 'resolved', who: ['helpdeskAgent'], needsReason: false },
  { verb: 'close', from: ['resolved', 'rejected', 'withdrawn'], to: 'closed', who: ['helpdeskAgent', 'system'], needsReason: false },
  { verb: 'archive', from: ['closed'], to: 'archived', who: ['system'], needsReason: false },
  // The requester may change their mind; the service withdraws requests left unanswered (10 working days).
  { verb: 'withdraw', from: OPEN_STATES, to: 'withdrawn', who: ['requester', 'system'], needsReason: false },
];

/**
 * Names older audit events and tickets still carry, and the verb each is now with the one role that used it. The ICS lead's
 * `askForInformation` and the helpdesk's `requestInformation` were one act by two roles: now one verb with two rows.
 */
const FORMER_VERBS: Readonly<Record<string, { verb: Verb; who: ActorRole }>> = {
  askForInformation: { verb: 'requestInformation', who: 'icsLead' },
};

/** The verb a recorded action (an audit event's action, a ticket's last action) names today; undefined for anything else. */
export function recordedVerb(action: string): Verb | undefined {
  return isVerb(action) ? action : FORMER_VERBS[action]?.verb;
}

/** The one role that could use a recorded action under its former name (an ICS lead's `askForInformation`); else undefined. */
export function formerVerbRole(action: string): ActorRole | undefined {
  return Object.hasOwn(FORMER_VERBS, action) ? FORMER_VERBS[action]!.who : undefined;
}

/** Every row for a verb; used to tell "not now" (illegal) from "never you" (forbidden). */
export function rulesFor(verb: Verb): TransitionRule[] {
  return TRANSITIONS.filter((rule) => rule.verb === verb);
}

/** The row that applies to a verb in a state, if any. */
export function ruleFor(verb: Verb, state: TicketState): TransitionRule | undefined {
  return TRANSITIONS.find((rule) => rule.verb === verb && rule.from.includes(state));
}

/** Whether a string names a verb; used on data that arrives from cards. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (VERBS as readonly string[]).includes(value);
}

/** The verbs someone holding these roles may use on a ticket in this state: the buttons a viewer's card shows. */
export function verbsAvailable(state: TicketState, roles: readonly ActorRole[]): Verb[] {
  const verbs = TRANSITIONS.filter((rule) => rule.from.includes(state) && rule.who.some((role) => roles.includes(role))).map(
    (rule) => rule.verb,
  );
  return [...new Set(verbs)];
}
