/**
 * The NHS ODS directory through the ORD API (`GET {base}/ORD/2-0-0/organisations/{code}`, no key needed).
 * It never throws and never keeps a person waiting long: a slow or broken directory is "unavailable" and the request
 * goes on with the check left for later (DOMAIN.md "ODS codes").
 */
import { checkOdsCode, normaliseOdsCode } from '../../data/rules/ods.js';
import type { OdsDirectory, OdsLookupResult } from '../../dialogs/dialogServices.js';
import { errorKind, type Logger } from '../log.js';
import { readOrdOrganisation } from './ordOrganisation.js';
import { RateLimiter } from './rateLimiter.js';
import { TtlCache } from './ttlCache.js';

/** The live NHS directory; the host overrides it for tests and for a local mirror. */
export const DEFAULT_ORD_BASE_URL = 'https://directory.spineservices.nhs.uk';

/** Settings for createOrdClient; every one has a default fit for production. */
export interface OrdClientOptions {
  /** Scheme and host (and port) of the ORD service; default the live NHS directory. */
  baseUrl?: string;
  /** The whole HTTP exchange, answer included; default 3 s. */
  timeoutMs?: number;
  /** How long a found or not-found answer is kept; default 24 h. Unavailable answers are never kept. */
  cacheTtlMs?: number;
  /** Default 1000 codes. */
  cacheSize?: number;
  /** Default 4 requests in any 1000 ms: the ORD API asks for fewer than 5 a second. Ignored when `limiter` is given. */
  rateLimit?: { limit: number; windowMs: number };
  /** A limiter shared with other clients, so all of them together keep to one limit. */
  limiter?: RateLimiter;
  /** How long a lookup may wait for its turn under the rate limit before it is "unavailable"; default 5 s. */
  maxQueueWaitMs?: number;
  logger?: Logger;
}

/** The ODS directory with a look at what it did, for the host's health and for tests. */
export interface OrdClient extends OdsDirectory {
  /** HTTP requests sent so far. */
  readonly requestsSent: number;
}

type Outcome = OdsLookupResult['status'];

const DAY_MS = 24 * 60 * 60 * 1000;

// Duck-typed rather than instanceof: errors from fetch can come from another realm (undici, test sandboxes).
function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/** fetch reports a refused or reset connection as a TypeError whose cause carries the system code (ECONNREFUSED). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : errorKind(error);
}

/** Builds the directory the conversations use (dialogServices.ods); one per process, so the cache and the rate limit are shared. */
export function createOrdClient(options: OrdClientOptions = {}): OrdClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_ORD_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxQueueWaitMs = options.maxQueueWaitMs ?? 5000;
  const limiter = options.limiter ?? new RateLimiter(options.rateLimit ?? { limit: 4, windowMs: 1000 });
  const cache = new TtlCache<OdsLookupResult>({ maxEntries: options.cacheSize ?? 1000, ttlMs: options.cacheTtlMs ?? DAY_MS });
  const inFlight = new Map<string, Promise<OdsLookupResult>>();
  const log = options.logger;
  let requestsSent = 0;

  const unavailable = (code: string, started: number, reason: string, status?: number): OdsLookupResult => {
    log?.warn('ods.lookup', { code, outcome: 'unavailable', reason, status, ms: Math.round(performance.now() - started) });
    return { status: 'unavailable' };
  };

  async function ask(code: string): Promise<OdsLookupResult> {
    const started = performance.now();
    try {
      await limiter.acquire(AbortSignal.timeout(maxQueueWaitMs));
    } catch {
      return unavailable(code, started, 'queue');
    }
    requestsSent += 1;
    try {
      const response = await fetch(`${baseUrl}/ORD/2-0-0/organisations/${encodeURIComponent(code)}?_format=json`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return done(code, started, { status: 'notFound' }, 404);
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        return unavailable(code, started, 'status', response.status);
      }
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch (error) {
        if (isAbort(error)) return unavailable(code, started, 'timeout');
        return unavailable(code, started, 'malformed', 200);
      }
      const organisation = readOrdOrganisation(body, code);
      if (!organisation) return unavailable(code, started, 'malformed', 200);
      return done(code, started, { status: 'found', organisation }, 200);
    } catch (error) {
      return unavailable(code, started, isAbort(error) ? 'timeout' : networkReason(error));
    }
  }

  function done(code: string, started: number, result: OdsLookupResult, status: number): OdsLookupResult {
    cache.set(code, result);
    const outcome: Outcome = result.status;
    log?.info('ods.lookup', { code, outcome, status, ms: Math.round(performance.now() - started) });
    return result;
  }

  return {
    get requestsSent() {
      return requestsSent;
    },
    async lookup(odsCode: string): Promise<OdsLookupResult> {
      const code = normaliseOdsCode(odsCode);
      if (!checkOdsCode(code).ok) {
        // What was typed may be anything (even a name), so only its length is logged.
        log?.info('ods.lookup', { outcome: 'notFound', reason: 'format', length: code.length });
        return { status: 'notFound' };
      }
      const cached = cache.get(code);
      if (cached) return cached;
      // Two people (or two turns) asking for one code at once share one request.
      const pending = inFlight.get(code);
      if (pending) return pending;
      const request = ask(code).finally(() => inFlight.delete(code));
      inFlight.set(code, request);
      return request;
    },
  };
}
