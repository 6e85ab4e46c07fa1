import type { Store } from '../../data/store/store.js';
import { secondsSince, type Metrics } from './metrics.js';

/**
 * The store with every transaction timed (ucp_store_write_duration_seconds): wrapped once where the app opens it, so no
 * store implementation knows about metrics. Everything else is the store's own.
 */
export function timedStore(store: Store, metrics: Pick<Metrics, 'storeWrite'>): Store {
  return {
    tickets: store.tickets,
    rosters: store.rosters,
    conversations: store.conversations,
    notifications: store.notifications,
    botState: store.botState,
    reference: store.reference,
    reminders: store.reminders,
    counters: store.counters,
    readAudit: (query) => store.readAudit(query),
    async transaction(fn) {
      const startedAt = process.hrtime.bigint();
      try {
        const result = await store.transaction(fn);
        metrics.storeWrite('ok', secondsSince(startedAt));
        return result;
      } catch (err) {
        metrics.storeWrite('failed', secondsSince(startedAt));
        throw err;
      }
    },
    archiveClosedTickets: () => store.archiveClosedTickets(),
    importArchived: (tickets) => store.importArchived(tickets),
    health: () => store.health(),
    flush: () => store.flush(),
    close: () => store.close(),
  };
}
