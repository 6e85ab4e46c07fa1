/**
 * Runs a job now and then every so often, on one instance at a time: each run first takes the job's lock; an instance
 * that cannot says once that it is standing by and tries again at the next run. In this process two runs never overlap.
 */
import type { Logger } from '../log.js';
import type { JobLock, JobName } from './jobLock.js';
import { lockedRunner } from './lockedRunner.js';

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
  const runner = lockedRunner({
    lock: options.lock,
    run: options.run,
    logger: options.logger,
    standingBy: 'another instance runs this job; standing by',
    takingOver: 'this instance now runs this job',
    failure: options.failure,
    fields: { job: options.job },
  });
  void runner.runNow();
  const timer = setInterval(() => void runner.runNow(), options.everyMs);
  timer.unref();
  return { runNow: runner.runNow, stop: () => runner.stop(() => clearInterval(timer)) };
}
