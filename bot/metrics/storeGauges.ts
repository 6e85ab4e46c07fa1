/**
 * The gauges read from the store when Prometheus scrapes: the outbox, tickets by state, and whether it is working time.
 * One read serves every gauge of a scrape and is kept for a few seconds, so scrapes from several Prometheus servers (or a
 * curl loop) cost the store one read at most every few seconds, whatever the number of tickets.
 */
import { Gauge, type Registry } from 'prom-client';
import type { TicketState } from '../../data/model.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import type { Store } from '../../data/store/store.js';
import { TICKET_STATES } from '../../data/workflow/transitions.js';

/** The states a live ticket can be in ('archived' tickets have left the live store). */
export const LIVE_TICKET_STATES: readonly TicketState[] = TICKET_STATES.filter((state) => state !== 'archived');

/** A store read is reused by scrapes within this long of it. */
export const SNAPSHOT_CACHE_MS = 5000;

export interface StoreGaugeSources {
  store: Pick<Store, 'notifications' | 'tickets'>;
  calendar: Pick<WorkingCalendar, 'isWorkingTime' | 'workingHoursBetween'>;
  clock: () => Date;
  cacheMs?: number;
}

interface Snapshot {
  pending: number;
  oldestAgeSeconds: number;
  oldestWorkingSeconds: number;
  tickets: Map<TicketState, number>;
  workingTime: boolean;
}

/**
 * Registers the store's gauges on `registry`. A scrape while the store cannot be read still answers: ucp_store_readable
 * says 0, and the store's gauges keep the values of the last read that worked.
 */
export function registerStoreGauges(registry: Registry, sources: StoreGaugeSources): void {
  const cacheMs = sources.cacheMs ?? SNAPSHOT_CACHE_MS;
  let cached: { at: number; snapshot: Promise<Snapshot | undefined> } | undefined;
  const snapshot = (): Promise<Snapshot | undefined> => {
    const now = sources.clock();
    if (!cached || now.getTime() - cached.at >= cacheMs) {
      cached = { at: now.getTime(), snapshot: readSnapshot(sources, now).catch(() => undefined) };
    }
    return cached.snapshot;
  };
  const registers = [registry];

  /** A gauge whose value is set from the snapshot on each scrape. */
  const fromSnapshot = (name: string, help: string, value: (s: Snapshot) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const s = await snapshot();
        if (s) this.set(value(s));
      },
    });

  new Gauge({
    name: 'ucp_store_readable',
    help: '1 when this scrape could read the outbox and the tickets from the store; 0 when not (their gauges then keep the last values read).',
    registers,
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });

  fromSnapshot('ucp_outbox_pending_notifications', 'Notifications recorded but not yet delivered (the outbox).', (s) => s.pending);
  fromSnapshot(
    'ucp_outbox_oldest_pending_age_seconds',
    'Age of the oldest undelivered notification, in seconds of clock time (0 when the outbox is empty).',
    (s) => s.oldestAgeSeconds,
  );
  fromSnapshot(
    'ucp_outbox_oldest_pending_working_seconds',
    'Age of the oldest undelivered notification, counting working hours only (Mon-Fri 09:00-17:00 London, not bank holidays).',
    (s) => s.oldestWorkingSeconds,
  );
  fromSnapshot(
    'ucp_working_hours',
    "1 during the helpdesk's working hours (Mon-Fri 09:00-17:00 London, not bank holidays), else 0.",
    (s) => (s.workingTime ? 1 : 0),
  );
  new Gauge({
    name: 'ucp_tickets',
    help: 'Live tickets, by state.',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const s = await snapshot();
      if (s) for (const [state, count] of s.tickets) this.set({ state }, count);
    },
  });
}

async function readSnapshot({ store, calendar }: StoreGaugeSources, now: Date): Promise<Snapshot> {
  const [pending, counts] = await Promise.all([
    store.notifications.list({ status: 'pending' }),
    Promise.all(LIVE_TICKET_STATES.map(async (state) => [state, await store.tickets.count({ states: [state] })] as const)),
  ]);
  const oldest = pending.reduce<string | undefined>((min, n) => (min === undefined || n.createdAt < min ? n.createdAt : min), undefined);
  const oldestAt = oldest === undefined ? now : new Date(oldest);
  return {
    pending: pending.length,
    oldestAgeSeconds: Math.max(0, (now.getTime() - oldestAt.getTime()) / 1000),
    oldestWorkingSeconds: calendar.workingHoursBetween(oldestAt, now) * 3600,
    tickets: new Map(counts),
    workingTime: calendar.isWorkingTime(now),
  };
}
