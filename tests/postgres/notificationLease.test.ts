/**
 * Two service processes on one PostgreSQL database, one SIGKILLed while it sends: every message is delivered exactly
 * once, by the other, after the dead one's lease has run out. The fake connector holds the first instance's request
 * unanswered, so a message counts as delivered only when the connector answered it 2xx.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addNotificationIfNew, pendingNotification } from '../../bot/notify/outbox.js';
import { openPostgresStore } from '../../data/store/postgresStore.js';
import { startBotProcess, stopBot, type BotProcess } from '../helpers/botProcess.js';
import { admin, inSchema } from '../data/store/contract/postgresPlaces.js';
import { teamsReference } from '../bot/notify/notifyFixtures.js';

const url = process.env.TEST_DATABASE_URL;
const LEASE_SECONDS = 8;
const MESSAGES = ['first', 'second', 'third', 'fourth', 'fifth'].map((word) => `Your ${word} update.`);

interface ConnectorRequest {
  text: string;
  receivedAt: number;
  answered: boolean;
}

/** A Teams connector that holds every send while `holding`, and answers 200 otherwise. */
async function startConnector() {
  const requests: ConnectorRequest[] = [];
  let holding = true;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request: ConnectorRequest = {
        text: String((JSON.parse(body || '{}') as { text?: unknown }).text ?? ''),
        receivedAt: Date.now(),
        answered: false,
      };
      requests.push(request);
      if (holding) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${requests.length}` }), () => (request.answered = true));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    answerFromNowOn: () => (holding = false),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Resolves once `check` holds; fails after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

(url ? describe : describe.skip)('notifications from two service processes on one postgres database', () => {
  const schema = `lease_${randomUUID().replaceAll('-', '')}`;
  const bots: BotProcess[] = [];
  let connector: Awaited<ReturnType<typeof startConnector>> | undefined;

  afterEach(async () => {
    await Promise.all(bots.splice(0).map(stopBot));
    await connector?.close();
    await admin(url!, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('delivers every message exactly once after the lease when the instance sending them is killed mid-send', async () => {
    await admin(url!, `CREATE SCHEMA ${schema}`);
    connector = await startConnector();
    const env = {
      STORE: 'postgres',
      DATABASE_URL: inSchema(url!, schema),
      NOTIFY_RETRY_SECONDS: '1',
      NOTIFY_LEASE_SECONDS: String(LEASE_SECONDS),
    };
    const first = await startBotProcess(env);
    bots.push(first);

    // What the workflow leaves in the outbox: pending messages to a manager whose Teams chat is stored.
    const store = await openPostgresStore({ url: inSchema(url!, schema) });
    const now = new Date();
    await store.transaction(async (tx) => {
      await tx.conversations.put({
        key: 'user:manager',
        reference: teamsReference(connector!.serviceUrl),
        usable: true,
        updatedAt: now.toISOString(),
      });
      for (const [i, text] of MESSAGES.entries())
        await addNotificationIfNew(
          tx,
          pendingNotification(
            { key: `T-00000${i + 1}:update`, recipient: { conversationKey: 'user:manager' }, subject: 'Update', text },
            now,
          ),
        );
    });

    // The first instance claims the batch and sends one message at a time: its first send is held unanswered.
    await until(() => connector!.requests.length === 1, 10_000, 'the first instance to send');
    const leaseEnds = (await store.notifications.list()).map((record) => Date.parse(record.leaseUntil ?? ''));
    expect(leaseEnds.every((end) => end > Date.now())).toBe(true);
    const second = await startBotProcess(env);
    bots.push(second);
    // The second instance runs its rounds meanwhile, but every message is under the first one's lease.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(connector.requests).toHaveLength(1);

    first.kill('SIGKILL');
    await first.exited;
    connector.answerFromNowOn();
    await until(() => connector!.requests.filter((r) => r.answered).length === MESSAGES.length, 30_000, 'every message to be delivered');
    // Not before the dead instance's lease had run out.
    expect(Math.min(...connector.requests.slice(1).map((r) => r.receivedAt))).toBeGreaterThanOrEqual(Math.min(...leaseEnds));
    // Long enough for a second delivery of anything to show.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const delivered = connector.requests.filter((r) => r.answered).map((r) => r.text);
    expect([...delivered].sort()).toEqual([...MESSAGES].sort());
    expect(connector.requests.filter((r) => !r.answered).map((r) => r.text)).toEqual([MESSAGES[0]]);
    const records = await store.notifications.list();
    await store.close();
    expect(records.map((r) => [r.status, r.via, r.leaseOwner])).toEqual(MESSAGES.map(() => ['sent', 'teams', undefined]));
    expect(second.output()).not.toContain(url!.split('@')[0]);
  });
});
