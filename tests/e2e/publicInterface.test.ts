import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUTHENTICATED, type BotProcess, runBotExpectingFailure, startBotProcess, stopBot } from '../helpers/botProcess.js';

/** No unauthenticated bot on an address other machines can reach by accident, and /healthz tells them only ok or not ok. */

/**
 * Tests send traffic to loopback only, so "another machine" is a request relayed by a proxy (X-Forwarded-For), which the bot
 * treats exactly as it treats a non-loopback address (tests/bot/server.test.ts tables the addresses themselves).
 */
const FROM_ELSEWHERE = { 'x-forwarded-for': '203.0.113.9' };

/** The process's own lines (not its JSON log lines): a warning Node prints counts, so an unexpected one fails the test. */
const meaningfulLines = (output: string) => output.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));

describe('starting without MicrosoftAppId', () => {
  it.each([
    ['0.0.0.0', "every interface (the Dockerfile's HOST)"],
    ['::', 'every IPv6 interface'],
    ['10.0.0.5', 'one network address'],
    ['bot.example.org', 'a host name'],
  ])('refuses to listen on %s (%s) with one line saying what to set', async (host) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-open-'));
    try {
      const { code, output } = await runBotExpectingFailure({ HOST: host, DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(meaningfulLines(output)).toEqual([
        `Cannot start: HOST is ${host}, which other machines can reach, but no MicrosoftAppId is set, so anyone there could post as anyone: set MicrosoftAppId, or HOST=127.0.0.1, or ALLOW_UNAUTHENTICATED=true if an open bot there is really meant.`,
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('listens on every interface when ALLOW_UNAUTHENTICATED=true says so, and warns that it is open', async () => {
    const bot = await startBotProcess({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' });
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      expect(bot.output()).toMatch(/LOCAL MODE.*NOT authenticated/);
      expect(bot.output()).toMatch(
        /"msg":"ALLOW_UNAUTHENTICATED=true: this unauthenticated bot answers every machine that can reach it","host":"0.0.0.0"/,
      );
    } finally {
      bot.kill('SIGKILL');
      await bot.exited;
      rmSync(bot.dataDir, { recursive: true, force: true });
    }
  });

  it('still refuses ALLOW_UNAUTHENTICATED values other than true or false', async () => {
    const { code, output } = await runBotExpectingFailure({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'yes' });
    expect(code).toBe(1);
    expect(meaningfulLines(output)).toEqual(['Configuration error: ALLOW_UNAUTHENTICATED must be one of true, false (got "yes")']);
  });
});

describe('/healthz in authenticated mode', () => {
  let bot: BotProcess;
  let port: string;
  beforeAll(async () => {
    bot = await startBotProcess({ ...AUTHENTICATED, HOST: '0.0.0.0' });
    port = new URL(bot.url).port;
  });
  afterAll(() => stopBot(bot));

  it('tells another machine, through a proxy, only that it is ok: no version, no store counts', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: FROM_ELSEWHERE });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('tells this machine (the container health check) its version and store status', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; store: { writable: boolean } };
    expect(body).toMatchObject({ status: 'ok', store: { writable: true } });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('tells another machine "unavailable" with 503, and nothing more, when the store cannot write', async () => {
    rmSync(bot.dataDir, { recursive: true, force: true });
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: FROM_ELSEWHERE });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable' });
    } finally {
      rmSync(bot.dataDir, { force: true });
    }
  });
});
