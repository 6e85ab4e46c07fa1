import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLowdbStore } from '../../../data/store/lowdbStore.js';
import { startBotProcess, type BotProcess } from '../../helpers/botProcess.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';
import { APP_ID, makeSigningKey, makeToken, startJwksServer, TENANT, type SigningKey } from './tabTokenFixtures.js';

// The bot runs in its own process (restify patches Node's HTTP responses process-wide); the JWKS server runs here.
let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let bot: BotProcess;
let dataDir: string;
const ticket = makeWorkflowTicket({ id: 'UCP-700001', state: 'awaitingHelpdesk', stateEnteredAt: '2026-03-02T09:20:00.000Z' });

beforeAll(async () => {
  key = await makeSigningKey('tenant-key-1');
  jwks = await startJwksServer([key.publicJwk]);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ucp-tab-'));
  const store = await openLowdbStore({ dir: dataDir });
  await seedWorkflow(store, [ticket]);
  await store.transaction((tx) => {
    tx.audit({
      actor: people.requester.aadObjectId,
      action: 'submit',
      ticketId: ticket.id,
      to: 'submitted',
      at: '2026-03-02T09:15:00.000Z',
    });
  });
  await store.close();
  bot = await startBotProcess({
    DATA_DIR: dataDir,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-here',
    MicrosoftAppTenantId: TENANT,
    TAB_JWKS_URL: jwks.url,
    TEAMS_SERVICE_URL: 'http://127.0.0.1:9/',
  });
});

afterAll(async () => {
  bot?.kill();
  await bot?.exited;
  await jwks?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function get(pathname: string, token?: string): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await fetch(`${bot.url}${pathname}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

describe('the helpdesk tab API in authenticated mode', () => {
  it('refuses a request without a token with 401 and a neutral message', async () => {
    const answer = await get('/api/tab/tickets');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'The request is not authorised.' });
  });

  it('refuses an expired token with 401', async () => {
    const token = await makeToken(key, { oid: people.agent.aadObjectId, expiresAt: Math.floor(Date.now() / 1000) - 3600 });
    expect((await get('/api/tab/tickets', token)).status).toBe(401);
  });

  it('refuses a token for another app (wrong audience) with 401', async () => {
    const token = await makeToken(key, { oid: people.agent.aadObjectId, audience: '00000000-0000-4000-8000-000000000000' });
    expect((await get('/api/tab/tickets', token)).status).toBe(401);
  });

  it('refuses a token from another tenant with 401', async () => {
    const token = await makeToken(key, {
      oid: people.agent.aadObjectId,
      issuer: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0',
    });
    expect((await get('/api/tab/tickets', token)).status).toBe(401);
  });

  it('refuses a valid token of someone not on the helpdesk roster with 403, for the queue and for a ticket, naming nobody', async () => {
    for (const someone of [people.stranger, people.lead, people.requester]) {
      const token = await makeToken(key, { oid: someone.aadObjectId });
      const queue = await get('/api/tab/tickets', token);
      const one = await get(`/api/tab/tickets/${ticket.id}`, token);
      expect([queue.status, one.status]).toEqual([403, 403]);
      expect(queue.body).toEqual({ error: 'Only members of the UCP helpdesk can see the helpdesk queue.' });
      expect(queue.text + one.text).not.toMatch(/Grace|Okafor|nhs\.net|Rosewood/);
    }
  });

  it('gives a helpdesk roster member the queue and the ticket with its audit trail', async () => {
    const token = await makeToken(key, { oid: people.agent.aadObjectId });
    const queue = await get('/api/tab/tickets', token);
    expect(queue.status).toBe(200);
    expect(queue.body.mode).toBe('authenticated');
    expect((queue.body.rows as { id: string; overdue: boolean }[]).map((r) => [r.id, r.overdue])).toEqual([[ticket.id, true]]);

    const one = await get(`/api/tab/tickets/${ticket.id}`, token);
    expect(one.status).toBe(200);
    expect(one.text).toContain('grace.adeyemi@nhs.net');
    // Opening the ticket runs the automatic checks it never had (the directory here is unreachable: that check is unsettled).
    expect(one.body.audit).toEqual([
      expect.objectContaining({ who: 'Grace Adeyemi', what: 'Sent by the care home', to: 'Received' }),
      expect.objectContaining({ who: 'The service', what: 'Checked automatically' }),
    ]);
    expect(one.text).toContain('The ODS directory could not be reached at');
  });

  it('gives the queue as CSV only to a helpdesk roster member, refusing others as it refuses the queue', async () => {
    const csv = async (token?: string) =>
      fetch(`${bot.url}/api/tab/tickets.csv`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
    const anonymous = await csv();
    expect([anonymous.status, await anonymous.json()]).toEqual([401, { error: 'The request is not authorised.' }]);
    const stranger = await csv(await makeToken(key, { oid: people.stranger.aadObjectId }));
    const refusal = await stranger.text();
    expect(stranger.status).toBe(403);
    expect(refusal).not.toMatch(/Grace|Rosewood|UCP-700001/);
    const agent = await csv(await makeToken(key, { oid: people.agent.aadObjectId }));
    expect(agent.status).toBe(200);
    expect(agent.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(await agent.text()).toMatch(/\r\nUCP-700001,Waiting for the helpdesk,No,Overdue/);
  });

  it('answers 404 for a ticket that does not exist, only to a roster member', async () => {
    const token = await makeToken(key, { oid: people.agent.aadObjectId });
    expect((await get('/api/tab/tickets/UCP-000404', token)).status).toBe(404);
  });

  it('serves the page in authenticated mode without the local-mode notice switched on', async () => {
    const response = await fetch(`${bot.url}/tab`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('data-mode="authenticated"');
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
  });

  it('logs refusals without tokens, ids or names', () => {
    const refusals = bot
      .output()
      .split('\n')
      .filter((line) => line.includes('helpdesk tab request refused'));
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.join('\n')).not.toMatch(/aad-|eyJ|Grace|Sid/);
  });
});
