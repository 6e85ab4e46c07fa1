/** Checks the token the Bot Framework channel (Teams) sends with each activity, before botbuilder sees the request. */
import { decodeJwt, decodeProtectedHeader, errors, importJWK, jwtVerify, type JWTPayload } from 'jose';
import { SkillValidation, type Claim } from 'botframework-connector';
import { AppError } from '../../data/errors.js';
import type { SigningKey, SigningKeys } from './signingKeys.js';

type ImportedKey = Promise<Awaited<ReturnType<typeof importJWK>>>;

/** The issuer of every channel-to-bot token, and the algorithms it signs with (botframework-connector's AuthenticationConstants). */
const ISSUER = 'https://api.botframework.com';
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
/** The clock skew the connector allows on exp and nbf. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

/** Why a token was refused: a word for the log, never the token or anything in it. */
export type RefusalReason =
  | 'missing'
  | 'malformed'
  | 'wrong-issuer'
  | 'algorithm'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'not-endorsed'
  | 'wrong-service-url'
  | 'skill'
  | 'invalid';

/** The request carries no token the channel signed for this bot: answered 401. */
export class TokenRefused extends AppError {
  readonly statusCode = 401;
  constructor(readonly reason: RefusalReason) {
    super('token-refused', 'The request is not authorised.', { reason });
  }
}

/** The parts of the activity a token is bound to. */
export interface TokenBinding {
  channelId?: string;
  serviceUrl?: string;
}

/** Resolves with the token's claims, or throws TokenRefused (401) or SigningKeysUnavailable (try again later). */
export type ChannelTokenCheck = (authorization: string, activity: TokenBinding) => Promise<JWTPayload>;

/**
 * The same rules botframework-connector applies to a channel token (ChannelValidation): issuer, RSA signature by a published
 * key endorsed for the activity's channel, exp/nbf with 5 minutes' skew, audience = this bot's app id, serviceurl = the
 * activity's service URL, and not a skill's token. Every failure is a TokenRefused; nothing is printed.
 */
export function createChannelTokenCheck(appId: string, keys: SigningKeys): ChannelTokenCheck {
  // Each published key is imported once per algorithm, not on every request; a re-fetched key set brings new objects,
  // so the WeakMap forgets the old ones by itself.
  const importedKeys = new WeakMap<SigningKey, Map<string, ImportedKey>>();
  const imported = (jwk: SigningKey, alg: string) => {
    const byAlg = importedKeys.get(jwk) ?? new Map<string, ImportedKey>();
    importedKeys.set(jwk, byAlg);
    let key = byAlg.get(alg);
    if (!key) {
      key = importJWK({ ...jwk, alg }, alg);
      byAlg.set(alg, key);
    }
    // A published key that is not an RSA key cannot have signed a channel token (the connector skips such keys too).
    return key.catch(() => {
      throw new TokenRefused('unknown-key');
    });
  };

  return async (authorization, activity) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw new TokenRefused(authorization.trim() === '' ? 'missing' : 'malformed');
    const { header, payload } = decode(token);
    // Checked before any key is looked up, as the connector does: a foreign token costs no fetch.
    if (payload.iss !== ISSUER) throw new TokenRefused('wrong-issuer');
    if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) throw new TokenRefused('algorithm');
    const jwk = typeof header.kid === 'string' ? await keys.find(header.kid) : undefined;
    if (!jwk) throw new TokenRefused('unknown-key');

    const key = await imported(jwk, header.alg);
    const claims = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: appId,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
    }).then(
      ({ payload: verified }) => verified,
      (err: unknown) => {
        throw new TokenRefused(refusalFor(err));
      },
    );

    const endorsements = Array.isArray(jwk.endorsements) ? jwk.endorsements : [];
    if (endorsements.length > 0 && !endorsements.includes(activity.channelId)) throw new TokenRefused('not-endorsed');
    if (activity.serviceUrl && claims.serviceurl !== activity.serviceUrl) throw new TokenRefused('wrong-service-url');
    if (SkillValidation.isSkillClaim(claimList(claims))) throw new TokenRefused('skill');
    return claims;
  };
}

/** The claims as botframework-connector lists them; like it, values are kept as decoded (exp and nbf stay numbers). */
export function claimList(payload: JWTPayload): Claim[] {
  return Object.entries(payload).map(([type, value]) => ({ type, value: value as string }));
}

function decode(token: string) {
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
  } catch {
    throw new TokenRefused('malformed');
  }
}

/** By code, not instanceof: jose's errors may come from another realm under a test runner. */
function refusalFor(err: unknown): RefusalReason {
  const { code, claim } = (err ?? {}) as { code?: unknown; claim?: unknown };
  if (code === errors.JWTExpired.code) return 'expired';
  if (code === errors.JWSSignatureVerificationFailed.code) return 'bad-signature';
  if (code === errors.JWTClaimValidationFailed.code && claim === 'nbf') return 'not-yet-valid';
  if (code === errors.JWTClaimValidationFailed.code && claim === 'aud') return 'wrong-audience';
  return 'invalid';
}
