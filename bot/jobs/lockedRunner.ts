/**
 * The body every once-across-the-instances job shares, whatever triggers it (a timer, a cron schedule): each run first
 * takes the job's lock; an instance that cannot says once that it is standing by and tries again at the next run. In
 * this process two runs never overlap: a run asked for while one is going joins that one.
 */
import type { LogFields, Logger } from '../log.js';
import { logBackgroundFailure } from '../storeUnavailable.js';
import type { JobLock } from './jobLock.js';

export interface LockedRunnerOptions {
  lock: JobLock;
  run: () => Promise<unknown>;
  logger: Logger;
  /** What the log says, once, when another instance holds the lock. */
  standingBy: string;
  /** What the log says when this instance takes the lock after standing by. */
  takingOver: string;
  /** What the log says when a run fails. */
  failure: string;
  /** Added to each of those log lines, e.g. the job's name. */
  fields?: LogFields;
}

/** The runner: its trigger calls runNow(). */
export interface LockedRunner {
  /** Runs the job now if this instance holds (or can take) its lock; resolves when it is done. */
  runNow(): Promise<void>;
  /**
   * Stops running: no run starts after this is called; stopTrigger (the caller's timer or schedule) is stopped next,
   * then the run in progress is waited for and the lock released.
   */
  stop(stopTrigger: () => unknown): Promise<void>;
}

export function lockedRunner(options: LockedRunnerOptions): LockedRunner {
  const { lock, logger, fields } = options;
  let standingBy = false;
  let running: Promise<void> | undefined;
  let stopped = false;

  const runNow = (): Promise<void> => {
    running ??= (async () => {
      try {
        if (stopped) return;
        if (!(await lock.acquire())) {
          if (!standingBy) logger.info(options.standingBy, fields);
          standingBy = true;
          return;
        }
        if (standingBy) logger.info(options.takingOver, fields);
        standingBy = false;
        if (stopped) return;
        await options.run();
      } catch (err) {
        logBackgroundFailure(logger, options.failure, err, fields);
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    runNow,
    async stop(stopTrigger) {
      stopped = true;
      await stopTrigger();
      await running;
      await lock.release();
    },
  };
}
