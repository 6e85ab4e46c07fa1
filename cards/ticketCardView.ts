/** Who is looking at a ticket card, and the parts every view shares. */
import type { PersonRef, WorkflowTicket } from '../data/model.js';
import type { HelpdeskFacts } from '../data/rules/helpdesk.js';
import { KIND_HEADING, lastActionText, organisationLine, statusText } from './cardText.js';
import { people } from './requesterText.js';
import { CARD_VERBS, type CardVerb } from './verbs.js';

/** The view a viewer gets; the card handlers choose it from the rosters. */
export type TicketCardView =
  | { kind: 'icsLead' }
  /**
   * `shared`: the copy posted to a helpdesk channel, which everyone in the channel sees: the helpdesk's buttons and the
   * organisation, but the people counted by role (no names, e-mail addresses or question); each agent's own view has them.
   */
  | { kind: 'helpdesk'; agents: PersonRef[]; shared?: boolean }
  | { kind: 'readOnly' }
  | { kind: 'notAllowed'; message: string }
  | { kind: 'requester' };

/** What the caller adds to a card besides the ticket. */
export interface TicketCardOptions {
  /** Teams user ids ("29:…") whose clients fetch their own view; only the first 60 distinct ids are kept (Teams' limit). */
  refreshUserIds: string[];
  /** A highlighted line at the top, e.g. "Sam Lead already approved this at 10:04." */
  notice?: string;
  /** The time to write dates against (a year is shown only for another year); defaults to the current time. */
  now?: Date;
  /** The configured helpdesk contact the requester's card gives (bot/config.ts); none: source 000's contact page. */
  helpdesk?: HelpdeskFacts;
}

/** Teams refreshes a card automatically for at most this many listed users. */
export const MAX_REFRESH_USER_IDS = 60;

/** The longest free text (a question, a reason) a card shows before cutting it short, to stay well inside Teams' card size limit. */
export const MAX_SHOWN_TEXT = 2000;

/** The template data every ticket card view has. */
export interface CommonCardData {
  ticketId: string;
  version: number;
  refresh: { show: boolean; userIds: string[] };
  notice: { show: boolean; text: string };
  heading: string;
  subject: string;
  status: string;
  lastAction: { show: boolean; text: string };
}

/** What every view of a ticket shows: ids, refresh, notice, heading, status and who acted last. */
export function commonCardData(ticket: WorkflowTicket, options: TicketCardOptions, now: Date, showRequesterName: boolean): CommonCardData {
  const userIds = refreshUserIds(options.refreshUserIds);
  const notice = options.notice?.trim() ?? '';
  const lastAction = lastActionText(ticket, now, showRequesterName);
  return {
    ticketId: ticket.id,
    version: ticket.version,
    // Always present: without `refresh` a client offers no way to fetch a viewer's own view (and so no buttons).
    refresh: { show: true, userIds },
    notice: { show: notice !== '', text: clip(notice) },
    heading: KIND_HEADING[ticket.kind] ?? 'Request',
    subject: organisationLine(ticket),
    status: statusText(ticket),
    lastAction: { show: lastAction !== '', text: lastAction },
  };
}

/** The first 60 distinct, non-empty ids, in the order given. */
export function refreshUserIds(ids: readonly string[]): string[] {
  const kept = [...new Set(ids.filter((id) => typeof id === 'string' && id.trim() !== ''))];
  return kept.slice(0, MAX_REFRESH_USER_IDS);
}

/** "Clinical: 2 people" rows: the people asked for, counted by role and named nowhere (the ICS lead's card, a channel's copy). */
export function countsByRole(users: readonly { role: string | null }[]): { role: string; people: string }[] {
  const counts = new Map<string, number>();
  for (const user of users) {
    const role = user.role ?? 'Role for the helpdesk to decide';
    counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return [...counts].map(([role, count]) => ({ role, people: people(count) }));
}

/** A switch for each card verb: true where the view shows its button. */
export function actionSwitches(allowed: ReadonlySet<CardVerb>): Record<CardVerb, boolean> {
  return Object.fromEntries(CARD_VERBS.map((verb) => [verb, allowed.has(verb)])) as Record<CardVerb, boolean>;
}

/** Free text cut to MAX_SHOWN_TEXT characters, marked with an ellipsis when cut. */
export function clip(text: string): string {
  return text.length <= MAX_SHOWN_TEXT ? text : `${text.slice(0, MAX_SHOWN_TEXT - 1)}…`;
}
