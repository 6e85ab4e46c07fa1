/**
 * What `npm run test:playground` starts and always stops: the bot, built and run on plain node as `npm start` runs it (fresh
 * data folder, so the demo seeds), a fake NHS directory that knows none of the demo codes (as the real one does not, without
 * needing the internet), and the Microsoft 365 Agents Playground pointed at the bot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playgroundEnv } from '../../bot/demo/playgroundEnv.js';
import { buildService } from '../../scripts/build.js';
import { startFakeOrd, type FakeOrd } from '../fixtures/fakeOrd.js';
import { SERVICE_NODE_OPTIONS } from '../helpers/serviceBuild.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Its own build folder, so a developer's bot running from dist/ is not rebuilt under its feet (gitignored: .build-test-*). */
const BUILD_DIR = path.join(ROOT, '.build-test-playground');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** One process this run started, with everything it printed (kept for the failure report; never personal data: demo only). */
export interface Service {
  name: string;
  child: ChildProcess;
  output(): string;
}

export interface Services {
  botUrl: string;
  playgroundUrl: string;
  bot: Service;
  playground: Service;
  /** Stops everything started here, in reverse order, and removes the temporary folders. Safe to call twice. */
  stop(): Promise<void>;
}

/** A port nobody listens on now, so a developer's bot on 3978 or playground on 56150 is never touched. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Builds and starts the bot, the fake directory and the playground; on any failure stops what had started and rethrows. */
export async function startServices(log: (line: string) => void): Promise<Services> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const started = Date.now();
    await buildService(BUILD_DIR);
    stops.push(() => rm(BUILD_DIR, { recursive: true, force: true }));
    log(`built the bot in ${Date.now() - started} ms`);

    const ord: FakeOrd = await startFakeOrd({});
    stops.push(() => ord.close());
    const work = await mkdtemp(path.join(os.tmpdir(), 'ucp-playground-run-'));
    stops.push(() => rm(work, { recursive: true, force: true }));

    const botPort = await freePort();
    const bot = startProcess('bot', process.execPath, [...SERVICE_NODE_OPTIONS, path.join(BUILD_DIR, 'bot', 'index.js')], {
      // Started from an empty folder so a developer's .env (an app id, another port) cannot change the run.
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(botPort),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(work, 'data'),
        ODS_BASE_URL: `${ord.url}/`,
        LOG_LEVEL: 'info',
        // Undelivered cards are retried every few seconds rather than every minute, so no step waits long for one.
        NOTIFY_RETRY_SECONDS: '3',
        // The same walk on PostgreSQL when asked (STORE=postgres with DATABASE_URL): see README "Tests".
        ...(process.env.STORE === 'postgres' && process.env.DATABASE_URL
          ? { STORE: 'postgres', DATABASE_URL: process.env.DATABASE_URL }
          : {}),
      },
    });
    stops.push(() => stopProcess(bot));
    await waitForOutput(bot, /"msg":"listening on/, 'the bot did not say it was listening');
    // The demo is seeded just after the bot starts listening (bot/app.ts): wait for it rather than race it.
    await waitForOutput(bot, /demo seeded/, 'the bot did not seed the demo on a fresh data folder');
    const botUrl = `http://localhost:${botPort}`;

    const { env } = playgroundEnv({ env: { ...process.env }, workDir: path.join(work, 'playground') });
    const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
    const askedPort = await freePort();
    const playground = startProcess(
      'playground',
      process.execPath,
      [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(askedPort)],
      { cwd: path.join(work, 'playground'), env },
    );
    stops.push(() => stopProcess(playground));
    // It takes another port of its own when the asked one was taken meanwhile: read the one it really listens on.
    const listening = await waitForOutput(playground, /Listening on (\d+)/, 'the playground did not say it was listening');
    return { botUrl, playgroundUrl: `http://localhost:${listening[1]}`, bot, playground, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

function startProcess(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Service {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { name, child, output: () => output };
}

async function waitForOutput(service: Service, pattern: RegExp, failure: string): Promise<RegExpExecArray> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = pattern.exec(service.output());
    if (match) return match;
    if (service.child.exitCode !== null || service.child.signalCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${failure} within ${START_TIMEOUT_MS / 1000} s. It printed:\n${service.output().slice(-2000)}`);
}

/** SIGTERM (the bot flushes its store; the playground closes), then SIGKILL if it has not gone within 10 s. */
async function stopProcess(service: Service): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await gone;
  clearTimeout(timer);
}
