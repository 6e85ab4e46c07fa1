import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { startReminderScheduler } from '../../../bot/reminders/scheduler.js';
import type { SweepResult } from '../../../bot/reminders/sweep.js';
import { directorySweepLock } from '../../../bot/reminders/sweepLock.js';
import { capturedLogger } from '../notify/notifyFixtures.js';
import { makeStoreDir } from '../../helpers/storeFixtures.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  jest.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const { dir, cleanup } = await makeStoreDir();
  cleanups.push(cleanup);
  return dir;
}

function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./lockHolderProcess.ts', import.meta.url).pathname, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(async () => {
    child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => (String(chunk).includes('held') ? resolve(child) : reject(new Error(String(chunk)))));
    child.once('exit', () => reject(new Error('lock holder exited')));
  });
}

describe('one runner for the reminder sweep', () => {
  it('lets only one of two locks on the same data folder hold it, and the other once it is released', async () => {
    const dir = await dataDir();
    const a = directorySweepLock(dir);
    const b = directorySweepLock(dir);
    cleanups.push(
      () => a.release(),
      () => b.release(),
    );
    const both = await Promise.all([a.acquire(), b.acquire()]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const [holder, other] = both[0] ? [a, b] : [b, a];
    expect(await holder.acquire()).toBe(true);
    expect(await other.acquire()).toBe(false);
    await holder.release();
    expect(await other.acquire()).toBe(true);
  });

  it('stands by while another process holds the lock, and takes over once that process is killed and its lock goes stale', async () => {
    const dir = await dataDir();
    const child = await holdInChild(dir);
    const lock = directorySweepLock(dir, { staleMs: 5000 });
    cleanups.push(() => lock.release());
    expect(await lock.acquire()).toBe(false);
    child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(await lock.acquire()).toBe(true);
  }, 20_000);

  it('runs the sweep in one of two schedulers on one data folder; the other logs once that it is standing by', async () => {
    const dir = await dataDir();
    const sweeps: string[] = [];
    const start = (name: string) => {
      const { logger, lines } = capturedLogger();
      // The schedule itself never fires in this test (29 February 2099 does not exist): each tick is run by hand, as node-cron would.
      const scheduler = startReminderScheduler({
        cron: '0 0 29 2 *',
        lock: directorySweepLock(dir, { staleMs: 3_600_000 }),
        logger,
        name: `reminders-${name}`,
        sweep: async (): Promise<SweepResult> => {
          sweeps.push(name);
          return { digests: 0, reminders: 0, withdrawn: 0 };
        },
      });
      cleanups.push(() => scheduler.stop());
      return { scheduler, lines };
    };
    const a = start('a');
    const b = start('b');
    const perTick: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const before = sweeps.length;
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      perTick.push(sweeps.length - before);
    }
    // Exactly one of the two sweeps on every tick, always the same one; the other says once that it is standing by.
    expect(perTick).toEqual([1, 1, 1]);
    expect(new Set(sweeps).size).toBe(1);
    expect([...a.lines, ...b.lines].filter((line) => line.includes('standing by'))).toHaveLength(1);
  });
});
