import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from '../../../bot/ods/rateLimiter.js';

describe('the rate limiter', () => {
  it('lets callers start in the order they asked, no more than the limit per window', async () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 100 });
    const started: Array<{ n: number; at: number }> = [];
    const t0 = performance.now();
    await Promise.all([0, 1, 2, 3, 4].map((n) => limiter.acquire().then(() => started.push({ n, at: performance.now() - t0 }))));
    expect(started.map((s) => s.n)).toEqual([0, 1, 2, 3, 4]);
    expect(started[1].at).toBeLessThan(90);
    expect(started[2].at).toBeGreaterThanOrEqual(95);
    expect(started[4].at).toBeGreaterThanOrEqual(195);
  });

  it('lets a caller whose signal aborts leave the queue without taking a turn', async () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 100 });
    await limiter.acquire();
    const gaveUp = limiter.acquire(AbortSignal.timeout(20));
    await expect(gaveUp).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(limiter.waiting).toBe(0);
    const t0 = performance.now();
    await limiter.acquire();
    expect(performance.now() - t0).toBeLessThan(100);
  });
});
