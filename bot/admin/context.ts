import os from 'node:os';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import type { Store } from '../../data/store/store.js';

/** What every admin command gets: where to write output, and the store of the configured data directory (opened on first use). */
export interface AdminContext {
  out(line: string): void;
  json: boolean;
  /** Who is acting, for the audit trail: the operating-system user running the command. */
  actor: string;
  store(): Promise<Store>;
  close(): Promise<void>;
}

/** Builds the context for one CLI run against `dataDir`. */
export function createAdminContext(dataDir: string, json: boolean, out: (line: string) => void): AdminContext {
  let opened: Promise<Store> | undefined;
  return {
    out,
    json,
    actor: `admin-cli:${os.userInfo().username}`,
    store: () => (opened ??= openLowdbStore({ dir: dataDir })),
    close: async () => { if (opened) await (await opened).close(); },
  };
}

/** Prints `value` as JSON in --json mode, else the human lines. */
export function print(ctx: AdminContext, value: unknown, lines: () => string[]): void {
  if (ctx.json) ctx.out(JSON.stringify(value, null, 2));
  else lines().forEach((line) => ctx.out(line));
}
