import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { AUTHENTICATED, type BotProcess, messageActivity, startBotProcess, stopBot } from '../helpers/botProcess.js';

/**
 * Every answer, whatever route and status, tells browsers not to guess its type (X-Content-Type-Options: nosniff) and
 * names no product in a `Server` header. Asked over real HTTP, one row per kind of route.
 */
const json = { 'content-type': 'application/json' };
const activity = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify(messageActivity({ deliveryMode: 'expectReplies', ...overrides }));

type Row = [string, number, string, RequestInit];

const LOCAL_ROWS: Row[] = [
  ['/healthz (JSON health)', 200, '/healthz', {}],
  ['a message turn (JSON API)', 200, '/api/messages', { method: 'POST', headers: json, body: activity() }],
  ['the spreadsheet template download', 200, '/templates/ucp-multiple-users.xlsx', {}],
  ['the helpdesk tab page', 200, '/tab', {}],
  ['the helpdesk tab style', 200, '/tab/tab.css', {}],
  ['the helpdesk tab script', 200, '/tab/tab.js', {}],
  ['the helpdesk tab queue (JSON API)', 200, '/api/tab/tickets', {}],
  ['the helpdesk tab queue as CSV', 200, '/api/tab/tickets.csv', {}],
  ['a body that is not an activity (400)', 400, '/api/messages', { method: 'POST', headers: json, body: '{}' }],
  ['broken JSON (400, refused by restify)', 400, '/api/messages', { method: 'POST', headers: json, body: '{"type":' }],
  ['an unknown ticket in the tab (404)', 404, '/api/tab/tickets/T-NOPE', {}],
  ['an unknown path (404)', 404, '/nope', {}],
  ['a method the route does not take (405)', 405, '/healthz', { method: 'DELETE' }],
  [
    'a body over the limit (413)',
    413,
    '/api/messages',
    { method: 'POST', headers: json, body: activity({ text: 'x'.repeat(300 * 1024) }) },
  ],
  [
    'a compressed body (415)',
    415,
    '/api/messages',
    { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(activity()) },
  ],
];

const AUTHENTICATED_ROWS: Row[] = [
  ['/healthz asked by a relayed request (minimal)', 200, '/healthz', { headers: { 'x-forwarded-for': '203.0.113.9' } }],
  ['a message without a token (401)', 401, '/api/messages', { method: 'POST', headers: json, body: activity() }],
  ['the helpdesk tab queue without a token (401)', 401, '/api/tab/tickets', {}],
];

function expectSafeHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('server')).toBeNull();
}

describe('response headers in local mode', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess();
  });
  afterAll(() => stopBot(bot));

  it.each(LOCAL_ROWS)('%s carries nosniff and no Server banner', async (_name, status, path, init) => {
    const res = await fetch(`${bot.url}${path}`, init);
    await res.arrayBuffer();
    expect(res.status).toBe(status);
    expectSafeHeaders(res);
  });
});

describe('response headers in authenticated mode', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess(AUTHENTICATED);
  });
  afterAll(() => stopBot(bot));

  it.each(AUTHENTICATED_ROWS)('%s carries nosniff and no Server banner', async (_name, status, path, init) => {
    const res = await fetch(`${bot.url}${path}`, init);
    await res.arrayBuffer();
    expect(res.status).toBe(status);
    expectSafeHeaders(res);
  });
});
