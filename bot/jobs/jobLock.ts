/**
 * Work that must happen once across the instances sharing one store takes a job lock before each run: the reminder
 * sweep, the ticket cards' periodic re-sync and the hourly archive. Each job has a lock of its own, so the three may run
 * on different instances; what matters is that no job runs on two at once.
 */

/** The one-runner lock of one job. acquire() never waits: false means another instance holds it. Holding it again is a no-op true. */
export interface JobLock {
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/** The jobs that run on one instance at a time. */
export type JobName = 'reminder-sweep' | 'card-resync' | 'archive';

/**
 * The lock for a store no other process uses (lowdb owns its data folder; memory lives in this process): there is no
 * other instance to keep out, and the job's runner already keeps two runs in this process from overlapping.
 */
export function soleProcessJobLock(): JobLock {
  return { acquire: () => Promise.resolve(true), release: () => Promise.resolve() };
}
