/**
 * How long the notifier's claim on a notification lasts (its lease), and who holds it. Another instance takes a claim
 * over only once its lease has run out, so the lease must outlast any one delivery (or a slow delivery could be sent
 * twice), yet a crashed instance's messages wait for it: it is derived from the bounds one delivery already has.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { MAIL_TIMEOUT_MS } from './mailer.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry.js';
import { TEAMS_TIMEOUT_MS } from './teamsSender.js';

/** Room for the store writes around one delivery (reading the conversation, recording the outcome). */
const STORE_MARGIN_MS = 60_000;

/** The longest one e-mail attempt can take: connecting, the greeting, then the message under the (doubled) socket timeout. */
const MAIL_ATTEMPT_MS = 4 * MAIL_TIMEOUT_MS;

/**
 * The longest one delivery can take with these retry options: every Teams attempt timing out and every wait of the retry
 * budget spent, then the same for e-mail, plus the store's margin. With the defaults, 4 × 15 s + 60 s, then 4 × 80 s +
 * 60 s, plus 60 s: 560 s, a little over 9 minutes.
 */
export function deliveryLeaseMs(retry: Partial<RetryOptions> = {}): number {
  const { maxAttempts, maxTotalMs } = { ...DEFAULT_RETRY, ...retry };
  const route = (attemptMs: number) => maxAttempts * attemptMs + maxTotalMs;
  return route(TEAMS_TIMEOUT_MS) + route(MAIL_ATTEMPT_MS) + STORE_MARGIN_MS;
}

/** An owner id for this process: host, process id and a random part, so a restarted process (same pid) is a new owner. */
export function processOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
