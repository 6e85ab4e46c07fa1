import { describe, expect, it } from '@jest/globals';
import { createMetrics } from '../../../bot/metrics/metrics.js';
import { timedStore } from '../../../bot/metrics/timedStore.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { sample } from '../../helpers/metricSamples.js';

describe('the store with its writes timed', () => {
  it('times each transaction by outcome and passes its result and its error through unchanged', async () => {
    const metrics = createMetrics();
    const store = timedStore(await openMemoryStore(), metrics);
    await expect(store.transaction((tx) => tx.counters.setTurnFailures('conv-1', 1).then(() => 'done'))).resolves.toBe('done');
    await expect(
      store.transaction(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await sample(metrics.registry, 'ucp_store_write_duration_seconds_count{outcome="ok"}')).toBe(1);
    expect(await sample(metrics.registry, 'ucp_store_write_duration_seconds_count{outcome="failed"}')).toBe(1);
    expect(await store.counters.turnFailures('conv-1')).toBe(1);
    await store.close();
  });
});
