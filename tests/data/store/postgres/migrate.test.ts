/**
 * What the PostgreSQL store adds beyond the contract: migrations under an advisory lock, a database from a newer
 * version refused, the audit trail append-only. Runs only with a database (`npm run test:pg`).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { StoreCorruptError } from '../../../../data/errors.js';
import { openPostgresStore } from '../../../../data/store/postgresStore.js';
import { SQL_MIGRATIONS } from '../../../../data/store/postgres/schema.js';
import type { Store } from '../../../../data/store/store.js';
import { admin, inSchema } from '../contract/postgresPlaces.js';

const url = process.env.TEST_DATABASE_URL;

(url ? describe : describe.skip)('the postgres store on its own database', () => {
  const databaseUrl = url!;
  const stores: Store[] = [];
  const schemas: string[] = [];

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const schema of schemas.splice(0)) await admin(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
  });

  async function freshSchema(): Promise<string> {
    const schema = `place_${randomUUID().replaceAll('-', '')}`;
    await admin(databaseUrl, `CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return inSchema(databaseUrl, schema);
  }

  async function query<R extends Record<string, unknown>>(schemaUrl: string, sql: string): Promise<R[]> {
    const client = new pg.Client({ connectionString: schemaUrl });
    await client.connect();
    try {
      return (await client.query<R>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('migrates once when four instances open the same empty database at the same time; the others wait and use it', async () => {
    const schemaUrl = await freshSchema();
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore({ url: schemaUrl, poolSize: 2 })));
    stores.push(...opened);

    const versions = await query<{ version: number }>(schemaUrl, 'SELECT version FROM schema_version ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(SQL_MIGRATIONS.map((_, i) => i + 1));
    await opened[0].transaction((tx) => tx.tickets.nextSequence());
    expect(await opened[3].transaction((tx) => tx.tickets.nextSequence())).toBe(2);
  });

  it('refuses, with a StoreCorruptError, a database a newer version of the assistant migrated', async () => {
    const schemaUrl = await freshSchema();
    stores.push(await openPostgresStore({ url: schemaUrl }));
    await query(schemaUrl, `INSERT INTO schema_version (version) VALUES (${SQL_MIGRATIONS.length + 1})`);

    await expect(openPostgresStore({ url: schemaUrl })).rejects.toBeInstanceOf(StoreCorruptError);
  });

  it('keeps the audit trail append-only: an UPDATE or DELETE on it fails and the event stays as recorded', async () => {
    const schemaUrl = await freshSchema();
    const store = await openPostgresStore({ url: schemaUrl });
    stores.push(store);
    await store.transaction((tx) => tx.audit({ actor: 'aad-grace', action: 'created', ticketId: 'T-0001' }));

    await expect(query(schemaUrl, `UPDATE audit SET ticket_id = 'T-0002'`)).rejects.toThrow('append-only');
    await expect(query(schemaUrl, 'DELETE FROM audit')).rejects.toThrow('append-only');
    const events = [];
    for await (const event of store.readAudit()) events.push(event);
    expect(events).toEqual([expect.objectContaining({ actor: 'aad-grace', ticketId: 'T-0001' })]);
  });
});
