import os from 'node:os';
import type { ReminderThresholds } from '../reminders/thresholds.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { emptyLiveFile } from '../../data/store/liveFile.js';
import { readLiveSnapshot } from '../../data/store/liveSnapshot.js';
import { CURRENT_SCHEMA_VERSION } from '../../data/store/migrations.js';
import type { LiveData, Store } from '../../data/store/store.js';

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
  /** The store, for commands that change something: takes the data folder (refused while the bot has it). */
  store(): Promise<Store>;
  /** The live records as last saved, for look-ups: works while the bot is running. */
  snapshot(): Promise<LiveData>;
  close(): Promise<void>;
}

/** Who runs a command, as the audit trail records it: `--as <name>`, or the operating-system user. */
export function adminActor(as: string | undefined): string {
  return `admin-cli:${as?.trim() || os.userInfo().username}`;
}

/**
 * Builds the context for one run against `dataDir`: the CLI's own (it opens the folder's store when a command needs it),
 * or, given `running`, the bot's (a command sent over the control socket uses the bot's open store).
 */
export function createAdminContext(
  dataDir: string,
  json: boolean,
  out: (line: string) => void,
  reminders: ReminderThresholds,
  actor: string,
  running?: Store,
): AdminContext {
  let opened: Promise<Store> | undefined;
  return {
    out,
    json,
    dataDir,
    reminders,
    actor,
    store: () => (running ? Promise.resolve(running) : (opened ??= openLowdbStore({ dir: dataDir }))),
    snapshot: () => (running ? snapshotOf(running) : readLiveSnapshot(dataDir)),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

/** The records the look-up commands read, from an open store (the bot's, for a command sent over the control socket). */
async function snapshotOf(store: Store): Promise<LiveData> {
  return {
    ...emptyLiveFile(CURRENT_SCHEMA_VERSION),
    tickets: await store.tickets.list(),
    rosters: await store.rosters.list(),
    conversations: await store.conversations.list(),
    notifications: await store.notifications.list(),
    dpiaRegister: await store.reference.dpiaRegister(),
    dsptStatuses: await store.reference.dsptStatuses(),
    accreditedDomains: await store.reference.accreditedDomains(),
    bankHolidays: await store.reference.bankHolidays(),
    imports: await store.reference.imports(),
    reminderLedger: await store.reminders.all(),
  };
}

/** Prints `value` as JSON in --json mode, else the human lines. */
export function print(ctx: AdminContext, value: unknown, lines: () => string[]): void {
  if (ctx.json) ctx.out(JSON.stringify(value, null, 2));
  else lines().forEach((line) => ctx.out(line));
}
