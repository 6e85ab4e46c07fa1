/**
 * `npx ucp-admin store copy` without a database: what it refuses before copying anything (bad options, no DATABASE_URL,
 * a DATA_DIR with nothing in it, a bot holding the data folder) and that it never quotes the connection string.
 * The copies themselves run on PostgreSQL: storeCommands.postgres.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../bot/config.js';
import { runAdmin } from '../../../bot/admin/runAdmin.js';
import { startControlSocket, type ControlRequest } from '../../../bot/admin/controlSocket.js';
import { openLowdbStore } from '../../../data/store/lowdbStore.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const UNREACHABLE_DATABASE = 'postgres://copier:s3cret-pass@127.0.0.1:1/ucp';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-copy-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function copy(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(['store', 'copy', ...argv], {
    env: { DATA_DIR: dir, ...env },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A data folder with a record in it, closed again. */
async function folderWithData(): Promise<void> {
  const store = await openLowdbStore({ dir });
  await store.transaction((tx) => tx.reference.setAccreditedDomains(['rosecourtcare.co.uk']));
  await store.close();
}

/** Another process holding the data folder's writer lock, as a running bot does. */
async function botHoldingTheFolder(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/lockHolder.ts', dir, 'forever'], { cwd: ROOT });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('got')) resolve();
    });
    child.on('exit', () => reject(new Error(`the lock holder exited: ${seen}`)));
  });
}

describe('admin CLI: store copy refuses before copying anything', () => {
  it('asks for --from and --to, each lowdb or postgres, and different', async () => {
    const env = { DATABASE_URL: UNREACHABLE_DATABASE };
    expect(await copy(env, '--to', 'postgres')).toMatchObject({ code: 2, err: expect.stringContaining('missing --from') });
    expect(await copy(env, '--from', 'lowdb', '--to', 'mysql')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--to must be lowdb or postgres'),
    });
    expect(await copy(env, '--from', 'lowdb', '--to', 'lowdb')).toMatchObject({ code: 2, err: expect.stringContaining('both lowdb') });
  });

  it('says DATABASE_URL is needed when it is not set, even while STORE is lowdb', async () => {
    const result = await copy({}, '--from', 'lowdb', '--to', 'postgres');
    expect(result.code).toBe(2);
    expect(result.err).toContain('DATABASE_URL is required for store copy');
  });

  it('refuses a DATA_DIR with no live.json as a source, and creates nothing there', async () => {
    const missing = path.join(dir, 'typo');
    const result = await copy({ DATA_DIR: missing, DATABASE_URL: UNREACHABLE_DATABASE }, '--from', 'lowdb', '--to', 'postgres');
    expect(result).toMatchObject({ code: 1, err: `There is nothing to copy in ${missing} (it has no live.json): check DATA_DIR.` });
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses while a bot holds the data folder, saying to stop it, and never hands the copy to that bot', async () => {
    await folderWithData();
    await botHoldingTheFolder();
    const forwarded: ControlRequest[] = [];
    const socket = await startControlSocket(dir, async (request) => {
      forwarded.push(request);
      return 0;
    });
    try {
      const result = await copy({ DATABASE_URL: UNREACHABLE_DATABASE }, '--from', 'lowdb', '--to', 'postgres');
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^Nothing was copied\. The source is in use: Another process \(pid \d+ on .+\) is using the data folder/);
      expect(result.err).toContain('stop the bot (and any admin command) using it, run the copy again, then start the bot.');
      expect(forwarded).toEqual([]);
    } finally {
      await socket.close();
    }
  });

  it('is refused when a bot is asked to run it over its control socket', async () => {
    const store = await openLowdbStore({ dir });
    try {
      const err: string[] = [];
      const code = await runAdmin(
        ['store', 'copy', '--from', 'lowdb', '--to', 'postgres'],
        { env: {}, out: () => undefined, err: (l) => err.push(l) },
        { store, actor: 'admin-cli:ops', config: loadConfig({ DATA_DIR: dir }) },
      );
      expect(code).toBe(2);
      expect(err).toEqual(['store copy cannot run inside the bot: stop the bot, then run it from the command line.']);
    } finally {
      await store.close();
    }
  });

  it('says the database cannot be reached without quoting the connection string or its password', async () => {
    await folderWithData();
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const url = `postgres://copier:s3cret-pass@127.0.0.1:${closedPort}/ucp`;
    const result = await copy({ DATABASE_URL: url }, '--from', 'lowdb', '--to', 'postgres');
    expect(result).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^The database in DATABASE_URL cannot be used \(.+\): check it is running/),
    });
    expect(result.out + result.err).not.toContain('s3cret-pass');
    expect(result.out + result.err).not.toContain(`:${closedPort}`);
  });
});
