import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, isLocalMode, isLoopbackHost, loadConfig, loadDotEnv } from '../../bot/config.js';
import { runBotExpectingFailure, startBotProcess } from '../helpers/botProcess.js';
import { expectConfigRefused } from '../helpers/configErrors.js';

const APP = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
};

describe('configuration', () => {
  it('starts with no settings at all: port 3978, data in ./var, local mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.dataDir).toBe(path.resolve('./var'));
    expect(isLocalMode(config)).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.logLevel).toBe('info');
  });

  it('leaves the notification lease to the notifier unless NOTIFY_LEASE_SECONDS sets it', () => {
    expect(loadConfig({}).notifyLeaseMs).toBeUndefined();
    expect(loadConfig({ NOTIFY_LEASE_SECONDS: '5' }).notifyLeaseMs).toBe(5000);
  });

  it('keeps records in the lowdb files of DATA_DIR unless STORE asks for memory (any case)', () => {
    expect(loadConfig({}).store).toBe('lowdb');
    expect(loadConfig({ STORE: 'lowdb' }).store).toBe('lowdb');
    expect(loadConfig({ STORE: 'Memory' }).store).toBe('memory');
  });

  it('with STORE=postgres needs a postgres:// DATABASE_URL, and never quotes it back in the message', () => {
    const url = 'postgres://ucp:s3cret@db.example.org:5432/ucp';
    expect(loadConfig({ STORE: 'postgres', DATABASE_URL: url })).toMatchObject({ store: 'postgres', databaseUrl: url });
    expect(() => loadConfig({ STORE: 'postgres' })).toThrow(/DATABASE_URL is required when STORE is postgres/);
    expect(() => loadConfig({ STORE: 'postgres', DATABASE_URL: 'mysql://ucp:s3cret@db/ucp' })).toThrow(/must start with postgres:\/\//);
    for (const bad of ['mysql://ucp:s3cret@db/ucp', 'ucp:s3cret@@@']) {
      const refusal = (() => {
        try {
          loadConfig({ STORE: 'postgres', DATABASE_URL: bad });
          return undefined;
        } catch (err) {
          return (err as Error).message;
        }
      })();
      expect(refusal).toMatch(/DATABASE_URL/);
      expect(refusal).not.toContain('s3cret');
    }
    expect(loadConfig({ STORE: 'lowdb', DATABASE_URL: url }).databaseUrl).toBeUndefined();
  });

  it('with STORE=memory, starts, says at start that nothing will be kept, and writes no records into DATA_DIR', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-memory-store-'));
    const bot = await startBotProcess({ STORE: 'memory', DATA_DIR: dataDir });
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      expect(bot.output()).toContain('nothing will be kept when the bot stops');
      expect(existsSync(path.join(dataDir, 'live.json'))).toBe(false);
    } finally {
      bot.kill();
      await bot.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('reads the Bot Framework settings by their own names and defaults to single tenant', () => {
    const config = loadConfig({ ...APP, PORT: '8080', DATA_DIR: '/srv/ucp' });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('/srv/ucp');
    expect(config.bot).toEqual({
      appId: APP.MicrosoftAppId,
      appPassword: 'secret',
      appTenantId: APP.MicrosoftAppTenantId,
      appType: 'SingleTenant',
      openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    });
    expect(isLocalMode(config)).toBe(false);
    expect(config.host).toBe('0.0.0.0');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'whole number'],
    [{ PORT: '70000' }, 'PORT', 'from 0 to 65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'one of debug, info, warn, error'],
    [{ SHUTDOWN_TIMEOUT_MS: '9000' }, 'SHUTDOWN_TIMEOUT_MS', 'from 100 to 8000'],
    [{ NOTIFY_LEASE_SECONDS: '0' }, 'NOTIFY_LEASE_SECONDS', 'from 1 to 3600'],
    [{ STORE: 'mysql' }, 'STORE', 'must be one of lowdb, memory, postgres (got "mysql")'],
    [{ MicrosoftAppId: 'my-bot' }, 'MicrosoftAppId', 'GUID'],
    [{ MicrosoftAppPassword: 'secret' }, 'MicrosoftAppId', 'local mode'],
    [{ MicrosoftAppId: APP.MicrosoftAppId, MicrosoftAppTenantId: APP.MicrosoftAppTenantId }, 'MicrosoftAppPassword', 'required'],
    [{ MicrosoftAppId: APP.MicrosoftAppId, MicrosoftAppPassword: 'x' }, 'MicrosoftAppTenantId', 'required'],
    [{ ...APP, MicrosoftAppType: 'Everyone' }, 'MicrosoftAppType', 'one of MultiTenant, SingleTenant, UserAssignedMSI'],
    [{ ...APP, BOT_OPENID_METADATA_URL: 'http://keys.example.org/' }, 'BOT_OPENID_METADATA_URL', 'https URL'],
  ])('refuses %j naming %s and what is wrong', (env, variable, problem) => {
    expectConfigRefused(env, variable, problem);
  });

  it('reads the SMTP relay settings, defaulting to port 587 with STARTTLS, and refuses a relay without a sender', () => {
    expect(loadConfig({}).smtp.host).toBe('');
    expect(loadConfig({ SMTP_HOST: 'send.nhs.net', SMTP_FROM: 'ucp.helpdesk@nhs.net', SMTP_USER: 'u', SMTP_PASSWORD: 'p' }).smtp).toEqual({
      host: 'send.nhs.net',
      port: 587,
      secure: false,
      user: 'u',
      password: 'p',
      from: 'ucp.helpdesk@nhs.net',
      caFile: '',
    });
    expect(() => loadConfig({ SMTP_CA_FILE: '/no/such/ca.pem' })).toThrow(/^SMTP_CA_FILE names a file that does not exist/);
    expect(() => loadConfig({ SMTP_HOST: 'send.nhs.net' })).toThrow(/^SMTP_FROM must be the sender's e-mail address/);
    expect(() => loadConfig({ TEAMS_SERVICE_URL: 'smba' })).toThrow(/^TEAMS_SERVICE_URL must be an http\(s\) URL/);
  });

  it('does not echo a long mistyped value in full', () => {
    expect(() => loadConfig({ PORT: '9'.repeat(100) })).toThrow(/\.\.\."\)$/);
  });

  it('stops the service start with one line naming the bad variable', async () => {
    const { code, output } = await runBotExpectingFailure({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual(['Configuration error: PORT must be a whole number from 0 to 65535 (got "eighty")']);
  });
});

describe('an unauthenticated bot on a public address (tests/e2e/publicInterface.test.ts starts one)', () => {
  it('is not allowed unless ALLOW_UNAUTHENTICATED is true', () => {
    expect(loadConfig({}).allowUnauthenticated).toBe(false);
    expect(loadConfig({ ALLOW_UNAUTHENTICATED: 'TRUE' }).allowUnauthenticated).toBe(true);
    expect(() => loadConfig({ ALLOW_UNAUTHENTICATED: '1' })).toThrow(/^ALLOW_UNAUTHENTICATED must be one of true, false/);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['::ffff:10.0.0.1', false],
    ['bot.example.org', false],
    ['127.0.0.1.example.org', false],
  ])('counts HOST %s as loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('the .env file', () => {
  it('fills settings that the environment does not set, and never overrides one that it does', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-env-'));
    writeFileSync(path.join(dir, '.env'), 'UCP_TEST_FROM_FILE=file\nUCP_TEST_ALREADY_SET=file\n');
    process.env.UCP_TEST_ALREADY_SET = 'environment';
    try {
      loadDotEnv(dir);
      expect(process.env.UCP_TEST_FROM_FILE).toBe('file');
      expect(process.env.UCP_TEST_ALREADY_SET).toBe('environment');
    } finally {
      delete process.env.UCP_TEST_FROM_FILE;
      delete process.env.UCP_TEST_ALREADY_SET;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('helpdesk settings', () => {
  it('promise no time and name no contact when neither is set', () => {
    expect(loadConfig({}).helpdesk).toEqual({});
  });

  it('read the target in working days and the support contact, without a trailing full stop', () => {
    expect(
      loadConfig({ HELPDESK_TARGET_WORKING_DAYS: '3', UCP_SUPPORT_CONTACT: ' 020 3000 0000 or ucp.support@example.nhs.uk. ' }).helpdesk,
    ).toEqual({ targetWorkingDays: 3, supportContact: '020 3000 0000 or ucp.support@example.nhs.uk' });
  });

  it.each([
    [{ HELPDESK_TARGET_WORKING_DAYS: 'two' }, 'HELPDESK_TARGET_WORKING_DAYS', 'whole number from 1 to 30'],
    [{ HELPDESK_TARGET_WORKING_DAYS: '0' }, 'HELPDESK_TARGET_WORKING_DAYS', 'whole number from 1 to 30'],
    [{ HELPDESK_TARGET_WORKING_DAYS: '45' }, 'HELPDESK_TARGET_WORKING_DAYS', 'whole number from 1 to 30'],
    [{ UCP_SUPPORT_CONTACT: 'x'.repeat(201) }, 'UCP_SUPPORT_CONTACT', 'one line of at most 200 characters'],
    [{ UCP_SUPPORT_CONTACT: 'call us\nor not' }, 'UCP_SUPPORT_CONTACT', 'one line'],
    [{ UCP_SUPPORT_CONTACT: '<a href="x">us</a>' }, 'UCP_SUPPORT_CONTACT', 'without < or >'],
  ])('refuse %j naming %s and what is wrong', (env, variable, problem) => {
    expectConfigRefused(env, variable, problem);
  });

  it('stop the service start with one line when the target is not a number of days', async () => {
    const { code, output } = await runBotExpectingFailure({ HELPDESK_TARGET_WORKING_DAYS: 'soon' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      'Configuration error: HELPDESK_TARGET_WORKING_DAYS must be a whole number from 1 to 30 (got "soon")',
    ]);
  });
});

describe('reminder settings', () => {
  it("default to the issue's thresholds and refuse a bad one naming it", () => {
    expect(loadConfig({}).reminders).toMatchObject({
      icsRemindAfterHours: 16,
      icsEscalateAfterHours: 40,
      unassignedAfterHours: 4,
      withdrawAfterHours: 80,
    });
    expect(loadConfig({ REMINDER_UNASSIGNED_HOURS: '2' }).reminders.unassignedAfterHours).toBe(2);
    let error: unknown;
    try {
      loadConfig({ REMINDER_WITHDRAW_HOURS: 'ten days' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^REMINDER_WITHDRAW_HOURS must be a number of working hours/);
  });
});
