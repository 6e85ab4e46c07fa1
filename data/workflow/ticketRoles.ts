/** Who someone is for one ticket, read from the rosters. Pure. */
import type { RosterEntry, WorkflowTicket } from '../model.js';
import type { ActorRole } from './transitions.js';
import type { Actor } from './types.js';

/**
 * Roles are per ticket: an ICS lead is a lead only for
 * tickets of their own ICS (roster scope = the organisation's ICB code), and the requester is whoever submitted it.
 */
export function rolesFor(
  rosters: readonly RosterEntry[],
  ticket: Pick<WorkflowTicket, 'requester' | 'organisation'>,
  actor: Actor,
): ActorRole[] {
  if (actor.kind === 'system') return ['system'];
  const id = actor.person.aadObjectId;
  if (typeof id !== 'string' || id === '') return [];
  const roles: ActorRole[] = [];
  if (ticket.requester?.aadObjectId === id) roles.push('requester');
  const icbCode = ticket.organisation?.icbCode;
  if (icbCode && rosters.some((entry) => entry.kind === 'icsLead' && entry.id === id && entry.scope === icbCode)) roles.push('icsLead');
  if (isHelpdeskAgent(rosters, id)) roles.push('helpdeskAgent');
  return roles;
}

/** Whether a person is on the helpdesk roster; used for assignees, who may be anyone on it. */
export function isHelpdeskAgent(rosters: readonly RosterEntry[], aadObjectId: string): boolean {
  return helpdeskAgentEntry(rosters, aadObjectId) !== undefined;
}

/** The roster entry of a helpdesk agent, for the display name of an assignee. */
export function helpdeskAgentEntry(rosters: readonly RosterEntry[], aadObjectId: string): RosterEntry | undefined {
  return rosters.find((entry) => entry.kind === 'helpdeskAgent' && entry.id === aadObjectId);
}
