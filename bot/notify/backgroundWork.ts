/**
 * Work a sender does in the background: each delivery tracked while it runs, a retry round on a timer, and a stop that
 * cuts retry waits short (the signal) and waits for what is in flight within a budget, so shutting down never hangs on Teams.
 */
import type { Logger } from '../log.js';
import { logBackgroundFailure } from '../storeUnavailable.js';

export interface BackgroundWork {
  /** Aborted by stop(): retry waits and new attempts end early; what is not done stays pending in the store. */
  readonly signal: AbortSignal;
  /** Remembers a promise until it settles, so stop() can wait for it. */
  track<T>(promise: Promise<T>): Promise<T>;
  /** Runs `round` every `intervalMs` (unref'd); a failed round is logged as `what` (bot/storeUnavailable.ts) and the next one tries again. */
  start(intervalMs: number, round: () => Promise<unknown>, logger: Logger, what: string): void;
  /** Stops the timer, aborts the signal and waits for tracked work, at most `maxWaitMs`. */
  stop(maxWaitMs?: number): Promise<void>;
}

export function backgroundWork(): BackgroundWork {
  let stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const work = new Set<Promise<unknown>>();
  return {
    get signal() {
      return stopping.signal;
    },
    track(promise) {
      work.add(promise);
      void promise.finally(() => work.delete(promise)).catch(() => undefined);
      return promise;
    },
    start(intervalMs, round, logger, what) {
      if (timer) return;
      if (stopping.signal.aborted) stopping = new AbortController();
      timer = setInterval(() => {
        round().catch((err: unknown) => logBackgroundFailure(logger, what, err));
      }, intervalMs);
      timer.unref();
    },
    async stop(maxWaitMs = 5000) {
      if (timer) clearInterval(timer);
      timer = undefined;
      stopping.abort();
      let waitTimer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((resolve) => {
        waitTimer = setTimeout(resolve, maxWaitMs);
      });
      await Promise.race([Promise.allSettled([...work]), budget]);
      clearTimeout(waitTimer);
    },
  };
}
