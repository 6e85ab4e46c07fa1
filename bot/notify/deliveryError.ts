import { UpstreamError } from '../../data/errors.js';

/**
 * How a failed send should be handled:
 * - `retryable`: nothing was delivered (429, a 5xx answer, the connection refused or the name not found, a connection
 *   that broke before the whole request was written) and trying again is safe;
 * - `ambiguous`: the whole request may have reached the service but no answer came back (a timeout waiting for the
 *   answer, the connection reset or dropped after the request was written). Trying again could deliver twice, so it is
 *   never retried: see the notifier for what is recorded instead;
 * - `permanent` (403, 404: the bot was removed or blocked, the conversation or message is gone) never succeeds on that route;
 * - `other` (a 400, a bad setting) is not retried now but the message stays queued.
 */
export type FailureKind = 'retryable' | 'ambiguous' | 'permanent' | 'other';

/** A failed Teams or e-mail send, classified; `reason` is a code safe to log and store (`http-429`, `ECONNREFUSED`, `smtp-550`). */
export class DeliveryError extends UpstreamError {
  constructor(
    readonly kind: FailureKind,
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(`The message could not be delivered (${reason}).`, { kind, reason });
  }
}

/** Used wherever an unknown throw must be treated as a delivery failure: anything unclassified is `other`. */
export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  return new DeliveryError(
    'other',
    typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? code : err instanceof Error ? err.name : 'unknown',
  );
}

/**
 * Network error codes meaning the service was unreachable or the connection broke. Whether that is `retryable` or
 * `ambiguous` depends on whether the request had been written when it happened (see UNREACHED_NETWORK_CODES).
 */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
]);

/** Network error codes that mean no connection was made at all, so nothing can have been delivered: always `retryable`. */
export const UNREACHED_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
