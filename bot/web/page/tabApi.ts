/** The tab's calls to its JSON API, with the Teams token when there is one, and the words for each refusal. */
import { AppError } from '../../../data/errors.js';
import type { QueueView } from '../helpdeskQueue.js';
import type { QueuePaging } from '../queueQuery.js';
import type { TicketDetail } from '../ticketDetail.js';

/** A refusal (with the answer's status) or an API that could not be reached, with a sentence the agent can act on. */
export class TabApiError extends AppError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(status === undefined ? 'tab-api-unreachable' : 'tab-api-refused', message, { status });
  }
}

const PROBLEM: Record<number, string> = {
  401: 'Your sign-in could not be checked. Please close and reopen the tab.',
  403: 'Only members of the UCP helpdesk can see the queue. If you should be one, ask a system administrator to add you to the helpdesk roster.',
  404: 'That ticket could not be found. It may have been archived under another number.',
  503: 'Sign-in cannot be checked right now. Please try again in a minute.',
};

/** One page of the queue as the page shows it; `state`, `ics`, `assignee`, `q` and `page` are what was asked. */
export interface QueueResponse extends QueueView {
  mode: 'local' | 'authenticated';
  paging: QueuePaging;
  /** Overdue tickets in the whole filter, not only this page. */
  overdue: number;
  /** Whether archived tickets were looked at (the status filter includes finished tickets). */
  searchedArchive: boolean;
}

/** A downloaded file, ready to be offered to the agent. */
export interface Download {
  blob: Blob;
  fileName: string;
}

/** What a part of the page says when the API refuses it: per status, and when nothing else fits. */
export interface RefusalWords {
  byStatus: Record<number, string>;
  /** A 400 without the API's own sentence. */
  badRequest: string;
  otherwise: string;
}

const QUEUE_WORDS: RefusalWords = {
  byStatus: PROBLEM,
  badRequest: 'The queue could not be read with these filters. Please clear them and try again.',
  otherwise: 'Something went wrong reading the queue. Please try again.',
};

/**
 * One call to the tab's API with the Teams token when there is one (`token` is absent outside Teams, in local mode); a
 * refusal becomes a TabApiError with a sentence the agent can act on (a 400 carries the API's own, about what to change).
 */
export async function callTabApi(
  path: string,
  accept: string,
  token: (() => Promise<string>) | undefined,
  words: RefusalWords,
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (token) headers.authorization = `Bearer ${await token()}`;
  let response: Response;
  try {
    response = await fetch(path, { headers, credentials: 'same-origin' });
  } catch {
    throw new TabApiError('The helpdesk service could not be reached. Please check your connection and try again.');
  }
  if (response.status === 400) throw new TabApiError(await refusal(response, words.badRequest), 400);
  if (!response.ok) throw new TabApiError(words.byStatus[response.status] ?? words.otherwise, response.status);
  return response;
}

/** The queue and ticket calls the page makes. */
export function tabApi(token?: () => Promise<string>) {
  const call = (path: string, accept: string) => callTabApi(path, accept, token, QUEUE_WORDS);
  async function get<T>(path: string): Promise<T> {
    return (await (await call(path, 'application/json')).json()) as T;
  }
  return {
    queue: (filters: Record<string, string>) => get<QueueResponse>(`/api/tab/tickets?${new URLSearchParams(filters).toString()}`),
    ticket: (id: string) => get<TicketDetail>(`/api/tab/tickets/${encodeURIComponent(id)}`),
    /** Every ticket of the filter as CSV; fetched (not linked) because the API needs the Teams token in a header. */
    async csv(filters: Record<string, string>): Promise<Download> {
      const response = await call(`/api/tab/tickets.csv?${new URLSearchParams(filters).toString()}`, 'text/csv');
      const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
      return { blob: await response.blob(), fileName: named?.[1] ?? 'ucp-helpdesk-tickets.csv' };
    },
  };
}

// A 400 says what to change (a search too long, a bad page, a date): its words are written for the agent.
async function refusal(response: Response, otherwise: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error !== '') return body.error;
  } catch {
    // Not the API's own answer: fall through to the general sentence.
  }
  return otherwise;
}
