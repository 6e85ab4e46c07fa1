/** The reminder sweep's lock across instances on one PostgreSQL database. Runs only with a database (`npm run test:pg`). */
import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { postgresSweepLock, SWEEP_LOCK_KEY } from '../../../bot/reminders/postgresSweepLock.js';
import type { SweepLock } from '../../../bot/reminders/sweepLock.js';
import { StoreUnavailableError } from '../../../data/errors.js';
import { startPostgresCluster, type PostgresCluster } from '../../../scripts/postgresCluster.js';

const url = process.env.TEST_DATABASE_URL;

(url ? describe : describe.skip)('the reminder sweep lock on postgres', () => {
  const locks: SweepLock[] = [];
  const lock = (onLost?: (error: Error) => void) => {
    const made = postgresSweepLock(url!, { onLost });
    locks.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((made) => made.release()));
  });

  it('on postgres, lets one instance run the sweep at a time, and the next one take over once it lets go', async () => {
    const first = lock();
    const second = lock();
    expect(await first.acquire()).toBe(true);
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    await first.release();
    expect(await second.acquire()).toBe(true);
    expect(await first.acquire()).toBe(false);
  });

  it('on postgres, frees the lock when the holding instance loses its connection (a crash), and tells the holder', async () => {
    const lost: Error[] = [];
    const first = lock((error) => lost.push(error));
    const second = lock();
    expect(await first.acquire()).toBe(true);
    // What a crashed instance leaves: its connection gone, as the server sees it.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = $1 AND objid = $2 AND pid <> pg_backend_pid()', [
        'advisory',
        SWEEP_LOCK_KEY,
      ]);
    } finally {
      await admin.end();
    }
    for (let i = 0; i < 50 && !(await second.acquire()); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await second.acquire()).toBe(true);
    for (let i = 0; i < 50 && lost.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lost).toHaveLength(1);
    expect(await first.acquire()).toBe(false);
  });
});

(url ? describe : describe.skip)('the reminder sweep lock on postgres through a database restart', () => {
  let cluster: PostgresCluster | undefined;
  let made: SweepLock | undefined;
  afterEach(async () => {
    await made?.release();
    await cluster?.stop();
  });

  it('on postgres, fails quickly while the database is down and takes the lock again once it is back', async () => {
    cluster = await startPostgresCluster();
    const lost: Error[] = [];
    made = postgresSweepLock(cluster.url, { onLost: (error) => lost.push(error) });
    expect(await made.acquire()).toBe(true);

    await cluster.stopServer();
    const started = Date.now();
    await expect(made.acquire()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(lost).toHaveLength(1);

    await cluster.startServer();
    expect(await made.acquire()).toBe(true);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT count(*)::int AS held FROM pg_locks WHERE locktype = $1 AND objid = $2 AND granted', [
        'advisory',
        SWEEP_LOCK_KEY,
      ]);
      expect(rows[0].held).toBe(1);
    } finally {
      await admin.end();
    }
  }, 60_000);
});
