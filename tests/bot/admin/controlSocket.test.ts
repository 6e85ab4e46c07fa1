import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../bot/config.js';
import { CONTROL_SOCKET, startControlSocket, type ControlSocket } from '../../../bot/admin/controlSocket.js';
import { runAdmin } from '../../../bot/admin/runAdmin.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { runAdminIn } from '../../helpers/adminRunner.js';

const AGENT = '9c1e2d3f-0000-4000-8000-000000000002';

let dir: string;
let store: Store;
let socket: ControlSocket | undefined;

/** The running bot's side: what bot/app.ts starts, on its own store. */
async function startBot(): Promise<void> {
  const config = loadConfig({ DATA_DIR: dir });
  socket = await startControlSocket(dir, ({ argv, actor }, say) =>
    runAdmin(argv, { env: {}, out: (line) => say({ out: line }), err: (line) => say({ err: line }) }, { store, actor, config }),
  );
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-control-'));
  store = await openMemoryStore();
});
afterEach(async () => {
  await socket?.close();
  socket = undefined;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('admin commands while the bot runs (issue 17 point 6)', () => {
  it("runs a roster change on the running bot's store, audited with who made it", async () => {
    await startBot();
    const result = await runAdminIn(dir, 'roster', 'add', 'helpdeskAgent', AGENT, '--name', 'Alex Agent', '--as', 'Priya Operator');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('Added');
    expect(await store.rosters.list({ kind: 'helpdeskAgent', id: AGENT })).toHaveLength(1);
    const audit = [];
    for await (const event of store.readAudit()) audit.push(event);
    expect(audit).toEqual([expect.objectContaining({ action: 'roster.add', actor: 'admin-cli:Priya Operator' })]);
  });

  it('gives the same answer and exit code as when the bot is stopped, for a change, a look-up and a mistake', async () => {
    const stopped = [
      await runAdminIn(dir, 'roster', 'add', 'helpdeskAgent', AGENT),
      await runAdminIn(dir, 'roster', 'list', '--json'),
      await runAdminIn(dir, 'roster', 'add', 'helpdeskAgent', 'not-an-id'),
      await runAdminIn(dir, 'email', 'jane@nhs.net'),
    ];
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-control-'));
    await startBot();
    const running = [
      await runAdminIn(dir, 'roster', 'add', 'helpdeskAgent', AGENT),
      await runAdminIn(dir, 'roster', 'list', '--json'),
      await runAdminIn(dir, 'roster', 'add', 'helpdeskAgent', 'not-an-id'),
      await runAdminIn(dir, 'email', 'jane@nhs.net'),
    ];
    const comparable = (runs: typeof stopped) => runs.map((r) => ({ ...r, out: r.out.replace(/"addedAt": "[^"]+"/g, '') }));
    expect(comparable(running)).toEqual(comparable(stopped));
    expect(running.map((r) => r.code)).toEqual([0, 0, 2, 0]);
  });

  it('listens on a socket in the data folder that only its owner may use', async () => {
    await startBot();
    const mode = statSync(path.join(dir, CONTROL_SOCKET)).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('creates the data folder for its socket when nothing else has (STORE=postgres keeps no files there)', async () => {
    const parent = dir;
    dir = path.join(parent, 'not-yet-made');
    try {
      await startBot();
      expect(statSync(path.join(dir, CONTROL_SOCKET)).mode & 0o777).toBe(0o600);
    } finally {
      await socket?.close();
      socket = undefined;
      dir = parent;
    }
  });

  it('runs the command in the CLI itself when no bot is behind a socket file left in the folder', async () => {
    writeFileSync(path.join(dir, CONTROL_SOCKET), '');
    const result = await runAdminIn(dir, 'roster', 'add', 'helpdeskAgent', AGENT);
    expect(result).toMatchObject({ code: 0, err: '' });
  });

  it('refuses a request it cannot read, changing nothing', async () => {
    await startBot();
    const net = await import('node:net');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      const connection = net.createConnection(path.join(dir, CONTROL_SOCKET), () => connection.write('{"argv": "roster"}\n'));
      connection.setEncoding('utf8');
      connection.on('data', (chunk: string) => (text += chunk));
      connection.on('close', () => resolve(text));
    });
    expect(answer).toContain('"exit":2');
    expect(await store.rosters.list()).toEqual([]);
  });
});
