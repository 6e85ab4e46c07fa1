import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { JobLock } from '../../../bot/jobs/jobLock.js';
import { startPeriodicJob, type PeriodicJob } from '../../../bot/jobs/periodicJob.js';
import { capturedLogger } from '../notify/notifyFixtures.js';

/** A lock another instance may hold: `heldElsewhere` decides what acquire() answers this one. */
function fakeLock(): JobLock & { heldElsewhere: boolean; held: boolean; releases: number } {
  const lock = {
    heldElsewhere: false,
    held: false,
    releases: 0,
    acquire() {
      if (!lock.heldElsewhere) lock.held = true;
      return Promise.resolve(lock.held);
    },
    release() {
      lock.held = false;
      lock.releases += 1;
      return Promise.resolve();
    },
  };
  return lock;
}

/** Moves the faked clock on by `ms`, letting every run that comes due (and what it awaits) finish on the way. */
const pass = (ms: number) => jest.advanceTimersByTimeAsync(ms);
/** A run that takes `ms` on the faked clock. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jobs: PeriodicJob[] = [];
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(async () => {
  // stop() clears each job's timer at once, then waits for a run in progress, which may be waiting on the faked clock.
  const stopping = Promise.all(jobs.splice(0).map((job) => job.stop()));
  await jest.runAllTimersAsync();
  await stopping;
  jest.useRealTimers();
});

describe('a job that runs on one instance at a time', () => {
  it('runs at once and then every interval on the instance that holds its lock', async () => {
    const { logger } = capturedLogger();
    let runs = 0;
    jobs.push(
      startPeriodicJob({
        job: 'card-resync',
        everyMs: 40,
        lock: fakeLock(),
        logger,
        failure: 'could not post ticket cards',
        run: async () => void (runs += 1),
      }),
    );
    await pass(39);
    expect(runs).toBe(1);
    await pass(1);
    expect(runs).toBe(2);
    await pass(80);
    expect(runs).toBe(4);
  });

  it('does not run while another instance holds the lock, says once that it stands by, and takes over once it is free', async () => {
    const { logger, lines } = capturedLogger();
    const lock = fakeLock();
    lock.heldElsewhere = true;
    let runs = 0;
    jobs.push(
      startPeriodicJob({
        job: 'archive',
        everyMs: 30,
        lock,
        logger,
        failure: 'could not archive closed tickets',
        run: async () => void (runs += 1),
      }),
    );
    await pass(120);
    expect(runs).toBe(0);
    expect(lines.filter((line) => line.includes('standing by'))).toHaveLength(1);
    lock.heldElsewhere = false;
    await pass(30);
    expect(runs).toBe(1);
    await pass(60);
    expect(runs).toBe(3);
    expect(lines.filter((line) => line.includes('now runs this job'))).toHaveLength(1);
  });

  it('never starts a run while the last one is still going in this process', async () => {
    const { logger } = capturedLogger();
    let running = 0;
    let most = 0;
    let runs = 0;
    const job = startPeriodicJob({
      job: 'card-resync',
      everyMs: 10,
      lock: fakeLock(),
      logger,
      failure: 'could not post ticket cards',
      run: async () => {
        runs += 1;
        running += 1;
        most = Math.max(most, running);
        await pause(60);
        running -= 1;
      },
    });
    jobs.push(job);
    // Two asked for by hand and the timer's every 10 ms, all while a 60 ms run is going.
    const asked = Promise.all([job.runNow(), job.runNow()]);
    await pass(150);
    await asked;
    expect(most).toBe(1);
    expect(runs).toBeGreaterThan(1);
  });

  it('logs a failed run in the words given and runs again at the next interval', async () => {
    const { logger, lines } = capturedLogger();
    let runs = 0;
    jobs.push(
      startPeriodicJob({
        job: 'archive',
        everyMs: 30,
        lock: fakeLock(),
        logger,
        failure: 'could not archive closed tickets',
        run: async () => {
          runs += 1;
          if (runs === 1) throw new Error('database unreachable');
        },
      }),
    );
    await pass(0);
    expect(lines.filter((line) => line.includes('could not archive closed tickets'))).toHaveLength(1);
    await pass(30);
    expect(runs).toBe(2);
    expect(lines.filter((line) => line.includes('could not archive closed tickets'))).toHaveLength(1);
  });

  it('on stop, waits for the run in progress, runs no more and lets go of the lock for another instance', async () => {
    const { logger } = capturedLogger();
    const lock = fakeLock();
    let finished = false;
    let runs = 0;
    const job = startPeriodicJob({
      job: 'archive',
      everyMs: 20,
      lock,
      logger,
      failure: 'could not archive closed tickets',
      run: async () => {
        runs += 1;
        await pause(80);
        finished = true;
      },
    });
    await pass(10);
    let stopped = false;
    const stopping = job.stop().then(() => void (stopped = true));
    await pass(69);
    expect(stopped).toBe(false);
    expect(lock.releases).toBe(0);
    await pass(1);
    await stopping;
    expect(finished).toBe(true);
    expect(lock.releases).toBe(1);
    expect(lock.held).toBe(false);
    await pass(80);
    expect(runs).toBe(1);
  });
});
