import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { SignJWT, type JWTPayload } from 'jose';
import { messageActivity, startBotProcess, type BotProcess, stopBot } from '../helpers/botProcess.js';
import { startKeyServer, type KeyServer } from '../helpers/keyServer.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'http://127.0.0.1:9/';
const HOUR = 3600;
const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publishedJwk = { ...published.publicKey.export({ format: 'jwk' }), kid: 'published', use: 'sig', endorsements: ['msteams'] };
const PUBLIC_PEM = published.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const now = () => Math.floor(Date.now() / 1000);
/** What the Bot Framework channel puts in a token for this bot (login.botframework.com signs it). */
const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  iss: 'https://api.botframework.com',
  aud: APP_ID,
  serviceurl: SERVICE_URL,
  nbf: now() - 60,
  exp: now() + HOUR,
  ...overrides,
});
const rs256 = (payload: JWTPayload, key = published.privateKey, kid = 'published') =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const FORGED: Array<[string, string, () => Promise<string>]> = [
  ['alg none', 'algorithm', async () => `${base64url({ alg: 'none', kid: 'published', typ: 'JWT' })}.${base64url(claims())}.`],
  [
    'an HMAC (HS256) signature keyed with the published public key',
    'algorithm',
    () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'published', typ: 'JWT' }).sign(Buffer.from(PUBLIC_PEM)),
  ],
  ["another RSA key's signature under the published key id", 'bad-signature', () => rs256(claims(), stranger.privateKey)],
  ['a key id that is not published', 'unknown-key', () => rs256(claims(), stranger.privateKey, 'made-up')],
  ['nbf an hour from now', 'not-yet-valid', () => rs256(claims({ nbf: now() + HOUR, exp: now() + 2 * HOUR }))],
  ['an expiry an hour ago', 'expired', () => rs256(claims({ nbf: now() - 2 * HOUR, exp: now() - HOUR }))],
  ['the wrong issuer', 'wrong-issuer', () => rs256(claims({ iss: 'https://sts.example.org/' }))],
  ["another bot's app id as its audience", 'wrong-audience', () => rs256(claims({ aud: '99999999-2222-3333-4444-555555555555' }))],
  ["a service URL other than the activity's", 'wrong-service-url', () => rs256(claims({ serviceurl: 'https://attacker.example.org/' }))],
  ['garbage in place of a token', 'malformed', async () => 'not.a.token'],
];

/** Posts a message activity and collects what the service wrote to stdout and stderr because of it. */
async function send(bot: BotProcess, authorization?: string) {
  const before = bot.output().length;
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(messageActivity({ serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies' })),
  });
  const body = (await res.json()) as Record<string, unknown>;
  // Library output goes to another pipe and may trail the response: give it time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const lines = bot.output().slice(before).split('\n').filter(Boolean);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body, lines };
}

/** Every line is one of our JSON log lines, and none carries the token or the key. */
function expectOnlyOurLogLines(lines: string[], token = '') {
  for (const line of lines) {
    expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(line).not.toMatch(/BEGIN (RSA )?PUBLIC KEY|Error:|\bat /);
    for (const part of token.split('.').filter((p) => p.length >= 16)) expect(line).not.toContain(part);
  }
}

describe('a bot with an app id, against a local Bot Framework key set', () => {
  let keys: KeyServer;
  let bot: BotProcess;
  beforeAll(async () => {
    keys = await startKeyServer([publishedJwk]);
    bot = await startBotProcess({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
      BOT_OPENID_METADATA_URL: keys.metadataUrl,
      NODE_EXTRA_CA_CERTS: keys.caFile,
    });
  });
  afterAll(async () => {
    await stopBot(bot);
    keys.close();
  });

  it('accepts a token the channel signed with the published key and answers the turn', async () => {
    const token = await rs256(claims());
    const { status, body, lines } = await send(bot, `Bearer ${token}`);
    expect(status).toBe(200);
    expect((body.activities as unknown[]).length).toBeGreaterThan(0);
    expectOnlyOurLogLines(lines, token);
  });

  it.each(FORGED)(
    'refuses a token with %s: 401, a neutral answer, one log line (%s) and no library output',
    async (_name, reason, forge) => {
      const token = await forge();
      const { status, body, lines } = await send(bot, `Bearer ${token}`);
      expect(status).toBe(401);
      expect(body).toEqual({ error: 'The request is not authorised.' });
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toEqual({ time: expect.any(String), level: 'warn', msg: 'request refused: not authenticated', reason });
      expectOnlyOurLogLines(lines, token);
    },
  );

  it('does not fetch the key set again for each made-up key id', async () => {
    const before = keys.requests();
    for (const kid of ['a', 'b', 'c', 'd', 'e'])
      expect((await send(bot, `Bearer ${await rs256(claims(), stranger.privateKey, kid)}`)).status).toBe(401);
    expect(keys.requests()).toBe(before);
  });

  it('refuses a request with no Authorization header the same way', async () => {
    const { status, body, lines } = await send(bot);
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'The request is not authorised.' });
    expect(lines).toHaveLength(1);
    expectOnlyOurLogLines(lines);
  });
});

describe('a bot with an app id when the signing keys cannot be fetched', () => {
  let keys: KeyServer;
  beforeAll(async () => {
    keys = await startKeyServer([publishedJwk]);
  });
  afterAll(() => keys.close());

  it.each([
    ['the OpenID metadata cannot be reached', () => 'https://127.0.0.1:9/v1/.well-known/openidconfiguration'],
    ['the key set answers 500', () => keys.brokenKeysMetadataUrl],
  ])('answers 503 with a Retry-After when %s, never 500, with one log line', async (_name, metadataUrl) => {
    const bot = await startBotProcess({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
      BOT_OPENID_METADATA_URL: metadataUrl(),
      NODE_EXTRA_CA_CERTS: keys.caFile,
    });
    try {
      const token = await rs256(claims());
      const { status, retryAfter, body, lines } = await send(bot, `Bearer ${token}`);
      expect(status).toBe(503);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(body).toEqual({ error: 'The service is not available.' });
      expect(lines).toHaveLength(1);
      expectOnlyOurLogLines(lines, token);
    } finally {
      bot.kill('SIGKILL');
      await bot.exited;
      rmSync(bot.dataDir, { recursive: true, force: true });
    }
  });
});
