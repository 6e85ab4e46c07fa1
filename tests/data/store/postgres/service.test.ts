/**
 * The whole service on the PostgreSQL store (STORE=postgres): it starts, reports its store healthy, keeps a manager's
 * conversation in the database and finds it again after a restart. Runs only with a database (`npm run test:pg`).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startBotProcess, stopBot, type BotProcess } from '../../../helpers/botProcess.js';
import { admin, inSchema } from '../contract/postgresPlaces.js';

const url = process.env.TEST_DATABASE_URL;

function message(text: string, id: string) {
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    text,
    from: { id: '29:manager', aadObjectId: '5b1e2d3f-0000-4000-8000-000000000009', name: 'A Manager' },
    recipient: { id: '28:bot', name: 'bot' },
    conversation: { id: 'a:1on1-manager', conversationType: 'personal' },
  };
}

async function say(bot: BotProcess, text: string, id: string): Promise<string> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message(text, id)),
  });
  expect(response.status).toBe(200);
  return JSON.stringify(await response.json());
}

(url ? describe : describe.skip)('the service on the postgres store', () => {
  let bot: BotProcess | undefined;
  const schema = `service_${randomUUID().replaceAll('-', '')}`;

  afterEach(async () => {
    if (bot) await stopBot(bot);
    bot = undefined;
    await admin(url!, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('with STORE=postgres, answers a manager and resumes the conversation from the database after a restart', async () => {
    await admin(url!, `CREATE SCHEMA ${schema}`);
    const env = { STORE: 'postgres', DATABASE_URL: inSchema(url!, schema) };
    bot = await startBotProcess(env);
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { status: string; store?: { writable: boolean } };
    expect(health.status).toBe('ok');
    expect(await say(bot, 'request access', 'm1')).toMatch(/ODS code/);
    expect(bot.output()).not.toContain(url!.split('@')[0]);

    bot.kill('SIGTERM');
    await bot.exited;
    bot = await startBotProcess({ ...env, DATA_DIR: bot.dataDir });
    // Still at the ODS code question: the dialog state came back from the database.
    expect(await say(bot, 'help', 'm2')).toMatch(/ODS code/);
  });
});
