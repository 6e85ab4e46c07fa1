/**
 * What an HTTP caller is told while the database cannot be reached (StoreUnavailableError): 503, when to try again, and
 * one plain sentence. Nothing is logged here: the store says it once for the whole outage (data/store/postgres/outageWatch.ts).
 */
import type { Response } from 'restify';
import { StoreUnavailableError } from '../data/errors.js';
import { errorKind, type LogFields, type Logger } from './log.js';

export const STORE_UNAVAILABLE_MESSAGE =
  "The onboarding assistant can't reach its records just now, so nothing was changed. Please try again in a few minutes.";

/** Long enough for a database restart or failover; a probe or Teams asking sooner is simply answered 503 again. */
export const RETRY_AFTER_SECONDS = 30;

export function isStoreUnavailable(err: unknown): err is StoreUnavailableError {
  return err instanceof StoreUnavailableError;
}

/**
 * Logs a failed round of background work (a timer: deliveries, card re-sync, archive, reminder sweep) as an error, except
 * the database's absence: every timer meets it on every tick, and the store has said it once already. That goes to debug.
 */
export function logBackgroundFailure(logger: Logger, what: string, err: unknown, fields: LogFields = {}): void {
  if (isStoreUnavailable(err)) logger.debug(what, { ...fields, error: errorKind(err) });
  else logger.error(what, { ...fields, error: errorKind(err) });
}

/** Answers the request with 503, a Retry-After and the sentence, as JSON. */
export function sendStoreUnavailable(res: Response): void {
  res.header('Retry-After', String(RETRY_AFTER_SECONDS));
  res.header('Cache-Control', 'no-store');
  res.send(503, { error: STORE_UNAVAILABLE_MESSAGE });
}
