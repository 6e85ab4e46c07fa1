import { UpstreamError } from '../../data/errors.js';

/**
 * How a failed send should be handled: `retryable` (429, 5xx, the connection refused, reset or timed out) is tried
 * again; `permanent` (403, 404: the bot was removed or blocked, the conversation is gone) never succeeds on that route;
 * `other` (a 400, a bad setting) is not retried now but the message stays queued.
 */
export type FailureKind = 'retryable' | 'permanent' | 'other';

/** A failed Teams or e-mail send, classified; `reason` is a code safe to log and store (`http-429`, `ECONNREFUSED`, `smtp-550`). */
export class DeliveryError extends UpstreamError {
  constructor(readonly kind: FailureKind, readonly reason: string, readonly retryAfterMs?: number) {
    super(`The message could not be delivered (${reason}).`, { kind, reason });
  }
}

/** Used wherever an unknown throw must be treated as a delivery failure: anything unclassified is `other`. */
export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  return new DeliveryError('other', typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? code : err instanceof Error ? err.name : 'unknown');
}

/** Network error codes meaning "try again": the service was unreachable or the connection broke. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET',
]);
