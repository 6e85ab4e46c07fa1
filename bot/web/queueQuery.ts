/**
 * What GET /api/tab/tickets (and its CSV) may be asked: the filters, the search and the page, checked before anything is read.
 * Anything it does not accept is refused with a sentence the agent can act on; nothing is guessed or cut silently.
 */
import { isKnownStateFilter, type QueueFilters } from './helpdeskQueue.js';
import { parseSearch, SEARCH_MAX_LENGTH, type QueueSearch } from './queueSearch.js';

/** Rows on one page of the tab's queue. */
export const QUEUE_PAGE_SIZE = 50;
// Far past any real queue (50 a page): a bigger number is a typing slip or a probe, not a page.
const MAX_PAGE = 100_000;

/** A request the queue can answer. */
export interface QueueQuery {
  filters: QueueFilters;
  search: QueueSearch | undefined;
  /** The text as typed (trimmed), echoed back so the page shows what was searched. */
  searchText: string;
  page: number;
}

export type QueueQueryCheck = { ok: true; query: QueueQuery } | { ok: false; message: string };

/** The queue's filters and page from the request's query string, or a message saying what is wrong. */
export function parseQueueQuery(params: URLSearchParams): QueueQueryCheck {
  const filters: QueueFilters = {
    state: params.get('state') || 'open',
    ics: params.get('ics') ?? '',
    assignee: params.get('assignee') ?? '',
  };
  if (!isKnownStateFilter(filters.state) || filters.ics.length > 20 || filters.assignee.length > 100) {
    return { ok: false, message: 'The filter is not one the queue knows.' };
  }
  const searchText = (params.get('q') ?? '').trim();
  if (searchText.length > SEARCH_MAX_LENGTH) {
    return {
      ok: false,
      message: `The search is too long: type at most ${SEARCH_MAX_LENGTH} characters, such as a ticket number, an ODS code or part of a name.`,
    };
  }
  const search = parseSearch(searchText);
  if (searchText !== '' && !search) {
    return {
      ok: false,
      message: "Search with letters or numbers: a ticket number, an ODS code, or part of an organisation's or a requester's name.",
    };
  }
  const pageText = params.get('page') ?? '1';
  if (!/^[1-9]\d{0,5}$/.test(pageText) || Number(pageText) > MAX_PAGE) {
    return { ok: false, message: 'The page must be a whole number from 1, such as page=2.' };
  }
  return { ok: true, query: { filters, search, searchText, page: Number(pageText) } };
}

/** Where one page sits in the whole result, and the words the page shows for it. */
export interface QueuePaging {
  page: number;
  pageSize: number;
  pages: number;
  total: number;
  /** "Showing 51-100 of 312", "Showing 1 of 1", "No tickets to show". */
  text: string;
}

/**
 * Used after sorting: the rows of the page asked for. A page past the end (the queue shrank since the agent last looked)
 * shows the last page rather than an error, and says which page it is.
 */
export function pageOf<T>(rows: readonly T[], page: number, pageSize = QUEUE_PAGE_SIZE): { rows: T[]; paging: QueuePaging } {
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(page, pages);
  const start = (shown - 1) * pageSize;
  const slice = rows.slice(start, start + pageSize);
  const text =
    total === 0
      ? 'No tickets to show'
      : slice.length === 1
        ? `Showing ${start + 1} of ${total}`
        : `Showing ${start + 1}-${start + slice.length} of ${total}`;
  return { rows: slice, paging: { page: shown, pageSize, pages, total, text } };
}
