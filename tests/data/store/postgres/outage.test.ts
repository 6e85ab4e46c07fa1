/**
 * The PostgreSQL store through a database outage, on a throwaway cluster of its own (stopped and started again here):
 * calls fail with StoreUnavailableError, a transaction cut off changes nothing, the outage is reported once each
 * way, and the same store works again once the database is back. Runs only under `npm run test:pg`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../../../../data/errors.js';
import type { OutageEvent } from '../../../../data/store/postgres/outageWatch.js';
import { openPostgresStore } from '../../../../data/store/postgresStore.js';
import type { Store } from '../../../../data/store/store.js';
import { startPostgresCluster, type PostgresCluster } from '../../../../scripts/postgresCluster.js';

(process.env.TEST_DATABASE_URL ? describe : describe.skip)('the postgres store through a database outage', () => {
  let cluster: PostgresCluster;
  let store: Store;
  const events: OutageEvent[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    store = await openPostgresStore({ url: cluster.url, poolSize: 4, onOutage: (event) => events.push(event) });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('on postgres, fails fast while the database is down, rolls back the cut transaction and works again once it is back', async () => {
    await store.transaction((tx) => tx.counters.setTurnFailures('before', 1));

    // A transaction under way when the server stops: its write must not survive.
    let stopping: Promise<void> | undefined;
    const cut = store.transaction(async (tx) => {
      await tx.counters.setTurnFailures('cut', 7);
      stopping = cluster.stopServer();
      await stopping;
      await tx.counters.setTurnFailures('cut', 8);
    });
    await expect(cut).rejects.toBeInstanceOf(StoreUnavailableError);
    await stopping;

    await expect(store.counters.turnFailures('before')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.transaction((tx) => tx.counters.setTurnFailures('during', 1))).rejects.toThrow(/cannot be reached/);
    const health = await store.health();
    expect(health).toMatchObject({ writable: false, detail: expect.stringMatching(/^The database cannot be reached: /) });
    expect(health.detail).not.toContain(cluster.url.split('//')[1].split('/')[0]);

    await cluster.startServer();
    expect(await store.counters.turnFailures('before')).toBe(1);
    expect(await store.counters.turnFailures('cut')).toBe(0);
    expect(await store.counters.turnFailures('during')).toBe(0);
    await store.transaction((tx) => tx.counters.setTurnFailures('after', 2));
    expect(await store.counters.turnFailures('after')).toBe(2);
    expect((await store.health()).writable).toBe(true);
    expect(events.map((event) => event.kind)).toEqual(['down', 'back']);
  }, 60_000);
});
