/**
 * Two service processes on one PostgreSQL database, as a deployment with two instances runs: each with its own DATA_DIR
 * and port, both on the same schema (a schema of its own per test, so tests sharing the database stay apart) and the same
 * fake Teams connector. For the whole-service tests in tests/postgres/.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { openPostgresStore } from '../../data/store/postgresStore.js';
import type { Store } from '../../data/store/store.js';
import { admin, inSchema } from '../data/store/contract/postgresPlaces.js';
import { startBotProcess, stopBot, type BotProcess } from './botProcess.js';

const SHIFTED_CLOCK = pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'shiftedClock.mjs')).href;

/** A schema of its own in the test database, where the two instances keep their store. */
export interface SharedDatabase {
  /** The schema's name: what the instances' job locks are keyed by (bot/jobs/postgresJobLock.ts). */
  schema: string;
  /** DATABASE_URL for the instances (the schema first on the search path). */
  url: string;
  /** Opens the store from the test, to seed it before the instances start or to read what they did. */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export async function sharedDatabase(testDatabaseUrl: string): Promise<SharedDatabase> {
  const schema = `instances_${randomUUID().replaceAll('-', '')}`;
  await admin(testDatabaseUrl, `CREATE SCHEMA ${schema}`);
  const url = inSchema(testDatabaseUrl, schema);
  return {
    schema,
    url,
    open: () => openPostgresStore({ url, poolSize: 2 }),
    dispose: () => admin(testDatabaseUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

export interface TwoInstancesOptions {
  /** The fake connector's serviceUrl (TEAMS_SERVICE_URL, where channel conversations are made). */
  teamsServiceUrl: string;
  /** More settings for both instances (REMINDER_CRON, NOTIFY_RETRY_SECONDS, …). */
  env?: Record<string, string>;
  /** Both processes' clocks read this much later than the real one (tests/helpers/shiftedClock.mjs). */
  clockShiftMs?: number;
}

/** Starts both instances at once (they migrate the empty schema together, as a deployment's first start does). */
export async function startTwoInstances(database: SharedDatabase, options: TwoInstancesOptions): Promise<[BotProcess, BotProcess]> {
  const env: Record<string, string> = {
    STORE: 'postgres',
    DATABASE_URL: database.url,
    TEAMS_SERVICE_URL: options.teamsServiceUrl,
    ...(options.clockShiftMs ? { NODE_OPTIONS: `--import ${SHIFTED_CLOCK}`, TEST_CLOCK_SHIFT_MS: String(options.clockShiftMs) } : {}),
    ...options.env,
  };
  const started = await Promise.allSettled([startBotProcess(env), startBotProcess(env)]);
  const bots = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(bots.map(stopBot));
    throw failed.reason;
  }
  return bots as [BotProcess, BotProcess];
}

/** Stops both at once and removes their data directories. */
export async function stopInstances(bots: readonly (BotProcess | undefined)[]): Promise<void> {
  await Promise.all(bots.filter((bot): bot is BotProcess => bot !== undefined).map(stopBot));
}

/** The instance whose log says it stands by for `job` (another instance runs it), and the one running it. */
export function byJob(bots: readonly [BotProcess, BotProcess], standingBy: RegExp): { running: BotProcess; standingBy: BotProcess } {
  const [first, second] = bots;
  return standingBy.test(first.output()) ? { running: second, standingBy: first } : { running: first, standingBy: second };
}
