/**
 * A change between a transaction's read of a ticket and its write (ConflictError from tx.tickets.update or insert) means
 * someone else's change landed first. Nothing of the transaction landed, so it can be worked out again from what is
 * stored now: the second of two approvals then meets the first and is told so, in the workflow's own words.
 */
import { ConflictError } from '../errors.js';

/** How many times a transaction is worked out again after conflicts: enough for a burst of clicks on one card. */
export const CONFLICT_RETRIES = 3;

/**
 * Runs `attempt` until it does not fail with a store conflict, at most 1 + CONFLICT_RETRIES times; then `exhausted`
 * gives the answer (or throws). `ours` tells a ConflictError the caller throws on purpose, which is never retried.
 */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  exhausted: (err: ConflictError) => Promise<T>,
  ours: (err: ConflictError) => boolean = () => false,
): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConflictError) || ours(err)) throw err;
      if (tries >= CONFLICT_RETRIES) return exhausted(err);
    }
  }
}
