/**
 * Runs the reminder sweep on a node-cron schedule (Europe/London, never two at once), in one process only: each tick
 * first takes the sweep lock; an instance that cannot says once that it is standing by and tries again next tick.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { SweepResult } from './sweep.js';
import type { JobLock } from '../jobs/jobLock.js';
import { lockedRunner } from '../jobs/lockedRunner.js';

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
  const runner = lockedRunner({
    lock: options.lock,
    run: options.sweep,
    logger: options.logger,
    standingBy: 'reminders: another instance runs the sweep; standing by',
    takingOver: 'reminders: this instance now runs the sweep',
    failure: 'reminder sweep failed',
  });
  const task: ScheduledTask = cron.schedule(options.cron, runner.runNow, {
    name: options.name ?? 'reminder-sweep',
    timezone: 'Europe/London',
    noOverlap: true,
  });
  return { tick: runner.runNow, stop: () => runner.stop(() => task.destroy()) };
}
