/** How reports name people, roles and ICSs: roster names first, never "undefined", never a guessed role. */
import type { PersonRef, RosterEntry, WorkflowTicket } from '../../data/model.js';
import { icsByCode } from '../../data/rules/ics.js';
import type { ActorRole } from '../../data/workflow/transitions.js';

/** An ICS's name for a report row; "No ICS" for a request with no organisation (a question). */
export function icsLabel(icbCode: string | undefined): string {
  if (!icbCode) return 'No ICS';
  return icsByCode(icbCode)?.name ?? icbCode;
}

/**
 * Display names by aadObjectId: the names tickets carry (requester, assignee, last action), then the rosters' display
 * names, which win because they are kept current. Channels are not people and are left out.
 */
export function peopleNames(tickets: Iterable<WorkflowTicket>, rosters: readonly RosterEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  const add = (person: PersonRef | 'system' | undefined) => {
    if (person && person !== 'system' && typeof person.aadObjectId === 'string' && person.name?.trim())
      names.set(person.aadObjectId, person.name.trim());
  };
  for (const ticket of tickets) {
    add(ticket.requester);
    add(ticket.assignee);
    add(ticket.lastAction?.by);
  }
  for (const entry of rosters) {
    if (entry.kind !== 'icsChannel' && entry.kind !== 'helpdeskChannel' && entry.displayName?.trim())
      names.set(entry.id, entry.displayName.trim());
  }
  return names;
}

/** Who acted, in words: the service, a known name, or a plain phrase for someone no roster or ticket names. */
export function actorName(actor: string, names: ReadonlyMap<string, string>): string {
  if (actor === 'system') return 'The service';
  return names.get(actor) ?? 'Someone not on a roster';
}

/** The role someone acted in, in words, naming the ICS for a governance lead. */
export function roleLabel(role: ActorRole | undefined, icbCode: string | undefined): string {
  switch (role) {
    case 'requester':
      return 'Care home (requester)';
    case 'icsLead':
      return `${icsLabel(icbCode) === 'No ICS' ? 'ICS' : icsLabel(icbCode)} governance lead`;
    case 'helpdeskAgent':
      return 'UCP helpdesk';
    case 'system':
      return 'The service (automatic)';
    default:
      return 'Not recorded';
  }
}
