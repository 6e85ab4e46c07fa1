/**
 * The PostgreSQL entry of the contract suite: each place is a schema of its own in the test database (search_path set
 * on every connection), so tests stay independent and a place costs one CREATE SCHEMA rather than a database.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../../../data/store/postgresStore.js';
import type { StoreImplementation } from './implementations.js';

/** Runs one statement on a connection of its own (no pool is left open between tests). */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same database, with the place's schema first on the search path of every connection. */
export function inSchema(url: string, schema: string): string {
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return withSchema.toString();
}

export function postgresImplementation(url: string): StoreImplementation {
  return {
    name: 'postgres',
    durable: true,
    place: async (from) => {
      const schema = `place_${randomUUID().replaceAll('-', '')}`;
      await admin(url, `CREATE SCHEMA ${schema}`);
      let imported = false;
      return {
        open: async (options = {}) => {
          // The starting document fills the empty database on the first open only, as a migration of old data would.
          const store = await openPostgresStore({
            url: inSchema(url, schema),
            clock: options.clock,
            poolSize: 4,
            from: imported ? undefined : from,
          });
          imported = true;
          return store;
        },
        storedDocument: async () => undefined,
        dispose: () => admin(url, `DROP SCHEMA ${schema} CASCADE`),
      };
    },
  };
}
