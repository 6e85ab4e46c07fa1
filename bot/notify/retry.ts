import { setTimeout as delay } from 'node:timers/promises';
import { asDeliveryError, type DeliveryError } from './deliveryError.js';

/** Bounds for the retries inside one delivery; the outbox schedules anything that still fails for later. */
export interface RetryOptions {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The wait after the first failure, doubled after each further one. */
  baseMs: number;
  /** No single wait is longer; a Retry-After beyond it ends the retries (the outbox waits instead). */
  capMs: number;
  /** The waits of one delivery add up to no more than this. */
  maxTotalMs: number;
  /** Injected so tests see the waits asked for without waiting; must resolve early when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** 0 <= n < 1, for jitter. */
  random: () => number;
  /** For Retry-After given as an HTTP date. */
  now: () => Date;
}

/** Used when a notifier is built without retry settings: 4 tries, 0.5 s doubling, at most 30 s a wait and 60 s in all. */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseMs: 500,
  capMs: 30_000,
  maxTotalMs: 60_000,
  sleep: realSleep,
  random: Math.random,
  now: () => new Date(),
};

/** The real sleep, cut short by `signal` (a stopping notifier must not sit in a 30 s wait). */
export async function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  }
}

/**
 * The wait after failed attempt `attempt` (1-based): exponential, capped, with "equal jitter" (half fixed, half random)
 * so that many senders throttled together do not all come back in the same millisecond.
 */
export function backoffMs(attempt: number, options: Pick<RetryOptions, 'baseMs' | 'capMs' | 'random'>): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}

/** Reads a Retry-After header (delay-seconds or an HTTP date) into milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * Runs `attempt` until it succeeds, a failure is not retryable (an `ambiguous` one is never retried: the request may
 * have been delivered, and sending it again could deliver it twice), the attempts or the time budget run out, or `signal`
 * aborts. Waits honour the failure's Retry-After (never shorter). Rejects with the last failure as a DeliveryError,
 * whose `retryAfterMs` the caller keeps for scheduling.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  options: Partial<RetryOptions> = {},
  signal?: AbortSignal,
  onRetry?: (failure: DeliveryError, waitMs: number, n: number) => void,
): Promise<T> {
  const opts: RetryOptions = { ...DEFAULT_RETRY, ...options };
  let waited = 0;
  for (let n = 1; ; n += 1) {
    let failure: DeliveryError;
    try {
      return await attempt(n);
    } catch (err) {
      failure = asDeliveryError(err);
    }
    if (failure.kind !== 'retryable' || n >= opts.maxAttempts || signal?.aborted) throw failure;
    const wait = Math.max(backoffMs(n, opts), failure.retryAfterMs ?? 0);
    if (wait > opts.capMs || waited + wait > opts.maxTotalMs) throw failure;
    onRetry?.(failure, wait, n);
    await opts.sleep(wait, signal);
    waited += wait;
    if (signal?.aborted) throw failure;
  }
}
