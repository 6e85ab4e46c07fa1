import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLiveSnapshot } from '../../data/store/liveSnapshot.js';
import {
  AUTHENTICATED,
  type BotProcess,
  messageActivity,
  runBotExpectingFailure,
  startBotProcess,
  stopBot,
} from '../helpers/botProcess.js';

const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(url, { method: 'POST', headers, body });

describe('the bot service over real HTTP (local mode)', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess();
  });
  afterAll(() => stopBot(bot));

  it('says clearly at start that it runs unauthenticated in local mode', () => {
    expect(bot.output()).toMatch(/LOCAL MODE.*NOT authenticated/);
  });

  it('reports healthy with its version and store status', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; store: { writable: boolean; schemaVersion: number } };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.store.writable).toBe(true);
    expect(body.store.schemaVersion).toBeGreaterThan(0);
  });

  it('answers a message with the welcome, returned in the response when delivery mode is expectReplies', async () => {
    const res = await post(`${bot.url}/api/messages`, JSON.stringify(messageActivity({ deliveryMode: 'expectReplies' })));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      activities: Array<{ type: string; text: string; attachments?: Array<{ contentType: string; content: unknown }> }>;
    };
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0].text).toContain('Universal Care Plan (UCP)');
    const card = body.activities[0].attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card?.content)).toContain('ask for access for your home and your staff');
    expect(JSON.stringify(card?.content)).toContain('Check readiness');
  });

  it('remembers where each person and channel can be reached, for later proactive messages', async () => {
    await post(`${bot.url}/api/messages`, JSON.stringify(messageActivity({ deliveryMode: 'expectReplies' })));
    await post(
      `${bot.url}/api/messages`,
      JSON.stringify(
        messageActivity({
          deliveryMode: 'expectReplies',
          conversation: { id: '19:helpdesk@thread.tacv2;messageid=1700', conversationType: 'channel' },
        }),
      ),
    );
    const { conversations } = await readLiveSnapshot(bot.dataDir);
    expect(conversations.map((c) => c.key).sort()).toEqual([
      'conversation:19:helpdesk@thread.tacv2',
      'user:00000000-0000-0000-0000-000000000001',
    ]);
    const personal = conversations.find((c) => c.key.startsWith('user:'));
    expect(personal?.reference).toMatchObject({
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: 'conv-1' },
      user: { id: 'user-1' },
    });
    expect(personal?.usable).toBe(true);
  });

  it('serves the multiple-user spreadsheet template as an xlsx download', async () => {
    const res = await fetch(`${bot.url}/templates/ucp-multiple-users.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a body over 256 KB with 413 and a neutral message', async () => {
    const big = JSON.stringify(messageActivity({ deliveryMode: 'expectReplies', text: 'x'.repeat(300 * 1024) }));
    const res = await post(`${bot.url}/api/messages`, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'The request body is larger than 256 KB.' });
  });

  it('refuses a compressed body, which could inflate past the limit, with 415', async () => {
    const bomb = gzipSync(
      Buffer.from(JSON.stringify(messageActivity({ deliveryMode: 'expectReplies', text: 'x'.repeat(5 * 1024 * 1024) }))),
    );
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'The request body must be uncompressed JSON.' });
  });

  it('accepts a body just under the limit', async () => {
    const body = JSON.stringify(messageActivity({ deliveryMode: 'expectReplies', text: 'x'.repeat(250 * 1024) }));
    const res = await post(`${bot.url}/api/messages`, body);
    expect(res.status).toBe(200);
  });

  it.each([
    ['an empty object', '{}'],
    ['an array', '[1,2,3]'],
    ['a JSON string', '"hello"'],
    ['broken JSON', '{"type": "message", '],
    ['an activity without a conversation', JSON.stringify(messageActivity({ conversation: undefined }))],
    ['an activity with a non-string type', JSON.stringify(messageActivity({ type: 42 }))],
    ['an activity with a bad service URL', JSON.stringify(messageActivity({ serviceUrl: 'javascript:alert(1)' }))],
  ])('refuses %s with 400 and a neutral message that leaks nothing', async (_name, body) => {
    const res = await post(`${bot.url}/api/messages`, body);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'The request body is not a Bot Framework activity.' });
    expect(text).not.toMatch(/at \w+ \(|Error|Unexpected token|zod|req\.body/);
  });

  /** An invoke as Teams would send it, with the name and value under test; the same 1:1 chat as messageActivity's. */
  const invokeActivity = (fields: Record<string, unknown>) => messageActivity({ type: 'invoke', text: undefined, ...fields });
  const MALFORMED_CARD_ACTION = {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message: 'The card action could not be read. Please refresh the card and try again.' },
  };

  it.each([
    ['no value', {}],
    ['an empty value', { value: {} }],
    ['a string value', { value: 'approveOrganisation' }],
    ['an array value', { value: [{ action: { type: 'Action.Execute', verb: 'refreshCard', data: {} } }] }],
    ['a null action', { value: { action: null } }],
    ['an action without a verb or data', { value: { action: { type: 'Action.Execute' } } }],
    ['an action without data', { value: { action: { type: 'Action.Execute', verb: 'refreshCard' } } }],
    ['data that is not an object', { value: { action: { type: 'Action.Execute', verb: 'refreshCard', data: 'UCP-000001' } } }],
    [
      'an action type that is not Action.Execute, which botbuilder would echo',
      { value: { action: { type: '<b>Action.Submit</b>', verb: 'refreshCard', data: {} } } },
    ],
  ])('refuses a card action with %s with 400 and a neutral body', async (_name, fields) => {
    const res = await post(`${bot.url}/api/messages`, JSON.stringify(invokeActivity({ name: 'adaptiveCard/action', ...fields })));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(MALFORMED_CARD_ACTION);
  });

  it.each([
    ['task/fetch', { name: 'task/fetch', value: { data: {} } }],
    ['composeExtension/query', { name: 'composeExtension/query', value: { commandId: 'search' } }],
    ['application/search', { name: 'application/search', value: { kind: 'search', queryText: 'x' } }],
    ['an invoke with no name', { value: {} }],
  ])('refuses an invoke it does not answer (%s) with 400 and a neutral body', async (_name, fields) => {
    const res = await post(`${bot.url}/api/messages`, JSON.stringify(invokeActivity(fields)));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'This bot does not answer this kind of invoke.' });
  });

  it('keeps a conversation half way through after several malformed invokes: none of them is a failed turn', async () => {
    const person = { id: 'user-7', aadObjectId: '00000000-0000-0000-0000-000000000007', name: 'A Manager' };
    const chat = { id: 'conv-7', conversationType: 'personal' };
    const say = async (text: string) => {
      const res = await post(
        `${bot.url}/api/messages`,
        JSON.stringify(messageActivity({ deliveryMode: 'expectReplies', from: person, conversation: chat, text })),
      );
      return JSON.stringify(await res.json());
    };
    expect(await say('request access')).toContain("What is your organisation's ODS code?");
    const statuses: number[] = [];
    for (const fields of [
      { name: 'adaptiveCard/action', value: {} },
      { name: 'adaptiveCard/action', value: 'x' },
      { name: 'task/fetch' },
      { value: [] },
    ]) {
      statuses.push(
        (await post(`${bot.url}/api/messages`, JSON.stringify(invokeActivity({ from: person, conversation: chat, ...fields })))).status,
      );
    }
    // Still at the ODS code step: a code that cannot be one is asked for again, not met with the welcome or "start afresh".
    const answer = await say('not a code!');
    expect(answer).not.toMatch(/start afresh|ask for access for your home and your staff/);
    expect(answer).toContain('ODS code');
    const { turnFailures } = await readLiveSnapshot(bot.dataDir);
    expect(turnFailures).toEqual({});
    expect(bot.output()).not.toContain('"msg":"turn failed"');
    expect(statuses).toEqual([400, 400, 400, 400]);
  });

  it('refuses a body that is not JSON with a neutral message', async () => {
    const res = await post(`${bot.url}/api/messages`, 'type=message', { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/Error|stack/);
  });

  it('answers an unknown path with 404 and no library detail', async () => {
    const res = await fetch(`${bot.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not found.' });
  });

  it('reports 503 when the data directory can no longer be written', async () => {
    // Running as root, permissions do not stop writes: put a file where the directory was instead.
    rmSync(bot.dataDir, { recursive: true, force: true });
    writeFileSync(bot.dataDir, 'not a directory');
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; store: { writable: boolean } };
    expect(body.status).toBe('unavailable');
    expect(body.store.writable).toBe(false);
    rmSync(bot.dataDir, { force: true });
  });
});

describe('the bot service with an app id configured', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess(AUTHENTICATED);
  });
  afterAll(() => stopBot(bot));

  it('refuses a request without a token with 401', async () => {
    const res = await post(`${bot.url}/api/messages`, JSON.stringify(messageActivity({ deliveryMode: 'expectReplies' })));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'The request is not authorised.' });
  });

  it('refuses a request with a token that is not a valid Bot Framework token with 401', async () => {
    const res = await post(`${bot.url}/api/messages`, JSON.stringify(messageActivity({ deliveryMode: 'expectReplies' })), {
      'content-type': 'application/json',
      authorization: 'Bearer not.a.token',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'The request is not authorised.' });
  });

  it('does not claim local mode in its log', () => {
    expect(bot.output()).not.toMatch(/LOCAL MODE/);
    expect(bot.output()).toMatch(/authenticated mode/);
  });
});

describe('stopping the service', () => {
  it('on SIGTERM finishes the turn in flight, stops taking requests and exits 0 within 10 seconds', async () => {
    // A connector that takes 1.5 s to accept the bot's reply keeps the turn in flight when SIGTERM arrives.
    const received: string[] = [];
    const connector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () =>
        setTimeout(() => {
          received.push(body);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'reply-1' }));
        }, 1500),
      );
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    const bot = await startBotProcess();
    try {
      const turn = post(`${bot.url}/api/messages`, JSON.stringify(messageActivity({ serviceUrl })));
      await new Promise((resolve) => setTimeout(resolve, 400));
      const signalledAt = Date.now();
      bot.kill('SIGTERM');
      // A request that arrives while the turn is finishing is turned away (connection refused, or 503 on an open connection).
      await new Promise((resolve) => setTimeout(resolve, 200));
      const refusedDuringStop = await fetch(`${bot.url}/healthz`).then(
        (r) => r.status === 503,
        () => true,
      );
      const response = await turn;
      expect(response.status).toBe(200);
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]).text).toContain('Universal Care Plan (UCP)');

      const { code } = await bot.exited;
      expect(code).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(10000);
      expect(refusedDuringStop).toBe(true);
      await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
      expect(bot.output()).toMatch(/"msg":"stopped","drained":true/);
    } finally {
      bot.kill('SIGKILL');
      connector.closeAllConnections();
      connector.close();
      rmSync(bot.dataDir, { recursive: true, force: true });
    }
  });
});

describe('starting on a damaged data file', () => {
  it('stops the start with one clear line that quotes none of the file, and leaves the file exactly as it was', async () => {
    const dataDir = tempFolder('ucp-corrupt-');
    const file = path.join(dataDir, 'live.json');
    const damaged = '{"schemaVersion": 1,\n "tickets": [{"requester": {"email": jane.smith@rosecourt.co.uk}}';
    writeFileSync(file, damaged);
    const { code, output } = await runBotExpectingFailure({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    const lines = meaningfulLines(output);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: .*live\.json.*not valid JSON/);
    expect(output).not.toContain('jane');
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });
});

describe('keeping the live file small', () => {
  it('moves closed tickets to the archive when the service starts', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-archive-'));
    const ticket = (id: string, state: string) => ({
      id,
      kind: 'question',
      state,
      version: 3,
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-06T10:00:00.000Z',
    });
    writeFileSync(
      path.join(dataDir, 'live.json'),
      JSON.stringify({
        schemaVersion: 1,
        tickets: [ticket('T-1', 'closed'), ticket('T-2', 'assigned')],
        rosters: [],
        conversations: [],
        dpiaRegister: [],
        dsptStatuses: [],
        accreditedDomains: [],
        bankHolidays: null,
        settings: {},
        botState: {},
        pendingAudit: [],
      }),
    );
    const bot = await startBotProcess({ DATA_DIR: dataDir });
    try {
      for (let i = 0; i < 50 && !bot.output().includes('archived closed tickets'); i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(bot.output()).toMatch(/"msg":"archived closed tickets","moved":1/);
      const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { store: { liveTickets: number } };
      expect(health.store.liveTickets).toBe(1);
      expect(readFileSync(path.join(dataDir, 'archive.jsonl'), 'utf8')).toContain('"T-1"');
    } finally {
      bot.kill('SIGKILL');
      await bot.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('stopping on SIGINT (Ctrl+C)', () => {
  it('exits 0 and says it stopped cleanly', async () => {
    const bot = await startBotProcess();
    bot.kill('SIGINT');
    expect((await bot.exited).code).toBe(0);
    expect(bot.output()).toMatch(/"msg":"stopping","signal":"SIGINT"/);
    rmSync(bot.dataDir, { recursive: true, force: true });
  });
});

describe('refusing to start, in one line', () => {
  it('names the port when it is already in use', async () => {
    const first = await startBotProcess();
    try {
      const port = new URL(first.url).port;
      const { code, output } = await runBotExpectingFailure({ PORT: port, DATA_DIR: tempFolder('ucp-port-') });
      expect(code).toBe(1);
      expect(meaningfulLines(output)).toEqual([
        `Cannot start: Port ${port} on 127.0.0.1 is already in use: stop what is using it, or set PORT to another port.`,
      ]);
    } finally {
      first.kill('SIGKILL');
      await first.exited;
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });

  it('names DATA_DIR when it is not a folder it can use', async () => {
    const notAFolder = path.join(tempFolder('ucp-file-'), 'file');
    writeFileSync(notAFolder, 'x');
    const { code, output } = await runBotExpectingFailure({ DATA_DIR: notAFolder });
    expect(code).toBe(1);
    expect(meaningfulLines(output)).toEqual([
      `Cannot start: The data folder ${notAFolder} (DATA_DIR) cannot be used (EEXIST): it must be a folder this process can write.`,
    ]);
  });
});

/** A fresh folder in the temp folder for one test; removed after each test (the test's own start may fail before it could). */
function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempFolders.push(dir);
  return dir;
}
const tempFolders: string[] = [];
afterEach(() => {
  for (const dir of tempFolders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The process's own lines (not its JSON log lines): a warning Node prints counts, so an unexpected one fails the test. */
function meaningfulLines(output: string): string[] {
  return output.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
}
