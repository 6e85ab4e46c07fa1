/**
 * One sync of a ticket's cards at a time across the instances sharing a store: a sync decides which copies are missing
 * from the stored ticket, posts them and records them, so two syncs of one ticket at once (one instance handling a
 * workflow event, another its re-sync or another event) would both see a copy missing and post it twice.
 */

/** The lock around a ticket's card sync; ticketCards keeps syncs of one ticket in this process in order by itself. */
export interface CardSyncLock {
  /** Runs `work` holding the ticket's lock, waiting while another instance holds it. */
  withTicket<T>(ticketId: string, work: () => Promise<T>): Promise<T>;
  /** Called once the cards are done with, before the store closes. */
  close(): Promise<void>;
}

/** For a store no other process uses (lowdb owns its data folder; memory lives in this process): nothing to wait for. */
export function soleProcessCardSyncLock(): CardSyncLock {
  return { withTicket: (_ticketId, work) => work(), close: () => Promise.resolve() };
}
