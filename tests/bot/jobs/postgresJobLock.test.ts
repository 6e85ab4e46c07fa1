/** The locks of the jobs that run on one instance, across instances on one PostgreSQL database. Runs only with a database (`npm run test:pg`). */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { JobLock, JobName } from '../../../bot/jobs/jobLock.js';
import { JOB_LOCK_CLASS, postgresJobLock } from '../../../bot/jobs/postgresJobLock.js';
import { StoreUnavailableError } from '../../../data/errors.js';
import { startPostgresCluster, type PostgresCluster } from '../../../scripts/postgresCluster.js';
import { admin, inSchema } from '../../data/store/contract/postgresPlaces.js';

const url = process.env.TEST_DATABASE_URL;

(url ? describe : describe.skip)('the job locks on postgres', () => {
  const locks: JobLock[] = [];
  const schemas: string[] = [];
  /** A database of its own, as far as advisory locks go: the locks are named within the schema. */
  const place = async () => {
    const schema = `jobs_${randomUUID().replaceAll('-', '')}`;
    await admin(url!, `CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return { schema, url: inSchema(url!, schema) };
  };
  const lock = (databaseUrl: string, job: JobName, onLost?: (error: Error) => void) => {
    const made = postgresJobLock(databaseUrl, job, { onLost });
    locks.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((made) => made.release()));
    for (const schema of schemas.splice(0)) await admin(url!, `DROP SCHEMA ${schema} CASCADE`);
  });

  it('on postgres, lets one instance run a job at a time, and the next one take over once it lets go', async () => {
    const { url: database } = await place();
    const first = lock(database, 'reminder-sweep');
    const second = lock(database, 'reminder-sweep');
    expect(await first.acquire()).toBe(true);
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    await first.release();
    expect(await second.acquire()).toBe(true);
    expect(await first.acquire()).toBe(false);
  });

  it('on postgres, gives each job a lock of its own, so the sweep, the card re-sync and the archive may run on different instances', async () => {
    const { url: database } = await place();
    expect(await lock(database, 'reminder-sweep').acquire()).toBe(true);
    expect(await lock(database, 'card-resync').acquire()).toBe(true);
    expect(await lock(database, 'archive').acquire()).toBe(true);
    expect(await lock(database, 'card-resync').acquire()).toBe(false);
  });

  it('on postgres, keeps the jobs of a store in another schema of the same database apart from this one', async () => {
    const one = await place();
    const other = await place();
    expect(await lock(one.url, 'archive').acquire()).toBe(true);
    expect(await lock(other.url, 'archive').acquire()).toBe(true);
  });

  it('on postgres, frees the lock when the holding instance loses its connection (a crash), and tells the holder', async () => {
    const { schema, url: database } = await place();
    const lost: Error[] = [];
    const first = lock(database, 'reminder-sweep', (error) => lost.push(error));
    const second = lock(database, 'reminder-sweep');
    expect(await first.acquire()).toBe(true);
    // What a crashed instance leaves: its connection gone, as the server sees it.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND classid = $1 AND objid = hashtext($2 || '/reminder-sweep')::oid AND pid <> pg_backend_pid()`,
        [JOB_LOCK_CLASS, schema],
      );
    } finally {
      await client.end();
    }
    for (let i = 0; i < 50 && !(await second.acquire()); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await second.acquire()).toBe(true);
    for (let i = 0; i < 50 && lost.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lost).toHaveLength(1);
    expect(await first.acquire()).toBe(false);
  });
});

(url ? describe : describe.skip)('a job lock on postgres through a database restart', () => {
  let cluster: PostgresCluster | undefined;
  let made: JobLock | undefined;
  afterEach(async () => {
    await made?.release();
    await cluster?.stop();
  });

  it('on postgres, fails while the database is down, saying it is unavailable, and takes the lock again once it is back', async () => {
    cluster = await startPostgresCluster();
    const lost: Error[] = [];
    made = postgresJobLock(cluster.url, 'reminder-sweep', { onLost: (error) => lost.push(error) });
    expect(await made.acquire()).toBe(true);

    await cluster.stopServer();
    await expect(made.acquire()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(lost).toHaveLength(1);

    await cluster.startServer();
    expect(await made.acquire()).toBe(true);
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS held FROM pg_locks WHERE locktype = $1 AND classid = $2 AND granted', [
        'advisory',
        JOB_LOCK_CLASS,
      ]);
      expect(rows[0].held).toBe(1);
    } finally {
      await client.end();
    }
  }, 60_000);
});
