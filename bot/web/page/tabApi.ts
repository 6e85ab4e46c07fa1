/** The tab's calls to its JSON API, with the Teams token when there is one, and the words for each refusal. */
import type { QueueView } from '../helpdeskQueue.js';
import type { TicketDetail } from '../ticketDetail.js';

/** A refusal or failure, with a sentence the agent can act on. */
export class TabApiError extends Error {}

const PROBLEM: Record<number, string> = {
  401: 'Your sign-in could not be checked. Please close and reopen the tab.',
  403: 'Only members of the UCP helpdesk can see the queue. If you should be one, ask a system administrator to add you to the helpdesk roster.',
  404: 'That ticket could not be found. It may have been archived under another number.',
  503: 'Sign-in cannot be checked right now. Please try again in a minute.',
};

/** The queue as the page shows it; `state`, `ics` and `assignee` are the filters' values. */
export interface QueueResponse extends QueueView {
  mode: 'local' | 'authenticated';
}

/** Used by the page for every call; `token` is absent outside Teams (local mode). */
export function tabApi(token?: () => Promise<string>) {
  async function get<T>(path: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${await token()}`;
    let response: Response;
    try {
      response = await fetch(path, { headers, credentials: 'same-origin' });
    } catch {
      throw new TabApiError('The helpdesk service could not be reached. Please check your connection and try again.');
    }
    if (!response.ok) throw new TabApiError(PROBLEM[response.status] ?? 'Something went wrong reading the queue. Please try again.');
    return (await response.json()) as T;
  }
  return {
    queue: (filters: Record<string, string>) => get<QueueResponse>(`/api/tab/tickets?${new URLSearchParams(filters).toString()}`),
    ticket: (id: string) => get<TicketDetail>(`/api/tab/tickets/${encodeURIComponent(id)}`),
  };
}
