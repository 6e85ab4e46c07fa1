/**
 * `store copy --from lowdb|postgres --to postgres|lowdb`: the upgrade path from the lowdb files in DATA_DIR to the
 * database in DATABASE_URL (and back). Never sent to a running bot: both stores must be free of other writers, so a bot
 * using either is refused with what to do. Prints progress, then the counts of both sides; exit 0 only when they agree.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { AppError } from '../../data/errors.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { SERVICE_APPLICATION_NAME } from '../../data/store/postgresStore.js';
import { openDatabase } from '../openDatabase.js';
import type { Store } from '../../data/store/store.js';
import {
  copyStore,
  countStore,
  COUNTED_KINDS,
  DestinationNotEmptyError,
  isEmpty,
  type CountedKind,
  type StoreCounts,
} from '../../data/store/storeCopy.js';
import { DataFolderBusyError } from '../../data/store/writerLock.js';
import { databaseUrlSetting } from '../config.js';
import type { Env } from '../settingReaders.js';
import { errorKind } from '../log.js';
import { noMore, type ParsedArgs } from './args.js';
import { UsageError } from './usage.js';

const USAGE = 'store copy --from lowdb --to postgres (or --from postgres --to lowdb)';
const KINDS = ['lowdb', 'postgres'] as const;
type Kind = (typeof KINDS)[number];

/** How the copy's own connections are named, so they are never taken for a running bot's. */
const COPY_APPLICATION_NAME = 'ucp-store-copy';

export interface StoreCommandSettings {
  env: Env;
  dataDir: string;
  out(line: string): void;
}

/** Runs `store copy`; resolves with the exit code (0 only when every count agrees). */
export async function storeCommand(args: ParsedArgs, settings: StoreCommandSettings): Promise<number> {
  if (args.positionals[1] !== 'copy') throw new UsageError(`store takes one command: ${USAGE}`);
  noMore(args, 2);
  if (args.json) throw new UsageError(`store copy prints a table, not JSON (usage: ${USAGE})`);
  const from = kindOption(args.options.from, '--from');
  const to = kindOption(args.options.to, '--to');
  if (from === to) throw new UsageError(`--from and --to are both ${from}: a copy goes from one store to the other (usage: ${USAGE})`);
  const places = { lowdb: `lowdb (DATA_DIR ${path.resolve(settings.dataDir)})`, postgres: 'postgres (DATABASE_URL)' };
  const databaseUrl = databaseUrlSetting(settings.env, 'for store copy');
  const { out } = settings;

  const opened: Store[] = [];
  try {
    const source = await open(from, 'source', settings.dataDir, databaseUrl);
    opened.push(source);
    const destination = await open(to, 'destination', settings.dataDir, databaseUrl);
    opened.push(destination);
    const already = await countStore(destination);
    if (!isEmpty(already)) throw new DestinationNotEmptyError(places[to], already);

    out(`Copying from ${places[from]} to ${places[to]}. Keep the bot stopped until this has finished.`);
    await copyStore(source, destination, (kind, done, finished) => out(progressLine(kind, done, finished)));
    out('Checking: counting both stores…');
    const counts = { source: await countStore(source), destination: await countStore(destination) };
    const differing = printTable(out, from, to, counts.source, counts.destination);
    if (differing.length > 0) {
      out(`The counts differ for ${differing.join(', ')}: do not switch to ${to}; empty it and run the copy again.`);
      return 1;
    }
    out(`Every count agrees. Next: set STORE=${to}${to === 'postgres' ? ' (and DATABASE_URL)' : ' and DATA_DIR'}, then start the bot.`);
    return 0;
  } finally {
    for (const store of opened.reverse()) await store.close().catch(() => undefined);
  }
}

function progressLine(kind: CountedKind, done: number, finished: boolean): string {
  if (kind === 'last ticket number') return `  ticket numbers: the next one is ${done + 1}`;
  if (kind === 'demo seeded') return `  demo seeded: ${done === 1 ? 'yes' : 'no'}`;
  return finished ? `  ${kind}: ${done} copied` : `  ${kind}: ${done} so far…`;
}

function kindOption(value: string | undefined, name: string): Kind {
  if (value === undefined) throw new UsageError(`missing ${name} (usage: ${USAGE})`);
  if (!(KINDS as readonly string[]).includes(value)) throw new UsageError(`${name} must be lowdb or postgres (usage: ${USAGE})`);
  return value as Kind;
}

async function open(kind: Kind, side: 'source' | 'destination', dataDir: string, databaseUrl: string): Promise<Store> {
  return kind === 'lowdb' ? openLowdb(side, dataDir) : openPostgres(side, databaseUrl);
}

async function openLowdb(side: 'source' | 'destination', dataDir: string): Promise<Store> {
  const dir = path.resolve(dataDir);
  // A source folder without a live file is a mistyped DATA_DIR, not an empty deployment: nothing is created there.
  if (side === 'source' && !existsSync(path.join(dir, 'live.json')))
    throw new AppError('store-copy-no-source', `There is nothing to copy in ${dir} (it has no live.json): check DATA_DIR.`, { dir });
  try {
    return await openLowdbStore({ dir });
  } catch (err) {
    if (err instanceof DataFolderBusyError)
      throw new AppError(
        'store-copy-bot-running',
        `Nothing was copied. The ${side} is in use: ${err.holder}. A copy needs the folder to itself: stop the bot (and any ` +
          'admin command) using it, run the copy again, then start the bot.',
        { dir },
      );
    throw err;
  }
}

async function openPostgres(side: 'source' | 'destination', databaseUrl: string): Promise<Store> {
  let connected: number;
  try {
    connected = await serviceConnections(databaseUrl);
  } catch (err) {
    // Only the error's kind: a driver's message may quote the connection string.
    throw new AppError(
      'database-unusable',
      `The database in DATABASE_URL cannot be used (${errorKind(err)}): check it is running and reachable.`,
    );
  }
  if (connected > 0)
    throw new AppError(
      'store-copy-bot-running',
      `Nothing was copied. The bot is using the database in DATABASE_URL, the ${side} of this copy (${connected} ` +
        `${connected === 1 ? 'connection' : 'connections'}): stop every instance of the bot, then run the copy again.`,
    );
  return openDatabase({ url: databaseUrl, applicationName: COPY_APPLICATION_NAME });
}

/** Connections the service (any instance) holds to this database right now. */
async function serviceConnections(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: COPY_APPLICATION_NAME });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [SERVICE_APPLICATION_NAME],
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

/** The counts side by side; returns the kinds that differ. */
function printTable(out: (line: string) => void, from: Kind, to: Kind, source: StoreCounts, destination: StoreCounts): string[] {
  const width = Math.max(...COUNTED_KINDS.map((kind) => kind.length));
  out(`  ${'kind'.padEnd(width)}  ${from.padStart(9)}  ${to.padStart(9)}`);
  const differing: string[] = [];
  for (const kind of COUNTED_KINDS) {
    const same = source[kind] === destination[kind];
    if (!same) differing.push(kind);
    out(
      `  ${kind.padEnd(width)}  ${String(source[kind]).padStart(9)}  ${String(destination[kind]).padStart(9)}  ${same ? 'ok' : 'DIFFERENT'}`,
    );
  }
  return differing;
}
