/**
 * Managers the bot cannot reach, so the helpdesk can phone them: care home managers whose latest
 * message failed in Teams because the app is uninstalled or blocked (or their chat was already marked unusable for that)
 * and could not go by e-mail either. Personal data: for the helpdesk only. Pure.
 */
import { userKey } from '../../data/conversationKeys.js';
import type { ConversationRecord, NotificationRecord, WorkflowTicket } from '../../data/model.js';
import { inWindow, reportTime, type ReportFilters } from './reportWindow.js';

/** One manager to phone. */
export interface UnreachableRow {
  name: string;
  email: string;
  organisation: string;
  tickets: string;
  /** When the latest message was last tried (ISO) and as London clocks show it. */
  lastTriedAt: string;
  lastTried: string;
  /** Why it did not arrive, in plain words. */
  why: string;
  /** The subject of the message still waiting for them. */
  waiting: string;
}

/** The Teams failures meaning the manager removed or blocked the app (or the chat is gone): Teams will not work again until they return. */
const TEAMS_GONE: Readonly<Record<string, string>> = {
  'teams:http-403': 'Teams says the app is uninstalled or blocked',
  'teams:http-404': 'Teams says the chat with the bot no longer exists',
  'teams:conversation-unusable': 'Teams refused an earlier message (the app was uninstalled or blocked), so Teams is no longer tried',
};

/** A recorded failure (`lastError`, e.g. "teams:http-403 email:smtp-550") in plain words; undefined when Teams did not say the app is gone. */
export function unreachableWhy(lastError: string | undefined, hasEmail: boolean): string | undefined {
  const parts = (lastError ?? '').split(' ').filter(Boolean);
  const teams = parts.map((part) => TEAMS_GONE[part]).find(Boolean);
  if (!teams) return undefined;
  const email = parts.find((part) => part.startsWith('email:'))?.slice('email:'.length);
  return `${teams}; ${email === undefined ? emailNotTried(hasEmail) : emailFailed(email)}.`;
}

function emailNotTried(hasEmail: boolean): string {
  return hasEmail ? 'e-mail could not be tried (the service has no mail server set up)' : 'no e-mail address is known for them';
}

function emailFailed(code: string): string {
  const smtp = /^smtp-(\d{3})$/.exec(code);
  if (smtp && smtp[1].startsWith('5')) return `the mail server refused the e-mail (code ${smtp[1]})`;
  if (smtp) return `the mail server turned the e-mail away for now (code ${smtp[1]}); it is tried again`;
  return `the e-mail could not be sent (${code})`;
}

/**
 * Looks at each requester's latest message that was
 * tried: still undelivered with a Teams "gone" failure and no e-mail delivered means they are listed. A manager who has
 * since talked to the bot again (a fresh, usable chat stored after that try) is not: the next retry will reach them.
 * The window applies to when the message was last tried; the ICS to the manager's requests.
 */
export function unreachableManagers(
  notifications: readonly NotificationRecord[],
  conversations: readonly ConversationRecord[],
  tickets: readonly WorkflowTicket[],
  filters: ReportFilters,
): UnreachableRow[] {
  const ticketsOf = new Map<string, WorkflowTicket[]>();
  for (const ticket of tickets) {
    const id = ticket.requester?.aadObjectId;
    if (typeof id === 'string' && id !== '') ticketsOf.set(id, [...(ticketsOf.get(id) ?? []), ticket]);
  }

  const latest = new Map<string, NotificationRecord>();
  for (const record of notifications) {
    const person = record.recipient.aadObjectId;
    if (!person || !ticketsOf.has(person) || (record.recipient.conversationKey && record.recipient.conversationKey !== userKey(person)))
      continue;
    if (record.attempts === 0 && record.status === 'pending') continue;
    const seen = latest.get(person);
    if (!seen || triedAt(record) > triedAt(seen)) latest.set(person, record);
  }

  const rows: UnreachableRow[] = [];
  for (const [person, record] of latest) {
    if (record.status === 'sent') continue;
    const theirs = ticketsOf.get(person) ?? [];
    const newest = [...theirs].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
    const email = record.recipient.email ?? newest?.requester.email ?? '';
    const why = unreachableWhy(record.lastError, record.recipient.email !== undefined);
    if (!why) continue;
    const chat = conversations.find((c) => c.key === userKey(person));
    if (chat?.usable && chat.updatedAt > triedAt(record)) continue;
    const at = triedAt(record);
    if (!inWindow(at, filters.window)) continue;
    if (filters.icbCode !== undefined && !theirs.some((t) => t.organisation?.icbCode === filters.icbCode)) continue;
    rows.push({
      name: theirs.map((t) => t.requester.name?.trim()).find(Boolean) ?? 'Name not given',
      email,
      organisation:
        [...new Set(theirs.map((t) => (t.organisation ? `${t.organisation.name} (${t.organisation.odsCode})` : '')).filter(Boolean))].join(
          '; ',
        ) || 'No organisation given',
      tickets: theirs
        .map((t) => t.id)
        .sort()
        .join(', '),
      lastTriedAt: at,
      lastTried: reportTime(at),
      why,
      waiting: record.subject,
    });
  }
  return rows.sort((a, b) => (a.lastTriedAt < b.lastTriedAt ? 1 : a.lastTriedAt > b.lastTriedAt ? -1 : 0) || a.name.localeCompare(b.name));
}

// Records from before lastAttemptAt was kept: their creation is when they were first tried (they are due at once).
function triedAt(record: NotificationRecord): string {
  return record.lastAttemptAt ?? record.sentAt ?? record.createdAt;
}
