import { describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { registerStoreGauges } from '../../../bot/metrics/storeGauges.js';
import { pendingNotification } from '../../../bot/notify/notifier.js';
import { calendarInForce } from '../../../data/rules/bankHolidaysInForce.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { makeWorkflowTicket, seedWorkflow } from '../../fixtures/workflowFixtures.js';
import { sample } from '../../helpers/metricSamples.js';

const calendar = calendarInForce([]);

async function withPending(store: Store, key: string, createdAt: string): Promise<void> {
  const record = pendingNotification(
    { key, recipient: { email: 'grace.adeyemi@nhs.net' }, subject: 'Approved', text: 'Approved' },
    new Date(createdAt),
  );
  await store.transaction((tx) => tx.notifications.put(record));
}

function gauges(store: Pick<Store, 'notifications' | 'tickets'>, clock: () => Date, cacheMs?: number): Registry {
  const registry = new Registry();
  registerStoreGauges(registry, { store, calendar, clock, ...(cacheMs === undefined ? {} : { cacheMs }) });
  return registry;
}

describe('the gauges read from the store at scrape time', () => {
  it('counts the outbox and ages its oldest message in clock time and in working time', async () => {
    const store = await openMemoryStore();
    // Friday 16:30 and Monday 09:10 (London, GMT): at Monday 09:40 the older has waited 30 + 40 working minutes.
    await withPending(store, 'T-1:approved:requester', '2026-02-27T16:30:00.000Z');
    await withPending(store, 'T-2:approved:requester', '2026-03-02T09:10:00.000Z');
    const now = new Date('2026-03-02T09:40:00.000Z');
    const registry = gauges(store, () => now);
    expect(await sample(registry, 'ucp_outbox_pending_notifications')).toBe(2);
    expect(await sample(registry, 'ucp_outbox_oldest_pending_age_seconds')).toBe(
      (now.getTime() - Date.parse('2026-02-27T16:30:00.000Z')) / 1000,
    );
    expect(await sample(registry, 'ucp_outbox_oldest_pending_working_seconds')).toBeCloseTo(70 * 60);
    expect(await sample(registry, 'ucp_working_hours')).toBe(1);
  });

  it('says an empty outbox is 0 messages, 0 seconds old, and that Saturday is not working time', async () => {
    const registry = gauges(await openMemoryStore(), () => new Date('2026-03-07T11:00:00.000Z'));
    expect(await sample(registry, 'ucp_outbox_pending_notifications')).toBe(0);
    expect(await sample(registry, 'ucp_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(await sample(registry, 'ucp_outbox_oldest_pending_working_seconds')).toBe(0);
    expect(await sample(registry, 'ucp_working_hours')).toBe(0);
  });

  it('counts live tickets by state, every state shown even at 0, and no ticket id or name', async () => {
    const store = await openMemoryStore();
    await seedWorkflow(store, [
      makeWorkflowTicket({ state: 'awaitingIcsApproval' }),
      makeWorkflowTicket({ state: 'awaitingIcsApproval' }),
      makeWorkflowTicket({ state: 'assigned' }),
    ]);
    const registry = gauges(store, () => new Date('2026-03-02T10:00:00.000Z'));
    expect(await sample(registry, 'ucp_tickets{state="awaitingIcsApproval"}')).toBe(2);
    expect(await sample(registry, 'ucp_tickets{state="assigned"}')).toBe(1);
    expect(await sample(registry, 'ucp_tickets{state="closed"}')).toBe(0);
    const text = await registry.metrics();
    expect(text).not.toMatch(/UCP-9|Rosewood|nhs\.net/);
  });

  it('reads the store once for scrapes a few seconds apart, and again once the cache has expired', async () => {
    const store = await openMemoryStore();
    let reads = 0;
    const counting: Pick<Store, 'notifications' | 'tickets'> = {
      tickets: store.tickets,
      notifications: {
        ...store.notifications,
        list: (query) => {
          reads += 1;
          return store.notifications.list(query);
        },
      },
    };
    let now = new Date('2026-03-02T10:00:00.000Z');
    const registry = gauges(counting, () => now, 5000);
    await registry.metrics();
    now = new Date(now.getTime() + 4000);
    await registry.metrics();
    expect(reads).toBe(1);
    now = new Date(now.getTime() + 1000);
    await withPending(store, 'T-3:approved:requester', now.toISOString());
    expect(await sample(registry, 'ucp_outbox_pending_notifications')).toBe(1);
    expect(reads).toBe(2);
  });

  it('still answers a scrape while the store cannot be read: it says so, and keeps the last numbers it read', async () => {
    const store = await openMemoryStore();
    await withPending(store, 'T-1:approved:requester', '2026-03-02T09:10:00.000Z');
    let reachable = true;
    const flaky: Pick<Store, 'notifications' | 'tickets'> = {
      tickets: store.tickets,
      notifications: {
        ...store.notifications,
        list: (query) => (reachable ? store.notifications.list(query) : Promise.reject(new Error('database unreachable'))),
      },
    };
    let now = new Date('2026-03-02T10:00:00.000Z');
    const registry = gauges(flaky, () => now, 5000);
    expect(await sample(registry, 'ucp_store_readable')).toBe(1);
    reachable = false;
    now = new Date(now.getTime() + 10_000);
    expect(await sample(registry, 'ucp_store_readable')).toBe(0);
    expect(await sample(registry, 'ucp_outbox_pending_notifications')).toBe(1);
  });
});
