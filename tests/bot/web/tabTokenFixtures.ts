import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** The tenant, app and issuer the tab's token tests use (GUIDs, as Entra ID issues them). */
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const APP_ID = '99999999-8888-4777-8666-555555555555';
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

/** A signing key pair with its public half as a JWK (kid set), made fresh for each test file. */
export interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** Used by the token tests: an RS256 key pair like Entra ID's, with a key id. */
export async function makeSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** What a test may change in a token; the defaults make a valid one for `oid`. */
export interface TokenOptions {
  oid?: string;
  issuer?: string;
  audience?: string;
  /** Seconds since the epoch. */
  expiresAt?: number;
  key?: SigningKey;
}

/** Signs a Teams-SSO-like access token. */
export async function makeToken(key: SigningKey, options: TokenOptions = {}): Promise<string> {
  const signing = options.key ?? key;
  const jwt = new SignJWT({ ...(options.oid === undefined ? {} : { oid: options.oid }), tid: TENANT, ver: '2.0', scp: 'access_as_user' })
    .setProtectedHeader({ alg: 'RS256', kid: signing.publicJwk.kid })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? APP_ID)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 600);
  return jwt.sign(signing.privateKey);
}

/** A tiny JWKS endpoint, as the tenant's discovery/v2.0/keys would answer; counts how often it is asked. */
export async function startJwksServer(keys: JWK[]): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
