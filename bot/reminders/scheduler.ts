/**
 * Runs the reminder sweep on a node-cron schedule (Europe/London, never two at once), in one process only: each tick
 * first takes the sweep lock; an instance that cannot says once that it is standing by and tries again next tick.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import { logBackgroundFailure } from '../storeUnavailable.js';
import type { SweepResult } from './sweep.js';
import type { JobLock } from '../jobs/jobLock.js';

export interface ReminderSchedulerOptions {
  /** node-cron expression, e.g. every 5 minutes. */
  cron: string;
  lock: JobLock;
  sweep: () => Promise<SweepResult>;
  logger: Logger;
  /** Distinguishes tasks in node-cron's registry (two schedulers in one test process). */
  name?: string;
}

/** The running schedule. */
export interface ReminderScheduler {
  /** Runs one tick now (what the schedule calls); resolves when it is done. */
  tick(): Promise<void>;
  /** Stops the schedule, waits for a tick in progress and releases the lock. */
  stop(): Promise<void>;
}

/** The returned stop() must be called before the store closes. */
export function startReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { lock, logger } = options;
  let standingBy = false;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = (): Promise<void> => {
    running ??= (async () => {
      try {
        if (stopped) return;
        if (!(await lock.acquire())) {
          if (!standingBy) logger.info('reminders: another instance runs the sweep; standing by');
          standingBy = true;
          return;
        }
        if (standingBy) logger.info('reminders: this instance now runs the sweep');
        standingBy = false;
        if (stopped) return;
        await options.sweep();
      } catch (err) {
        logBackgroundFailure(logger, 'reminder sweep failed', err);
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const task: ScheduledTask = cron.schedule(options.cron, tick, {
    name: options.name ?? 'reminder-sweep',
    timezone: 'Europe/London',
    noOverlap: true,
  });

  return {
    tick,
    async stop() {
      stopped = true;
      await task.destroy();
      await running;
      await lock.release();
    },
  };
}
