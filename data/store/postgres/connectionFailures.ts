/**
 * Tells a failure to reach PostgreSQL (stopped, restarting, unreachable, every connection busy) apart from a bad query or
 * a conflict: the first becomes StoreUnavailableError, which the service answers with 503 and "try again later"; anything
 * else keeps its own meaning. The reasons are short phrases for an operator: they never quote the connection string.
 */
import { StoreUnavailableError } from '../../errors.js';

/** Socket errors of a server that is down or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs the server sends when it cannot serve a connection now; class 08 (connection exception) is matched as a class. */
const SERVER_STATES: Record<string, string> = {
  '57P01': 'the database server is shutting down (57P01 admin_shutdown)',
  '57P02': 'the database server crashed (57P02 crash_shutdown)',
  '57P03': 'the database server is starting up or shutting down (57P03 cannot_connect_now)',
  '53300': 'the database server has no connection free (53300 too_many_connections)',
};

/** pg's and pg-pool's own failures carry no code: these are their messages (pg 8, pg-pool 3). */
const DRIVER_MESSAGES: [RegExp, string][] = [
  [/^Connection terminated due to connection timeout/, 'the connection attempt timed out'],
  [/^timeout exceeded when trying to connect/, 'no pooled connection came free in time'],
  [/^Connection terminated unexpectedly/, 'the connection was dropped'],
  [/^Client has encountered a connection error and is not queryable/, 'the connection was dropped'],
  [/^Query read timeout/, 'the database server stopped answering'],
];

/** Why the database could not be reached, or undefined when `error` is something else (a bad query, a conflict, a bug). */
export function connectionFailureReason(error: unknown): string | undefined {
  if (error instanceof StoreUnavailableError) return error.reason;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return `the database server cannot be reached (${code})`;
    if (SERVER_STATES[code]) return SERVER_STATES[code];
    if (/^08[0-9A-Z]{3}$/.test(code)) return `the connection to the database failed (${code})`;
  }
  // Node reports a refused connection to a name with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError.
  if (Array.isArray(errors)) {
    for (const each of errors) {
      const reason = connectionFailureReason(each);
      if (reason) return reason;
    }
  }
  if (typeof message === 'string') for (const [pattern, reason] of DRIVER_MESSAGES) if (pattern.test(message)) return reason;
  return undefined;
}

/** `error` as the store throws it: StoreUnavailableError for a failure to reach the database, anything else unchanged. */
export function storeError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const reason = connectionFailureReason(error);
  return reason === undefined ? error : new StoreUnavailableError(reason);
}
