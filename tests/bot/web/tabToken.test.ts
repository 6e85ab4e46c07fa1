import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createLocalJWKSet } from 'jose';
import { createTabTokenVerifier } from '../../../bot/web/tabToken.js';
import { APP_ID, ISSUER, makeSigningKey, makeToken, startJwksServer, type SigningKey } from './tabTokenFixtures.js';

const OID = 'aad-agent-alex';
const settings = (jwksUrl = 'http://127.0.0.1:9/keys') => ({
  tokenIssuer: ISSUER,
  tokenAudiences: [APP_ID, `api://tab.example.org/${APP_ID}`],
  jwksUrl,
});

let key: SigningKey;
let stranger: SigningKey;
beforeAll(async () => {
  key = await makeSigningKey('tenant-key-1');
  stranger = await makeSigningKey('tenant-key-1');
});

describe('the helpdesk tab token check', () => {
  const verify = () => createTabTokenVerifier(settings(), createLocalJWKSet({ keys: [key.publicJwk] }));

  it("accepts a token from the tenant for this app and gives the person's object id", async () => {
    await expect(verify()(`Bearer ${await makeToken(key, { oid: OID })}`)).resolves.toEqual({ ok: true, oid: OID });
  });

  it('accepts the Application ID URI as audience too (v1-style Teams SSO tokens)', async () => {
    const token = await makeToken(key, { oid: OID, audience: `api://tab.example.org/${APP_ID}` });
    await expect(verify()(`Bearer ${token}`)).resolves.toEqual({ ok: true, oid: OID });
  });

  it('says a token is missing when there is no Bearer header', async () => {
    await expect(verify()(undefined)).resolves.toEqual({ ok: false, reason: 'missing' });
    await expect(verify()('Basic dXNlcjpwYXNz')).resolves.toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses an expired token as expired', async () => {
    const token = await makeToken(key, { oid: OID, expiresAt: Math.floor(Date.now() / 1000) - 3600 });
    await expect(verify()(`Bearer ${token}`)).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['for another app', { audience: '00000000-0000-4000-8000-000000000000' }],
    ['from another tenant', { issuer: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0' }],
    ['without an object id', { oid: undefined }],
  ])('refuses a token %s', async (_name, options) => {
    const token = await makeToken(key, { oid: OID, ...options });
    await expect(verify()(`Bearer ${token}`)).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed by a key the tenant did not publish, even with the same key id', async () => {
    const token = await makeToken(key, { oid: OID, key: stranger });
    await expect(verify()(`Bearer ${token}`)).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an unsigned token (alg none) and garbage', async () => {
    const [header, payload] = (await makeToken(key, { oid: OID })).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    await expect(verify()(`Bearer ${none}`)).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(verify()(`Bearer ${header}.not-json.sig`)).resolves.toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses everything when no issuer is configured (a tenant-less setup must not accept any tenant)', async () => {
    const open = createTabTokenVerifier({ ...settings(), tokenIssuer: '' }, createLocalJWKSet({ keys: [key.publicJwk] }));
    await expect(open(`Bearer ${await makeToken(key, { oid: OID })}`)).resolves.toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('the helpdesk tab token check against a published key set', () => {
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  beforeAll(async () => {
    jwks = await startJwksServer([key.publicJwk]);
  });
  afterAll(() => jwks.close());

  it('fetches the keys over HTTP once and reuses them', async () => {
    const verify = createTabTokenVerifier(settings(jwks.url));
    await expect(verify(`Bearer ${await makeToken(key, { oid: OID })}`)).resolves.toEqual({ ok: true, oid: OID });
    await expect(verify(`Bearer ${await makeToken(key, { oid: 'someone-else' })}`)).resolves.toEqual({ ok: true, oid: 'someone-else' });
    expect(jwks.requests()).toBe(1);
  });

  it('says the check is unavailable (not that the token is bad) when the key set cannot be reached', async () => {
    const verify = createTabTokenVerifier(settings('http://127.0.0.1:9/keys'));
    await expect(verify(`Bearer ${await makeToken(key, { oid: OID })}`)).resolves.toEqual({ ok: false, reason: 'unavailable' });
  });
});
