/**
 * A first-come, first-served rate limit: at most `limit` starts in any `windowMs` (a sliding window). Callers over the
 * limit wait their turn rather than being refused; a caller whose signal aborts leaves the queue.
 */

/** At most `limit` starts in any `windowMs`. */
export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Keeps every caller of the ODS client together under the ORD API's 5 requests a second. */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  /** When each of the most recent starts happened (performance.now()), oldest first. */
  readonly #starts: number[] = [];
  readonly #queue: Waiter[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(options: RateLimiterOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0)) throw new RangeError('RateLimiter needs limit >= 1 and windowMs > 0');
    this.#limit = Math.floor(options.limit);
    this.#windowMs = options.windowMs;
  }

  /** How many callers are waiting for a turn. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Resolves when the caller may start; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const at = this.#queue.indexOf(waiter);
          if (at >= 0) this.#queue.splice(at, 1);
          if (this.#queue.length === 0) this.#stopTimer();
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #pump(): void {
    const now = performance.now();
    while (this.#starts.length > 0 && this.#starts[0] <= now - this.#windowMs) this.#starts.shift();
    while (this.#queue.length > 0 && this.#starts.length < this.#limit) {
      const waiter = this.#queue.shift() as Waiter;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#starts.push(now);
      waiter.resolve();
    }
    if (this.#queue.length > 0 && this.#timer === undefined) {
      const wait = Math.max(1, this.#starts[0] + this.#windowMs - now);
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#pump();
      }, wait);
    }
  }
}
