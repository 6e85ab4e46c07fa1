/**
 * The whole service through a database outage (issue 17, points 4 and 8): its own throwaway PostgreSQL cluster, the
 * service started on it and busy, the database stopped under it (pg_ctl stop -m fast) and started again. While the
 * database is away every request that needs it is answered 503 with a Retry-After and a sentence a person can act on,
 * and /healthz says 503; once it is back the very same process answers again — no restart — and it never crashed.
 * Runs only under `npm run test:pg`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { JOB_LOCK_CLASS } from '../../bot/jobs/postgresJobLock.js';
import { STORE_UNAVAILABLE_MESSAGE } from '../../bot/storeUnavailable.js';
import { OUTAGE_MESSAGE } from '../../bot/teams/turnErrors.js';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/postgresCluster.js';
import { messageActivity, startBotProcess, stopBot, type BotProcess } from '../helpers/botProcess.js';
import { FakeConnector } from '../helpers/fakeConnector.js';

const manager = { id: '29:manager-17', aadObjectId: '5b1e2d3f-0000-4000-8000-000000000017', name: 'A Manager' };

function turn(text: string, conversation: string, fields: Record<string, unknown> = {}) {
  return messageActivity({
    deliveryMode: 'expectReplies',
    text,
    from: manager,
    conversation: { id: conversation, conversationType: 'personal' },
    ...fields,
  });
}

function cardButton(conversation: string) {
  return messageActivity({
    type: 'invoke',
    text: undefined,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'refreshCard', data: { ticketId: 'UCP-0001' } } },
    from: manager,
    conversation: { id: conversation, conversationType: 'personal' },
  });
}

async function post(bot: BotProcess, activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function query<R extends Record<string, unknown>>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const logLines = (bot: BotProcess) =>
  bot
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; msg: string; error?: string });

(process.env.TEST_DATABASE_URL ? describe : describe.skip)('the service on postgres through a database outage', () => {
  let cluster: PostgresCluster;
  let connector: FakeConnector;
  let bot: BotProcess;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    connector = await FakeConnector.start();
    // Timers every second (deliveries, card re-sync, the reminder sweep), so they meet the outage too.
    bot = await startBotProcess({ STORE: 'postgres', DATABASE_URL: cluster.url, NOTIFY_RETRY_SECONDS: '1', REMINDER_CRON: '* * * * * *' });
  }, 60_000);

  afterAll(async () => {
    if (bot) await stopBot(bot);
    await connector?.close();
    await cluster?.stop();
  });

  it('answers 503 with a clear sentence while postgres is down, and recovers by itself when it is back', async () => {
    const pid = bot.child.pid;
    const healthz = async () => (await fetch(`${bot.url}/healthz`)).status;
    expect(await healthz()).toBe(200);
    const before = await post(bot, turn('request access', 'a:outage-1'));
    expect(before.status).toBe(200);
    expect(JSON.stringify(await before.json())).toMatch(/ODS code/);
    await waitFor('the sweep lock taken', async () => (await sweepLocksHeld(cluster.url)) === 1);

    // Traffic in flight while the database goes away: each request is answered (200 or 503), none is left hanging.
    const busy = Array.from({ length: 8 }, (_, n) => post(bot, turn('help', `a:outage-busy-${n}`)).then((r) => r.status));
    await cluster.stopServer();
    for (const status of await Promise.all(busy)) expect([200, 503]).toContain(status);

    const down = await post(bot, turn('help', 'a:outage-1'));
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    expect(await down.json()).toEqual({ error: STORE_UNAVAILABLE_MESSAGE });
    // A message as Teams sends it (replies through the connector): the person is told, though Teams shows nothing of a 503.
    const fromTeams = await post(bot, turn('help', 'a:outage-1', { deliveryMode: undefined, serviceUrl: connector.url }));
    expect(fromTeams.status).toBe(503);
    expect((await connector.waitFor((request) => request.route === 'send' || request.route === 'reply')).body.text).toBe(OUTAGE_MESSAGE);
    expect((await post(bot, cardButton('a:outage-1'))).status).toBe(503);
    const tab = await fetch(`${bot.url}/api/tab/tickets`);
    expect(tab.status).toBe(503);
    expect(tab.headers.get('retry-after')).toBe('30');
    expect(await tab.json()).toEqual({ error: STORE_UNAVAILABLE_MESSAGE });
    expect(await healthz()).toBe(503);
    // A few seconds down: every timer meets the missing database.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    await cluster.startServer();
    await waitFor('/healthz 200', async () => (await healthz()) === 200);
    const after = await post(bot, turn('help', 'a:outage-1'));
    expect(after.status).toBe(200);
    // Still at the ODS code question: the conversation from before the outage is intact, and none of the failed turns
    // was counted against it.
    expect(JSON.stringify(await after.json())).toMatch(/ODS code/);
    expect(await query(cluster.url, `SELECT name FROM counters WHERE name LIKE 'turnFailures:%'`)).toEqual([]);
    expect((await fetch(`${bot.url}/api/tab/tickets`)).status).toBe(200);
    await waitFor('the sweep lock taken again', async () => (await sweepLocksHeld(cluster.url)) === 1);

    // The same process throughout, and the outage told once each way, without the connection string.
    expect(bot.child.exitCode).toBeNull();
    expect(bot.child.pid).toBe(pid);
    const lines = logLines(bot);
    expect(lines.filter((line) => line.msg.startsWith('the database cannot be reached'))).toHaveLength(1);
    expect(lines.filter((line) => line.msg.startsWith('the database can be reached again'))).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'error' && line.error?.startsWith('StoreUnavailableError'))).toEqual([]);
    expect(bot.output()).not.toContain(cluster.url);
    expect(bot.output()).not.toContain(new URL(cluster.url).host);
  }, 90_000);
});

async function sweepLocksHeld(url: string): Promise<number> {
  const rows = await query<{ held: number }>(
    url,
    // The service keeps its tables in the default schema, so its sweep's lock is named for that schema.
    `SELECT count(*)::int AS held FROM pg_locks
      WHERE locktype = 'advisory' AND classid = $1 AND objid = hashtext(current_schema() || '/reminder-sweep')::oid AND granted`,
    [JOB_LOCK_CLASS],
  );
  return rows[0].held;
}
