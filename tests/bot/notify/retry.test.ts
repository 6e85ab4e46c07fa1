import { describe, expect, it } from '@jest/globals';
import { DeliveryError } from '../../../bot/notify/deliveryError.js';
import { backoffMs, parseRetryAfter, withRetry } from '../../../bot/notify/retry.js';

const NOW = new Date('2026-03-02T10:00:00Z');

/** A sleep that records what it was asked to wait and returns at once. */
function fakeSleep() {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

/** An attempt that fails with the given errors in turn, then succeeds. */
function failing(...errors: DeliveryError[]) {
  let calls = 0;
  return {
    calls: () => calls,
    attempt: async () => {
      calls += 1;
      const next = errors[calls - 1];
      if (next) throw next;
      return 'done';
    },
  };
}

describe('backoff', () => {
  it('doubles from the base, stays within half and all of its ceiling, and never passes the cap', () => {
    const options = { baseMs: 500, capMs: 30_000 };
    expect(backoffMs(1, { ...options, random: () => 0 })).toBe(250);
    expect(backoffMs(1, { ...options, random: () => 0.999999 })).toBe(500);
    expect(backoffMs(3, { ...options, random: () => 0 })).toBe(1000);
    expect(backoffMs(20, { ...options, random: () => 0.999999 })).toBe(30_000);
  });
});

describe('Retry-After', () => {
  it('reads seconds, fractions and HTTP dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000);
    expect(parseRetryAfter(' 1.5 ', NOW)).toBe(1500);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:07 GMT', NOW)).toBe(7000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('waits at least as long as Retry-After asks before trying again', async () => {
    const { waits, sleep } = fakeSleep();
    const op = failing(new DeliveryError('retryable', 'http-429', 2000));
    await expect(withRetry(op.attempt, { sleep, random: () => 0 })).resolves.toBe('done');
    expect(op.calls()).toBe(2);
    expect(waits).toEqual([2000]);
  });

  it('backs off exponentially with jitter between retryable failures', async () => {
    const { waits, sleep } = fakeSleep();
    const op = failing(
      new DeliveryError('retryable', 'http-500'),
      new DeliveryError('retryable', 'http-502'),
      new DeliveryError('retryable', 'ECONNRESET'),
    );
    await withRetry(op.attempt, { sleep, random: () => 0.5, baseMs: 500 });
    expect(waits).toEqual([375, 750, 1500]);
  });

  it('gives up after the last attempt with the last failure', async () => {
    const { waits, sleep } = fakeSleep();
    const op = failing(...Array.from({ length: 9 }, (_, i) => new DeliveryError('retryable', `http-50${i}`)));
    await expect(withRetry(op.attempt, { sleep, maxAttempts: 4 })).rejects.toMatchObject({ kind: 'retryable', reason: 'http-503' });
    expect(op.calls()).toBe(4);
    expect(waits).toHaveLength(3);
  });

  it('never retries a permanent or unclassified failure', async () => {
    const { waits, sleep } = fakeSleep();
    const forbidden = failing(new DeliveryError('permanent', 'http-403'));
    await expect(withRetry(forbidden.attempt, { sleep })).rejects.toMatchObject({ kind: 'permanent' });
    const plain = {
      calls: 0,
      attempt: async () => {
        plain.calls += 1;
        throw new Error('boom');
      },
    };
    await expect(withRetry(plain.attempt, { sleep })).rejects.toMatchObject({ kind: 'other' });
    expect([forbidden.calls(), plain.calls, waits.length]).toEqual([1, 1, 0]);
  });

  it('never retries an ambiguous failure: the request may have been delivered', async () => {
    const { waits, sleep } = fakeSleep();
    const op = failing(new DeliveryError('ambiguous', 'ECONNRESET'));
    await expect(withRetry(op.attempt, { sleep })).rejects.toMatchObject({ kind: 'ambiguous', reason: 'ECONNRESET' });
    expect([op.calls(), waits.length]).toEqual([1, 0]);
  });

  it('leaves a Retry-After longer than the cap to the outbox instead of sleeping through it', async () => {
    const { waits, sleep } = fakeSleep();
    const op = failing(new DeliveryError('retryable', 'http-429', 120_000));
    await expect(withRetry(op.attempt, { sleep, capMs: 30_000 })).rejects.toMatchObject({ retryAfterMs: 120_000 });
    expect(waits).toEqual([]);
  });

  it('keeps the waits of one delivery within the total budget', async () => {
    const { waits, sleep } = fakeSleep();
    const op = failing(...Array.from({ length: 5 }, () => new DeliveryError('retryable', 'http-429', 20_000)));
    await expect(withRetry(op.attempt, { sleep, maxAttempts: 10, maxTotalMs: 50_000 })).rejects.toMatchObject({ reason: 'http-429' });
    expect(waits).toEqual([20_000, 20_000]);
  });

  it('stops waiting and gives up when its signal aborts', async () => {
    const controller = new AbortController();
    const sleep = async () => {
      controller.abort();
    };
    const op = failing(new DeliveryError('retryable', 'http-500'), new DeliveryError('retryable', 'http-500'));
    await expect(withRetry(op.attempt, { sleep }, controller.signal)).rejects.toMatchObject({ reason: 'http-500' });
    expect(op.calls()).toBe(1);
  });
});
