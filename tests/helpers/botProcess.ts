import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SERVICE_ENTRY, SERVICE_NODE_OPTIONS } from './serviceBuild.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (and signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

/** Settings for authenticated mode with made-up credentials: every request then needs a Bot Framework token. */
export const AUTHENTICATED = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
};

/** Stops a bot started by startBotProcess at once and removes its data directory. */
export async function stopBot(bot: BotProcess): Promise<void> {
  bot.kill('SIGKILL');
  await bot.exited;
  rmSync(bot.dataDir, { recursive: true, force: true });
}

/**
 * Starts the real service on a free port with its own data directory: the build tests/globalSetup.ts made (plain node, the
 * way `npm start` runs it, with its node options), or, given `entry`, another compiled entry point, or, given
 * `nodeOptions`, other node options than npm start's.
 */
export async function startBotProcess(
  env: Record<string, string> = {},
  options: { entry?: string; nodeOptions?: readonly string[] } = {},
): Promise<BotProcess> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'ucp-bot-'));
  const child = spawn(process.execPath, [...(options.nodeOptions ?? SERVICE_NODE_OPTIONS), options.entry ?? SERVICE_ENTRY], {
    cwd: ROOT,
    // The ODS directory on a closed loopback port unless a test serves one: tests never reach the real NHS directory.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ODS_BASE_URL: 'http://127.0.0.1:9/',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start in time:\n${output}`)), 20000);
    const check = () => {
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`bot exited before listening:\n${output}`));
    });
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    exited,
    kill: (signal = 'SIGTERM') => {
      child.kill(signal);
    },
  };
}

/** Runs the service expecting it to refuse to start; resolves with its exit code and output. */
export async function runBotExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [...SERVICE_NODE_OPTIONS, SERVICE_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

/** A minimal message activity as a Teams client would send it. */
export function messageActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `msg-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: 'user-1', aadObjectId: '00000000-0000-0000-0000-000000000001', name: 'A Manager' },
    recipient: { id: 'bot-1', name: 'UCP onboarding' },
    conversation: { id: 'conv-1', conversationType: 'personal' },
    text: 'hello',
    timestamp: new Date().toISOString(),
    ...overrides,
  };
}
