/** The sentences people read when the workflow refuses something. Plain and kind; no codes, no internal names. */
import type { ChecklistItem, PersonRef, TicketState, WorkflowTicket } from '../model.js';
import { londonParts } from '../rules/londonTime.js';
import { recordedVerb, type ActorRole, type Verb } from './transitions.js';

/** How a finished action is described after the fact: "approved by Sam Lead at 10:04". */
const DONE: Record<Verb, string> = {
  submit: 'sent',
  route: 'passed to the right team',
  approve: 'approved',
  reject: 'turned down',
  requestInformation: 'sent back for more information',
  provideInformation: 'answered',
  seekIcsApproval: 'sent to the ICS lead for approval',
  assign: 'assigned',
  check: 'checked automatically',
  confirmChecks: 'last updated',
  tick: 'last updated',
  untick: 'last updated',
  setPriority: 'last updated',
  escalate: 'escalated',
  resolve: 'resolved',
  close: 'closed',
  archive: 'archived',
  withdraw: 'withdrawn',
};

/** What cannot happen now, ending the sentence "…, so ___." */
const CANNOT: Record<Verb, string> = {
  submit: 'it cannot be sent again',
  route: 'it cannot be passed on again',
  approve: 'it cannot be approved now',
  reject: 'it cannot be turned down now',
  requestInformation: 'more information cannot be asked for now',
  provideInformation: 'no answer is needed now',
  seekIcsApproval: 'it cannot be sent to the ICS lead now',
  assign: 'it cannot be assigned now',
  check: 'its checks are not run now',
  confirmChecks: 'its checklist cannot be changed now',
  tick: 'its checklist cannot be changed now',
  untick: 'its checklist cannot be changed now',
  setPriority: 'its priority cannot be changed now',
  escalate: 'it cannot be escalated now',
  resolve: 'it cannot be resolved now',
  close: 'it cannot be closed now',
  archive: 'it cannot be archived now',
  withdraw: 'it cannot be withdrawn now',
};

const STATE_NOW: Record<TicketState, string> = {
  submitted: 'just being passed to the right team',
  awaitingIcsApproval: "waiting for the ICS lead's approval",
  awaitingHelpdesk: 'waiting for the helpdesk',
  assigned: 'being handled by the helpdesk',
  needsInformation: 'waiting for more information from the person who asked',
  resolved: 'resolved',
  closed: 'closed',
  archived: 'archived',
  rejected: 'turned down',
  withdrawn: 'withdrawn',
};

const ROLE_NAME: Record<ActorRole, string> = {
  requester: 'the person who made this request',
  icsLead: "a governance lead of this organisation's ICS",
  helpdeskAgent: 'the UCP helpdesk',
  system: 'the service itself',
};

/** Checklist items as the helpdesk names them (source 001). */
export const CHECKLIST_LABEL: Record<ChecklistItem, string> = {
  odsVerified: 'ODS verified',
  dpiaChecked: 'DPIA checked',
  dsptChecked: 'DSPT checked',
  emailDomainsChecked: 'E-mail domains checked',
  accountsCreated: 'Accounts created',
};

/** "by Sam Lead at 10:04", "automatically on 3 March at 16:30": who acted and when, relative to now. */
export function byWhomAndWhen(by: PersonRef | 'system', at: string, now: Date): string {
  const who = by === 'system' ? 'automatically' : `by ${by.name?.trim() || 'a colleague'}`;
  return `${who} ${when(at, now)}`;
}

/** Used when the verb does not apply in the ticket's state: "This request was already approved by Sam Lead at 10:04." */
export function illegalMessage(ticket: WorkflowTicket, verb: Verb, now: Date): string {
  const last = ticket.lastAction;
  const lastVerb = last ? recordedVerb(last.verb) : undefined;
  if (last && lastVerb) {
    const done = `${DONE[lastVerb]} ${byWhomAndWhen(last.by, last.at, now)}`;
    if (lastVerb === verb && verb !== 'tick' && verb !== 'untick' && verb !== 'confirmChecks' && verb !== 'setPriority')
      return `This request was already ${done}.`;
    // "turned down … and is turned down": where the last action already names the state, it is said once.
    const state = stateNow(ticket.state);
    return state === DONE[lastVerb]
      ? `This request was ${done}, so ${CANNOT[verb]}.`
      : `This request was ${done} and is ${state}, so ${CANNOT[verb]}.`;
  }
  return `This request is ${stateNow(ticket.state)}, so ${CANNOT[verb]}.`;
}

/** Used when the actor saw an older version: says who acted last and when, so they can look again. */
export function conflictMessage(ticket: WorkflowTicket, now: Date): string {
  const last = ticket.lastAction;
  if (!last) return 'This request has changed since you opened it. Please look at the latest version and try again.';
  const lastVerb = recordedVerb(last.verb);
  const done = lastVerb ? DONE[lastVerb] : 'changed';
  return `This request was ${done} ${byWhomAndWhen(last.by, last.at, now)}, after you opened it. Please look at the latest version and try again.`;
}

/** Used when none of the actor's roles may use this verb on this ticket. */
export function forbiddenMessage(allowed: readonly ActorRole[]): string {
  if (allowed.length === 1 && allowed[0] === 'system')
    return 'This happens automatically, so nobody needs to do it by hand. Nothing was changed.';
  const people = allowed.filter((role) => role !== 'system').map((role) => ROLE_NAME[role]);
  return `Only ${joinOr(people)} can do this, so nothing was changed. If you think you should be able to, please contact the UCP helpdesk.`;
}

function stateNow(state: string): string {
  return STATE_NOW[state as TicketState] ?? 'in a state I do not recognise';
}

function when(at: string, now: Date): string {
  const then = new Date(at);
  if (Number.isNaN(then.getTime())) return 'earlier';
  const a = londonParts(then);
  const b = londonParts(now);
  const time = `at ${String(a.hour).padStart(2, '0')}:${String(a.minute).padStart(2, '0')}`;
  if (a.year === b.year && a.month === b.month && a.day === b.day) return time;
  const date = `${a.day} ${MONTHS[a.month - 1]}${a.year === b.year ? '' : ` ${a.year}`}`;
  return `on ${date} ${time}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'someone else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
