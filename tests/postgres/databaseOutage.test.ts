/**
 * Two service processes through a database outage (issue 17, points 4 and 8): its own throwaway PostgreSQL cluster, two
 * instances sharing one schema on it (tests/helpers/twoInstances.ts) and both busy, the database stopped under them
 * (pg_ctl stop -m fast) and started again. While the database is away every request that needs it, on either instance,
 * is answered 503 with a Retry-After and a sentence a person can act on, and /healthz says 503; once it is back the very
 * same processes answer again — no restart — neither crashed, and one of them runs the reminder sweep again.
 * Runs only under `npm run test:pg`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { JOB_LOCK_CLASS } from '../../bot/jobs/postgresJobLock.js';
import { STORE_UNAVAILABLE_MESSAGE } from '../../bot/storeUnavailable.js';
import { OUTAGE_MESSAGE } from '../../bot/teams/turnErrors.js';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/postgresCluster.js';
import { messageActivity, type BotProcess } from '../helpers/botProcess.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { sharedDatabase, startTwoInstances, stopInstances, type SharedDatabase } from '../helpers/twoInstances.js';

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

(process.env.TEST_DATABASE_URL ? describe : describe.skip)('two service instances on postgres through a database outage', () => {
  let cluster: PostgresCluster;
  let database: SharedDatabase;
  let connector: FakeConnector;
  let bots: [BotProcess, BotProcess] | undefined;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    database = await sharedDatabase(cluster.url);
    connector = await FakeConnector.start();
    // Timers every second (deliveries, card re-sync, the reminder sweep), so they meet the outage too.
    bots = await startTwoInstances(database, {
      teamsServiceUrl: connector.url,
      env: { NOTIFY_RETRY_SECONDS: '1', REMINDER_CRON: '* * * * * *' },
    });
  }, 60_000);

  // The schema goes with the cluster.
  afterAll(async () => {
    await stopInstances(bots ?? []);
    await connector?.close();
    await cluster?.stop();
  });

  const healthz = async (bot: BotProcess) => (await fetch(`${bot.url}/healthz`)).status;
  /** How many sessions hold the instances' reminder sweep lock (bot/jobs/postgresJobLock.ts: keyed by their schema). */
  const sweepLocksHeld = async () => {
    const rows = await query<{ held: number }>(
      cluster.url,
      `SELECT count(*)::int AS held FROM pg_locks
        WHERE locktype = 'advisory' AND classid = $1 AND objid = hashtext($2 || '/reminder-sweep')::oid AND granted`,
      [JOB_LOCK_CLASS, database.schema],
    );
    return rows[0].held;
  };

  it('on postgres, both instances answer 503 with a clear sentence while the database is down, and recover by themselves when it is back', async () => {
    const instances = bots!;
    const pids = instances.map((bot) => bot.child.pid);
    for (const bot of instances) expect(await healthz(bot)).toBe(200);
    const before = await post(instances[0], turn('request access', 'a:outage-1'));
    expect(before.status).toBe(200);
    expect(JSON.stringify(await before.json())).toMatch(/ODS code/);
    await waitFor('the sweep lock taken', async () => (await sweepLocksHeld()) === 1);

    // Traffic to both in flight while the database goes away: each request is answered (200 or 503), none is left hanging.
    const busy = Array.from({ length: 8 }, (_, n) => post(instances[n % 2], turn('help', `a:outage-busy-${n}`)).then((r) => r.status));
    await cluster.stopServer();
    for (const status of await Promise.all(busy)) expect([200, 503]).toContain(status);

    for (const [n, bot] of instances.entries()) {
      const down = await post(bot, turn('help', 'a:outage-1'));
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('30');
      expect(await down.json()).toEqual({ error: STORE_UNAVAILABLE_MESSAGE });
      // A message as Teams sends it (replies through the connector): the person is told, though Teams shows nothing of a 503.
      const chat = `a:outage-teams-${n}`;
      const fromTeams = await post(bot, turn('help', chat, { deliveryMode: undefined, serviceUrl: connector.url }));
      expect(fromTeams.status).toBe(503);
      expect((await connector.waitFor((request) => request.conversationId === chat)).body.text).toBe(OUTAGE_MESSAGE);
      expect((await post(bot, cardButton('a:outage-1'))).status).toBe(503);
      const tab = await fetch(`${bot.url}/api/tab/tickets`);
      expect(tab.status).toBe(503);
      expect(tab.headers.get('retry-after')).toBe('30');
      expect(await tab.json()).toEqual({ error: STORE_UNAVAILABLE_MESSAGE });
      expect(await healthz(bot)).toBe(503);
    }
    // A few seconds down: every timer on both instances meets the missing database.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    await cluster.startServer();
    for (const bot of instances) await waitFor('/healthz 200', async () => (await healthz(bot)) === 200);
    // Still at the ODS code question on either instance: the conversation from before the outage is intact, and none
    // of the failed turns was counted against it.
    for (const bot of [instances[1], instances[0]]) {
      const after = await post(bot, turn('help', 'a:outage-1'));
      expect(after.status).toBe(200);
      expect(JSON.stringify(await after.json())).toMatch(/ODS code/);
      expect((await fetch(`${bot.url}/api/tab/tickets`)).status).toBe(200);
    }
    expect(await query(database.url, `SELECT name FROM counters WHERE name LIKE 'turnFailures:%'`)).toEqual([]);
    await waitFor('the sweep lock taken again', async () => (await sweepLocksHeld()) === 1);

    // The same processes throughout, and the outage told once each way by each, without the connection string.
    expect(instances.map((bot) => bot.child.pid)).toEqual(pids);
    for (const bot of instances) {
      expect(bot.child.exitCode).toBeNull();
      const lines = logLines(bot);
      expect(lines.filter((line) => line.msg.startsWith('the database cannot be reached'))).toHaveLength(1);
      expect(lines.filter((line) => line.msg.startsWith('the database can be reached again'))).toHaveLength(1);
      expect(lines.filter((line) => line.level === 'error' && line.error?.startsWith('StoreUnavailableError'))).toEqual([]);
      expect(bot.output()).not.toContain(cluster.url);
      expect(bot.output()).not.toContain(new URL(cluster.url).host);
    }
  }, 90_000);
});
