/**
 * Runs a job now and then every so often, on one instance at a time: each run first takes the job's lock; an instance
 * that cannot says once that it is standing by and tries again at the next run. In this process two runs never overlap.
 */
import type { Logger } from '../log.js';
import { logBackgroundFailure } from '../storeUnavailable.js';
import type { JobLock, JobName } from './jobLock.js';

export interface PeriodicJobOptions {
  job: JobName;
  everyMs: number;
  lock: JobLock;
  run: () => Promise<void>;
  logger: Logger;
  /** What the log says when a run fails, e.g. "could not archive closed tickets". */
  failure: string;
}

/** The running job. */
export interface PeriodicJob {
  /** Runs the job now if this instance holds (or can take) its lock; resolves when it is done. */
  runNow(): Promise<void>;
  /** Stops the timer, waits for a run in progress and releases the lock. */
  stop(): Promise<void>;
}

/** The returned stop() must be called before the store closes. */
export function startPeriodicJob(options: PeriodicJobOptions): PeriodicJob {
  const { job, lock, logger } = options;
  let standingBy = false;
  let running: Promise<void> | undefined;
  let stopped = false;

  const runNow = (): Promise<void> => {
    running ??= (async () => {
      try {
        if (stopped) return;
        if (!(await lock.acquire())) {
          if (!standingBy) logger.info('another instance runs this job; standing by', { job });
          standingBy = true;
          return;
        }
        if (standingBy) logger.info('this instance now runs this job', { job });
        standingBy = false;
        if (stopped) return;
        await options.run();
      } catch (err) {
        logBackgroundFailure(logger, options.failure, err, { job });
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  void runNow();
  const timer = setInterval(() => void runNow(), options.everyMs);
  timer.unref();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await lock.release();
    },
  };
}
