import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { acquireWriterLock, DataFolderBusyError, LOCK_FILE } from '../../../data/store/writerLock.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const HOLDER = 'tests/helpers/lockHolder.ts';
const TAKEOVER = `${LOCK_FILE}.takeover`;

interface Holder {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Resolves once the child has printed a line starting with `prefix`. */
  line: (prefix: string) => Promise<void>;
  exited: Promise<NodeJS.Signals | null>;
}

const children: Holder[] = [];

/** Starts tests/helpers/lockHolder.ts against `dir`. */
function startHolder(dir: string, hold: string, waitGo = false): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, hold, ...(waitGo ? ['--wait-go'] : [])], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    waiters.forEach((check) => check());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const holder: Holder = {
    child,
    output: () => stdout,
    exited,
    line: (prefix) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (stdout.split('\n').some((l) => l.startsWith(prefix))) resolve();
        };
        waiters.push(check);
        check();
        void exited.then(() => {
          check();
          reject(new Error(`the lock holder exited without "${prefix}":\n${stdout}\n${stderr}`));
        });
      }),
  };
  children.push(holder);
  return holder;
}

function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

/** Lock content as a process on this machine writes it; `started` defaults to the process's real start time. */
function localHolder(pid: number, started = startTime(pid)): string {
  return JSON.stringify({ pid, started, bootId: bootId(), host: os.hostname(), heartbeatAt: Date.now(), token: `t-${pid}` });
}

/** Lock content of a writer on another machine whose last heartbeat was a minute ago. */
const staleRemoteHolder = () =>
  JSON.stringify({ pid: 4242, started: '1', bootId: 'other-boot', host: 'other-host', heartbeatAt: Date.now() - 60_000, token: 'remote' });

describe('the writer lock', () => {
  // Declared before the folder so that it runs first: the holders are gone before their folder is removed.
  afterEach(async () => {
    jest.useRealTimers();
    for (const holder of children.splice(0)) {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
  });
  const folder = useStoreFolder();
  const lockFile = () => folder.path(LOCK_FILE);

  it('refuses the folder while a live process elsewhere holds it, naming that process', async () => {
    const holder = startHolder(folder.dir, 'forever');
    await holder.line('got');
    const attempt = acquireWriterLock(folder.dir);
    await expect(attempt).rejects.toBeInstanceOf(DataFolderBusyError);
    await expect(attempt).rejects.toThrow(
      `Another process (pid ${holder.child.pid} on ${os.hostname()}) is using the data folder ${folder.dir}`,
    );
  });

  it('tells a second bot and an admin command each what to do, in the same refusal', async () => {
    const holder = startHolder(folder.dir, 'forever');
    await holder.line('got');
    const refusal = await acquireWriterLock(folder.dir).then(
      () => '',
      (err: Error) => err.message,
    );
    expect(refusal).toContain('Starting a bot: only one bot may run on a data folder, so stop that process first');
    expect(refusal).toContain("An admin command: it reaches a running bot through the data folder's admin socket");
    expect(refusal).not.toMatch(/if that is the bot/);
  });

  it.each([
    ['an empty', ''],
    ['a garbage', '{"pid": 12'],
  ])('counts %s lock file younger than 30 s as held, and leaves it alone', async (_kind, content) => {
    await writeFile(lockFile(), content);
    await utimes(lockFile(), new Date(), new Date(Date.now() - 20_000));
    await expect(acquireWriterLock(folder.dir)).rejects.toThrow(/Another process is using the data folder .* cannot be read/);
    expect(await readFile(lockFile(), 'utf8')).toBe(content);
  });

  it.each([
    ['an empty', ''],
    ['a garbage', 'not json'],
  ])('takes over %s lock file older than 30 s', async (_kind, content) => {
    await writeFile(lockFile(), content);
    const old = new Date(Date.now() - 31_000);
    await utimes(lockFile(), old, old);
    const lock = await acquireWriterLock(folder.dir);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over at once from a process that was killed while holding the folder, leaving no temp files', async () => {
    const holder = startHolder(folder.dir, 'forever');
    await holder.line('got');
    holder.child.kill('SIGKILL');
    expect(await holder.exited).toBe('SIGKILL');
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: holder.child.pid });

    const started = Date.now();
    const lock = await acquireWriterLock(folder.dir);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await readdir(folder.dir)).toEqual([LOCK_FILE]);
    await lock.release();
    expect(await readdir(folder.dir)).toEqual([]);
  });

  it('takes over a writer on another machine whose heartbeat is older than 30 s, but not a fresher one', async () => {
    const remote = { pid: 4242, started: '1', bootId: 'other-boot', host: 'other-host', heartbeatAt: Date.now() - 20_000 };
    await writeFile(lockFile(), JSON.stringify(remote));
    await expect(acquireWriterLock(folder.dir)).rejects.toThrow('Another process (pid 4242 on other-host)');
    await writeFile(lockFile(), staleRemoteHolder());
    const lock = await acquireWriterLock(folder.dir);
    await lock.release();
  });

  it.each([
    ['a writer on another machine with an old heartbeat', staleRemoteHolder],
    ['an empty lock file older than 30 s', () => ''],
  ])('lets exactly one of 8 processes starting together take over one stale lock: %s', async (_kind, content) => {
    await writeFile(lockFile(), content());
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile(), old, old);
    const racers = Array.from({ length: 8 }, () => startHolder(folder.dir, '1000', true));
    await Promise.all(racers.map((racer) => racer.line('ready')));
    for (const racer of racers) racer.child.stdin.write('go\n');
    await Promise.all(racers.map((racer) => racer.exited));

    const results = racers.map((racer) => racer.output().split('\n')[1]);
    expect(results.filter((r) => r === 'got')).toHaveLength(1);
    expect(results.filter((r) => r === 'busy data-folder-busy')).toHaveLength(7);
    expect(await readdir(folder.dir)).toEqual([]); // the winner released it; no takeover lock or temp file is left
  });

  it('waits briefly for a live process that is taking over, then reports it busy', async () => {
    await writeFile(lockFile(), staleRemoteHolder());
    await writeFile(folder.path(TAKEOVER), localHolder(process.ppid));
    const started = Date.now();
    await expect(acquireWriterLock(folder.dir)).rejects.toThrow(`Another process (pid ${process.ppid} on ${os.hostname()})`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await readFile(lockFile(), 'utf8')).toContain('other-host');
  });

  it('removes a takeover lock left by a dead process and takes over', async () => {
    await writeFile(lockFile(), staleRemoteHolder());
    // The parent's pid with another start time: a recycled pid, so the takeover lock's holder is gone.
    await writeFile(folder.path(TAKEOVER), localHolder(process.ppid, 'another-start'));
    const lock = await acquireWriterLock(folder.dir);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await readdir(folder.dir)).toEqual([LOCK_FILE]);
    await lock.release();
  });

  it('refuses a second acquisition in the same process while the first holds the folder', async () => {
    const lock = await acquireWriterLock(folder.dir);
    await expect(acquireWriterLock(folder.dir)).rejects.toThrow(`Another process (pid ${process.pid}`);
    await lock.release();
    const again = await acquireWriterLock(folder.dir);
    await again.release();
  });

  it('removes only its own lock on release', async () => {
    const lock = await acquireWriterLock(folder.dir);
    const theirs = localHolder(process.ppid);
    await writeFile(folder.path('theirs'), theirs);
    await rename(folder.path('theirs'), lockFile());
    await lock.release();
    await lock.release();
    expect(await readFile(lockFile(), 'utf8')).toBe(theirs);
  });

  it('does not remove, on release, a lock this process took again later', async () => {
    const first = await acquireWriterLock(folder.dir);
    // The same pid under another acquisition (as after a takeover by a later store in this process).
    const later = JSON.stringify({ ...JSON.parse(localHolder(process.pid)), token: 'a-later-acquisition' });
    await writeFile(folder.path('later'), later);
    await rename(folder.path('later'), lockFile());
    await first.release();
    expect(await readFile(lockFile(), 'utf8')).toBe(later);
  });

  it('refreshes its heartbeat by replacing the file whole, and never overwrites a lock that is no longer its own', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    let clock = 1_000;
    const lock = await acquireWriterLock(folder.dir, () => clock);
    const before = await stat(lockFile());
    // Turns of the event loop for the heartbeat's file work (temp, fsync, rename) to finish: until `done`, or `turns` of
    // them (the fake timers stop every clock; a busy machine needs far more turns than an idle one).
    const settle = async (done: () => Promise<boolean>, turns = 200_000) => {
      for (let i = 0; i < turns && !(await done()); i += 1) await new Promise((resolve) => setImmediate(resolve));
    };

    clock = 11_000;
    jest.advanceTimersByTime(10_000);
    await settle(async () => (await readFile(lockFile(), 'utf8')).includes('11000'));
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, heartbeatAt: 11_000 });
    expect((await stat(lockFile())).ino).not.toBe(before.ino); // a new file renamed over, not rewritten in place

    const theirs = localHolder(process.ppid);
    await writeFile(folder.path('theirs'), theirs);
    await rename(folder.path('theirs'), lockFile());
    clock = 21_000;
    jest.advanceTimersByTime(20_000);
    await settle(async () => false, 500);
    expect(await readFile(lockFile(), 'utf8')).toBe(theirs);
    await lock.release();
    expect(await readFile(lockFile(), 'utf8')).toBe(theirs);
  });
});
