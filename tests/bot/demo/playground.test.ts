import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findOnPath, playgroundEnv } from '../../../bot/demo/playgroundEnv.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const temps: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-playground-'));
  temps.push(dir);
  return dir;
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      // SIGTERM first: the script passes it on to the playground, which SIGKILL would leave running.
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(timer);
    }
  }
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the environment the Agents Playground starts with', () => {
  it('puts a no-op xdg-open first on PATH where there is none', () => {
    const empty = tempDir();
    const workDir = tempDir();
    const { env, addedNoOpOpener } = playgroundEnv({ env: { PATH: empty }, workDir });
    expect(addedNoOpOpener).toBe(true);
    const opener = findOnPath('xdg-open', env.PATH ?? '');
    expect(opener).toBe(path.join(workDir, 'bin', 'xdg-open'));
    expect(statSync(opener ?? '').mode & 0o111).not.toBe(0);
    expect(env.PATH?.split(path.delimiter)).toEqual([path.join(workDir, 'bin'), empty]);
    expect(env.M365_AGENTS_PLAYGROUND_LOGFILE).toBe(path.join(workDir, 'm365agentsplayground.log'));
  });

  it('leaves PATH alone when an xdg-open is already there', () => {
    const bin = tempDir();
    writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const { env, addedNoOpOpener } = playgroundEnv({ env: { PATH: bin }, workDir: tempDir() });
    expect(addedNoOpOpener).toBe(false);
    expect(env.PATH).toBe(bin);
  });
});

/** Runs `npm run playground`'s script with `env`, and resolves once its output contains `expected`. */
async function runPlaygroundScript(env: Record<string, string>, expected: string): Promise<{ child: ChildProcess; output: () => string }> {
  // A PATH with no xdg-open on it (node is started by its full path, and so is the playground).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/playground.ts'], {
    cwd: ROOT,
    env: { PATH: tempDir(), HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${expected}" in time:\n${output}`)), 15_000);
    child.stdout?.on('data', () => {
      if (output.includes(expected)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited before "${expected}":\n${output}`));
    });
  });
  return { child, output: () => output };
}

describe('npm run playground', () => {
  it('keeps the playground running past "Listening" on a machine without xdg-open, and its page answers', async () => {
    const [playgroundPort, botPort] = [await freePort(), await freePort()];
    const { child, output } = await runPlaygroundScript(
      { PORT: String(botPort), TEAMSAPPTESTER_PORT: String(playgroundPort) },
      `Listening on ${playgroundPort}`,
    );
    expect(output()).toContain('No xdg-open here');
    expect(output()).toContain(`The playground will be at http://localhost:${playgroundPort}\n`);
    expect(output()).toContain(`The bot is not answering on http://localhost:${botPort}`);

    // Without the no-op opener the playground exits right after "Listening"; give it the time it takes to do so.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(child.exitCode).toBeNull();
    const page = await fetch(`http://localhost:${playgroundPort}/`, { headers: { connection: 'close' } });
    expect(page.status).toBe(200);
    await page.text();

    // Ctrl+C (or a SIGTERM) stops the playground with the script, leaving nothing listening.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
    await expect(fetch(`http://localhost:${playgroundPort}/`, { headers: { connection: 'close' } })).rejects.toThrow();
  }, 25_000);

  it('says the address it really uses when its usual port is taken, and the playground answers there', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const takenPort = (taken.address() as { port: number }).port;
    try {
      const { output } = await runPlaygroundScript(
        { PORT: String(await freePort()), TEAMSAPPTESTER_PORT: String(takenPort) },
        'Listening on',
      );
      const said = new RegExp(`Port ${takenPort} is in use, so the playground will be at http://localhost:(\\d+)\n`).exec(output());
      expect(said).not.toBeNull();
      const port = Number(said?.[1]);
      expect(port).not.toBe(takenPort);
      expect(output()).toContain(`Listening on ${port}`);
      const page = await fetch(`http://localhost:${port}/`, { headers: { connection: 'close' } });
      expect(page.status).toBe(200);
      await page.text();
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 25_000);
});
