/**
 * `npx ucp-admin store copy` on PostgreSQL: the round trip lowdb → postgres → lowdb, the refusals of an occupied
 * destination and of a database a bot is connected to. Each test has a database of its own, so a bot's connections
 * elsewhere on the test server are never taken for one on this database.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdmin } from '../../../bot/admin/runAdmin.js';
import { openLowdbStore } from '../../../data/store/lowdbStore.js';
import { openPostgresStore } from '../../../data/store/postgresStore.js';
import type { Store } from '../../../data/store/store.js';
import { countStore } from '../../../data/store/storeCopy.js';
import { everythingIn, fillWithSampleRecords } from '../../helpers/storeContents.js';
import { admin } from '../../data/store/contract/postgresPlaces.js';

const serverUrl = process.env.TEST_DATABASE_URL ?? '';

let databaseUrl: string;
let database: string;
const folders: string[] = [];

beforeEach(async () => {
  if (!serverUrl) return;
  database = `copy_${randomUUID().replaceAll('-', '')}`;
  await admin(serverUrl, `CREATE DATABASE ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
});
afterEach(async () => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  if (serverUrl) await admin(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

function folder(): string {
  const made = mkdtempSync(path.join(os.tmpdir(), 'ucp-copy-'));
  folders.push(made);
  return made;
}

async function copy(dataDir: string, from: string, to: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(['store', 'copy', '--from', from, '--to', to], {
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withStore<T>(open: () => Promise<Store>, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await open();
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const lowdb = (dir: string) => () => openLowdbStore({ dir });
const postgres = () => openPostgresStore({ url: databaseUrl, poolSize: 2 });

(process.env.TEST_DATABASE_URL ? describe : describe.skip)('admin CLI: store copy between lowdb and postgres', () => {
  it('copies a lowdb folder into postgres and back into an empty folder, and the copy answers every read as the original', async () => {
    const original = folder();
    const expected = await withStore(lowdb(original), async (store) => {
      await fillWithSampleRecords(store);
      return everythingIn(store);
    });

    const there = await copy(original, 'lowdb', 'postgres');
    expect(there).toMatchObject({ code: 0, err: '' });
    expect(there.out).toContain(`Copying from lowdb (DATA_DIR ${original}) to postgres (DATABASE_URL).`);
    expect(there.out).toMatch(/^ {2}audit events: 9 copied$/m);
    expect(there.out).toMatch(/^ {2}ticket numbers: the next one is 8$/m);
    expect(there.out).toMatch(/^ {2}archived tickets +2 +2 +ok$/m);
    expect(there.out).toMatch(/^ {2}live tickets +3 +3 +ok$/m);
    expect(there.out).toContain('Every count agrees. Next: set STORE=postgres (and DATABASE_URL), then start the bot.');
    expect(there.out).not.toContain(databaseUrl);
    expect(await withStore(postgres, everythingIn)).toEqual(expected);

    const back = folder();
    const returned = await copy(back, 'postgres', 'lowdb');
    expect(returned).toMatchObject({ code: 0, err: '' });
    expect(returned.out).not.toMatch(/DIFFERENT/);
    expect(await withStore(lowdb(back), everythingIn)).toEqual(expected);
  });

  it('refuses a database that already holds records, saying what it holds, and writes nothing into it', async () => {
    const source = folder();
    await withStore(lowdb(source), fillWithSampleRecords);
    await withStore(postgres, (store) => store.transaction((tx) => tx.reference.setAccreditedDomains(['already.example'])));

    const result = await copy(source, 'lowdb', 'postgres');

    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'The destination (postgres (DATABASE_URL)) is not empty (it holds 1 accredited domains), so nothing was copied: ' +
        'a copy goes only into an empty store. Empty it (or choose another) and run the copy again.',
    );
    expect((await withStore(postgres, countStore))['accredited domains']).toBe(1);
    expect((await withStore(postgres, countStore))['live tickets']).toBe(0);
  });

  it('refuses a DATA_DIR that already holds records as the destination, and leaves its files as they were', async () => {
    await withStore(postgres, fillWithSampleRecords);
    const destination = folder();
    await withStore(lowdb(destination), (store) => store.transaction((tx) => tx.counters.setTurnFailures('conv-x', 1)));
    const before = readFileSync(path.join(destination, 'live.json'), 'utf8');

    const result = await copy(destination, 'postgres', 'lowdb');

    expect(result.code).toBe(1);
    expect(result.err).toContain(`The destination (lowdb (DATA_DIR ${destination})) is not empty (it holds 1 failing conversations)`);
    expect(readFileSync(path.join(destination, 'live.json'), 'utf8')).toBe(before);
  });

  it('refuses while a bot is connected to the database, saying to stop every instance, and copies nothing', async () => {
    const source = folder();
    await withStore(lowdb(source), fillWithSampleRecords);
    const bot = await postgres();
    try {
      const result = await copy(source, 'lowdb', 'postgres');
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        /^Nothing was copied\. The bot is using the database in DATABASE_URL, the destination of this copy \(\d+ connections?\): stop every instance of the bot, then run the copy again\.$/,
      );
      expect(await bot.tickets.count()).toBe(0);
    } finally {
      await bot.close();
    }
  });
});

(process.env.TEST_DATABASE_URL ? describe : describe.skip)('admin CLI with STORE=postgres', () => {
  it('on postgres, changes and reads the database as one more client, and writes nothing into DATA_DIR', async () => {
    const dataDir = folder();
    const env = { STORE: 'postgres', DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
    const run = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runAdmin(argv, { env, out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const agent = '9c1e2d3f-0000-4000-8000-000000000042';

    expect(await run(['roster', 'add', 'helpdeskAgent', agent, '--name', 'Alex Agent', '--as', 'Ops'])).toMatchObject({ code: 0, err: '' });
    const listed = await run(['roster', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('Alex Agent');

    const inDatabase = await withStore(postgres, async (store) => ({
      rosters: await store.rosters.list({ kind: 'helpdeskAgent' }),
      audit: await (async () => {
        const events = [];
        for await (const event of store.readAudit()) events.push(event);
        return events;
      })(),
    }));
    expect(inDatabase.rosters.map((entry) => entry.id)).toEqual([agent]);
    expect(inDatabase.audit.map((event) => event.actor)).toEqual(['admin-cli:Ops']);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
