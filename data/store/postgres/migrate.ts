/**
 * Brings a database up to the latest SQL migration. Several instances may start at once: they take one advisory lock,
 * so one migrates and the others wait, then find nothing left to do.
 */
import type pg from 'pg';
import { StoreCorruptError } from '../../errors.js';
import { SQL_MIGRATIONS } from './schema.js';

/** Any fixed number: every instance of the service asks for the same lock. */
const MIGRATION_LOCK = 7_246_017;

/** Runs the migrations not yet run; returns the schema version the database is at. */
export async function migrate(client: pg.PoolClient): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
    const current = rows[0].version ?? 0;
    if (current > SQL_MIGRATIONS.length)
      throw new StoreCorruptError(
        `The database is at schema version ${current}, newer than this version of the assistant knows (${SQL_MIGRATIONS.length}). Run a newer version.`,
        { schemaVersion: current },
      );
    for (let version = current + 1; version <= SQL_MIGRATIONS.length; version += 1) {
      await client.query('BEGIN');
      try {
        await client.query(SQL_MIGRATIONS[version - 1]);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return SQL_MIGRATIONS.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
