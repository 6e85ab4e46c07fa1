/**
 * The claims one notifier holds on which nothing has been sent yet: the rest of a batch a round claimed and has not
 * reached, a delivery stopped before its first send. A stopping notifier releases them (store.notifications.release),
 * so another instance delivers them at once rather than after the lease (a deployment restarts every instance in turn).
 * A claim leaves this set the moment its delivery may send something: from then on a request may reach Teams or the
 * relay, and releasing it could have the message sent twice.
 */
import type { Store } from '../../data/store/store.js';
import { errorKind, type Logger } from '../log.js';

export interface HeldClaims {
  /** Remembers claims just made by this notifier. */
  hold(keys: Iterable<string>): void;
  /** Forgets a claim: its delivery may send now, or the claim is no longer this notifier's. */
  forget(key: string): void;
  /** Releases every claim held, in one write, and forgets them; a failure is logged (the claims then wait for their lease). */
  release(): Promise<void>;
}

/** The held claims of the notifier whose claims name `owner`. */
export function heldClaims(store: Store, owner: string, logger: Logger): HeldClaims {
  const keys = new Set<string>();
  return {
    hold(claimed) {
      for (const key of claimed) keys.add(key);
    },
    forget(key) {
      keys.delete(key);
    },
    async release() {
      if (keys.size === 0) return;
      const released = [...keys];
      keys.clear();
      try {
        const count = await store.notifications.release(released, owner);
        logger.info('notifications not started released for another instance', { released: count });
      } catch (err) {
        logger.error('notifications not started could not be released; they wait for their lease', {
          held: released.length,
          error: errorKind(err),
        });
      }
    },
  };
}
