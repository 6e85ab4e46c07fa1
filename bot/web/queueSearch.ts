/**
 * The tab's search box: what an agent types (a ticket number, an ODS code, part of an organisation's or a requester's name)
 * and which tickets it finds. Pure, so live and archived tickets are searched alike.
 */
import type { WorkflowTicket } from '../../data/model.js';
import { compactKey, wordsOf } from '../../data/rules/text.js';
import { formatTicketId } from '../../data/workflow/submission.js';

/** Longer than any ticket number, ODS code or name an agent would type; more is refused, not cut. */
export const SEARCH_MAX_LENGTH = 100;

/** A search ready to match: its words, and the ticket it names exactly when it reads as a ticket number. */
export interface QueueSearch {
  words: string[];
  exactTicketId?: string;
  /** Typed with the UCP prefix ("UCP 123"): only ticket numbers containing these digits are wanted, not names or codes. */
  ticketDigits?: string;
}

// "123", "UCP123", "ucp-000123", "UCP 000123": the digits are what identifies a ticket (the prefix is the same on all).
const TICKET_NUMBER = /^(?:ucp)?(\d{1,9})$/;

/**
 * Used once per request: the typed text as words without case, accents, spacing or punctuation ("Zoë  O'Neil" = "zoe o neil").
 * Undefined when there is nothing to search for (empty, or only spaces and punctuation).
 */
export function parseSearch(typed: string): QueueSearch | undefined {
  const words = wordsOf(typed);
  if (words.length === 0) return undefined;
  const whole = words.join('');
  const number = TICKET_NUMBER.exec(whole);
  if (!number) return { words };
  return { words, exactTicketId: formatTicketId(Number(number[1])), ticketDigits: whole.startsWith('ucp') ? number[1] : undefined };
}

/**
 * Whether a ticket is found by the search: every word appears in its ticket number, its organisation's ODS code or name,
 * or its requester's name (not necessarily the same one: "grace rosewood" finds Grace's request for Rosewood).
 * Words are compared without spaces, so "rose wood" finds "Rosewood" and "UCP 000123" finds UCP-000123.
 */
export function matchesSearch(ticket: Pick<WorkflowTicket, 'id' | 'organisation' | 'requester'>, search: QueueSearch): boolean {
  if (search.ticketDigits !== undefined) return compactKey(ticket.id).includes(search.ticketDigits);
  const haystack = [ticket.id, ticket.organisation?.odsCode, ticket.organisation?.name, ticket.requester?.name]
    .map((field) => (typeof field === 'string' ? searchKey(field) : ''))
    .join(' ');
  const whole = search.words.join('');
  if (haystack.includes(whole)) return true;
  return search.words.every((word) => haystack.includes(word));
}

const ASCII = /^[\x20-\x7e]*$/;

// compactKey, without Unicode normalisation for plain ASCII text (most names and every id and code), where it changes nothing:
// the search folds four fields of every ticket, and normalising them was most of its time.
function searchKey(text: string): string {
  return ASCII.test(text)
    ? text
        .toLowerCase()
        .replace(/&/g, 'and')
        .replace(/[^a-z0-9]/g, '')
    : compactKey(text);
}

/** The ticket an agent typed the number of comes first; the rest keep their order (overdue first, longest wait). */
export function exactTicketFirst<T extends { id: string }>(rows: T[], search: QueueSearch | undefined): T[] {
  const exact = search?.exactTicketId;
  if (!exact) return rows;
  const index = rows.findIndex((row) => row.id === exact);
  if (index <= 0) return rows;
  return [rows[index], ...rows.slice(0, index), ...rows.slice(index + 1)];
}
