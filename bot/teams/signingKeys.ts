import type { JWK } from 'jose';
import { AppError } from '../../data/errors.js';

/** A published signing key, with the channels it is endorsed for (login.botframework.com lists them on each key). */
export type SigningKey = JWK & { endorsements?: unknown };

/** Keys are re-read this often, as botframework-connector does (its default refresh interval). */
const REFRESH_MS = 24 * 60 * 60 * 1000;
/** A key id we do not know triggers a re-read at most this often: a stream of made-up key ids must not become a stream of fetches. */
const UNKNOWN_KEY_REFETCH_MS = 5 * 60 * 1000;
/** After a failed fetch, requests are turned away for this long without fetching again; also the Retry-After given to callers. */
export const RETRY_AFTER_SECONDS = 10;
const FETCH_TIMEOUT_MS = 5000;

/** The keys could not be fetched, and none that could check this token are known: the caller should try again later. */
export class SigningKeysUnavailable extends AppError {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
  /** Why, in a word or two for the log: 'unreachable', 'http 500', 'not a key set'. */
  constructor(readonly reason: string) {
    super('signing-keys-unavailable', 'The Bot Framework signing keys could not be fetched.', { reason });
  }
}

/**
 * The Bot Framework's published signing keys: OpenID metadata at `metadataUrl` names the key set (jwks_uri).
 * Fetched on first use, re-read daily or when a token names a key id not seen yet; concurrent requests share one fetch.
 */
export class SigningKeys {
  #keys: SigningKey[] | undefined;
  #fetchedAt = 0;
  #failedAt = -Infinity;
  #fetching: Promise<void> | undefined;

  constructor(
    private readonly metadataUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key published under `kid`, or undefined when there is none; throws SigningKeysUnavailable when it cannot be known. */
  async find(kid: string): Promise<SigningKey | undefined> {
    const age = this.now() - this.#fetchedAt;
    const known = this.#keys?.find((key) => key.kid === kid);
    if (this.#keys === undefined || age > REFRESH_MS || (!known && age > UNKNOWN_KEY_REFETCH_MS)) {
      // A failed daily re-read keeps the keys we have, as the connector does; with none at all, nothing can be checked.
      await this.#refresh().catch((err: unknown) => {
        if (this.#keys === undefined || !known) throw err;
      });
    }
    return this.#keys?.find((key) => key.kid === kid);
  }

  #refresh(): Promise<void> {
    if (this.now() - this.#failedAt < RETRY_AFTER_SECONDS * 1000) return Promise.reject(new SigningKeysUnavailable('recently failed'));
    this.#fetching ??= this.#fetch()
      .then(
        (keys) => {
          this.#keys = keys;
          this.#fetchedAt = this.now();
        },
        (err: unknown) => {
          this.#failedAt = this.now();
          throw err;
        },
      )
      .finally(() => {
        this.#fetching = undefined;
      });
    return this.#fetching;
  }

  async #fetch(): Promise<SigningKey[]> {
    const metadata = (await getJson(this.metadataUrl)) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string' || !metadata.jwks_uri.startsWith('https://'))
      throw new SigningKeysUnavailable('not OpenID metadata');
    const set = (await getJson(metadata.jwks_uri)) as { keys?: unknown };
    if (!Array.isArray(set.keys)) throw new SigningKeysUnavailable('not a key set');
    return set.keys.filter((key): key is SigningKey => typeof key === 'object' && key !== null && typeof (key as JWK).kid === 'string');
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }).catch(() => {
    throw new SigningKeysUnavailable('unreachable');
  });
  if (!res.ok) throw new SigningKeysUnavailable(`http ${res.status}`);
  const body: unknown = await res.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null) throw new SigningKeysUnavailable('not JSON');
  return body;
}
