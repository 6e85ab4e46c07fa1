import os from 'node:os';
import type { ReminderThresholds } from '../reminders/thresholds.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { emptyLiveFile } from '../../data/store/liveFile.js';
import { readLiveSnapshot } from '../../data/store/liveSnapshot.js';
import { CURRENT_SCHEMA_VERSION } from '../../data/store/migrations.js';
import type { LiveData, Store } from '../../data/store/store.js';
import { openDatabase } from '../openDatabase.js';

/** What every admin command gets: where to write output, and the store of the configured data directory (opened on first use). */
export interface AdminContext {
  out(line: string): void;
  json: boolean;
  /** When reminders fall due (the bot's REMINDER_* settings), for `reminders preview`. */
  reminders: ReminderThresholds;
  /** The data folder (DATA_DIR), for the read-only file views. */
  dataDir: string;
  /** Who is acting, for the audit trail: the operating-system user running the command. */
  actor: string;
  /** The store, for commands that change something: takes the data folder (refused while the bot has it), or the database. */
  store(): Promise<Store>;
  /** The live records as last saved, for look-ups: works while the bot is running. */
  snapshot(): Promise<LiveData>;
  close(): Promise<void>;
}

/** Who runs a command, as the audit trail records it: `--as <name>`, or the operating-system user. */
export function adminActor(as: string | undefined): string {
  return `admin-cli:${as?.trim() || os.userInfo().username}`;
}

/** Where the CLI's own store is: the data folder, or (STORE=postgres) the database every instance shares. */
export interface AdminStorePlace {
  dataDir: string;
  databaseUrl?: string;
}

/** How the CLI names its database connections (pg_stat_activity), apart from the service's. */
const ADMIN_APPLICATION_NAME = 'ucp-admin';

/**
 * Builds the context for one run: the CLI's own (it opens the store when a command needs it: the data folder's, or on
 * PostgreSQL the database, as one more client of it), or, given `running`, the bot's (a command sent over the control
 * socket uses the bot's open store).
 */
export function createAdminContext(
  place: AdminStorePlace,
  json: boolean,
  out: (line: string) => void,
  reminders: ReminderThresholds,
  actor: string,
  running?: Store,
): AdminContext {
  const { dataDir, databaseUrl } = place;
  let opened: Promise<Store> | undefined;
  const open = () =>
    databaseUrl ? openDatabase({ url: databaseUrl, applicationName: ADMIN_APPLICATION_NAME }) : openLowdbStore({ dir: dataDir });
  const store = () => (running ? Promise.resolve(running) : (opened ??= open()));
  return {
    out,
    json,
    dataDir,
    reminders,
    actor,
    store,
    // The lowdb files can be read while the bot writes them; any other store is read through its queries.
    snapshot: async () => (running || databaseUrl ? snapshotOf(await store()) : readLiveSnapshot(dataDir)),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

/** The records the look-up commands read, from an open store (the bot's, for a command sent over the control socket). */
async function snapshotOf(store: Store): Promise<LiveData> {
  // Independent reads: on a database they go out together rather than one round trip after another.
  const [
    tickets,
    rosters,
    conversations,
    notifications,
    dpiaRegister,
    dsptStatuses,
    accreditedDomains,
    bankHolidays,
    imports,
    reminderLedger,
  ] = await Promise.all([
    store.tickets.list(),
    store.rosters.list(),
    store.conversations.list(),
    store.notifications.list(),
    store.reference.dpiaRegister(),
    store.reference.dsptStatuses(),
    store.reference.accreditedDomains(),
    store.reference.bankHolidays(),
    store.reference.imports(),
    store.reminders.all(),
  ]);
  return {
    ...emptyLiveFile(CURRENT_SCHEMA_VERSION),
    tickets,
    rosters,
    conversations,
    notifications,
    dpiaRegister,
    dsptStatuses,
    accreditedDomains,
    bankHolidays,
    imports,
    reminderLedger,
  };
}

/** Prints `value` as JSON in --json mode, else the human lines. */
export function print(ctx: AdminContext, value: unknown, lines: () => string[]): void {
  if (ctx.json) ctx.out(JSON.stringify(value, null, 2));
  else lines().forEach((line) => ctx.out(line));
}
