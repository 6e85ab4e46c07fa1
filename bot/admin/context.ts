import os from 'node:os';
import type { ReminderThresholds } from '../reminders/thresholds.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { readLiveSnapshot } from '../../data/store/liveSnapshot.js';
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

/** Builds the context for one CLI run against `dataDir`. */
export function createAdminContext(
  dataDir: string,
  json: boolean,
  out: (line: string) => void,
  reminders: ReminderThresholds,
): AdminContext {
  let opened: Promise<Store> | undefined;
  return {
    out,
    json,
    dataDir,
    reminders,
    actor: `admin-cli:${os.userInfo().username}`,
    store: () => (opened ??= openLowdbStore({ dir: dataDir })),
    snapshot: () => readLiveSnapshot(dataDir),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

/** Prints `value` as JSON in --json mode, else the human lines. */
export function print(ctx: AdminContext, value: unknown, lines: () => string[]): void {
  if (ctx.json) ctx.out(JSON.stringify(value, null, 2));
  else lines().forEach((line) => ctx.out(line));
}
