/** Checks the Microsoft Entra ID token (Teams SSO) the helpdesk tab sends with each API call. */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { TabTokenSettings } from '../config.js';

/** The outcome of one check: the signed-in person's object id, or why the token was not accepted. */
export type TokenCheck = { ok: true; oid: string } | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'unavailable' };

/** Checks an Authorization header value; never throws. */
export type TabTokenVerifier = (authorization: string | undefined) => Promise<TokenCheck>;

/** Entra ID signs with RS256; anything else (notably 'none' or an HMAC with a public key) is refused. */
const ALGORITHMS = ['RS256'];

/**
 * Used once at start in authenticated mode. `keys` is the tenant's published key set (fetched and cached by jose);
 * tests pass a local one. Issuer, audience, signature and expiry are all checked; the token must name a person (`oid`).
 */
export function createTabTokenVerifier(
  settings: TabTokenSettings,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl)),
): TabTokenVerifier {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec((authorization ?? '').trim());
    if (!match) return { ok: false, reason: 'missing' };
    // Without an issuer and an audience any tenant's token for any app would pass: refuse everything instead.
    if (settings.tokenIssuer === '' || settings.tokenAudiences.length === 0) return { ok: false, reason: 'invalid' };
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        issuer: settings.tokenIssuer,
        audience: settings.tokenAudiences,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'oid'],
        clockTolerance: 60,
      });
      return typeof payload.oid === 'string' && payload.oid !== '' ? { ok: true, oid: payload.oid } : { ok: false, reason: 'invalid' };
    } catch (err) {
      // By code and name, not instanceof: fetch's errors may come from another realm (Node's own, or a test runner's).
      const { code, name } = (err ?? {}) as { code?: unknown; name?: unknown };
      if (code === errors.JWTExpired.code) return { ok: false, reason: 'expired' };
      // The key set could not be fetched: the token may be fine, so the caller answers "try again", not "not authorised".
      if (code === errors.JWKSTimeout.code || name === 'TypeError') return { ok: false, reason: 'unavailable' };
      return { ok: false, reason: 'invalid' };
    }
  };
}
