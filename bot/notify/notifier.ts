import type { ConversationReference } from 'botbuilder';
import type { NotificationRecord } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';
import { errorKind, type Logger } from '../log.js';
import { conversationKeyFor } from './recipientConversations.js';
import { asDeliveryError, type DeliveryError } from './deliveryError.js';
import type { Mailer } from './mailer.js';
import { heldClaims } from './heldClaims.js';
import { deliveryLeaseMs, processOwnerId } from './lease.js';
import { findNotification, markQueued, markSent, pruneSent, recordNotification, type NotificationInput } from './outbox.js';
import type { RetryOptions } from './retry.js';
import { withRetry } from './retry.js';
import { cardActivity, throughConversation, type TeamsRoute } from './teamsRoute.js';
import type { TeamsSender } from './teamsSender.js';
import { backgroundWork } from './backgroundWork.js';
import type { Metrics, NotificationChannel, NotificationOutcome } from '../metrics/metrics.js';

export type { NotificationInput } from './outbox.js';
export { addNotificationIfNew, pendingNotification, unconfirmedMark } from './outbox.js';

export interface NotifierDeps {
  store: Store;
  teams: TeamsSender;
  /** Absent when SMTP is not configured: notifications then wait for Teams. */
  mailer?: Mailer;
  clock: () => Date;
  logger?: Logger;
  retry?: Partial<RetryOptions>;
  /** One step of the queue backoff (1, 2, 5, 10, then 30 steps between rounds); a minute unless configured. */
  queueStepMs?: number;
  /** How many due notifications one retryDue() round works through; the rest wait for the next round. */
  maxPerRound?: number;
  /** Days a delivered notification stays in the live file (and so is recognised as a duplicate); default 30. */
  keepSentDays?: number;
  /** This instance's owner id on its claims; one per process unless given (processOwnerId). */
  owner?: string;
  /** How long a claim lasts (ms): by default derived from the retry options (deliveryLeaseMs), long enough for one delivery. */
  leaseMs?: number;
  /** Counts each delivery step by channel and outcome (ucp_notifications_total). */
  metrics?: Pick<Metrics, 'notification'>;
}

/** The result of a retryDue() round. */
export interface RetryRound {
  sent: number;
  queued: number;
}

/** Proactive messages to people, with retries, e-mail fallback and a durable outbox. (Ticket cards: cardSender.ts.) */
export interface Notifier {
  /**
   * Records a notification (in a write of its own) and delivers it: deliver() after recordNotification. 'sent'
   * (including sent but unconfirmed, see createNotifier), 'queued' (kept and retried later) or 'duplicate' (the key was
   * seen before). Rejects only when the input is invalid or the record cannot be written.
   */
  notify(input: NotificationInput): Promise<'sent' | 'queued' | 'duplicate'>;
  /**
   * Delivers a notification already recorded pending (pendingNotification + addNotificationIfNew inside the host's own
   * store update) now, whatever its nextAttemptAt. 'duplicate' when it is no longer pending (sent) or is being
   * delivered right now (here, or by another instance holding its claim); 'unknown' when the store has no such key. Never rejects (a failure to write
   * the outcome is logged and gives 'queued': the record stays pending), so the host may call it without awaiting.
   */
  deliver(key: string): Promise<'sent' | 'queued' | 'duplicate' | 'unknown'>;
  /** Delivers every pending notification due at `now`, one at a time. One round runs at a time. */
  retryDue(now?: Date): Promise<RetryRound>;
  /** Starts the retry timer (unref'd: it never keeps the process alive). */
  start(intervalMs: number): void;
  /**
   * Called before the store closes: stops the timer, cuts retry waits short and waits (at most `maxWaitMs`,
   * default 5 s, inside the host's stop budget) for requests in flight, then releases the claims it holds on
   * notifications it never started sending (one store write more). Anything not delivered stays pending in the store.
   */
  stop(maxWaitMs?: number): Promise<void>;
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Guarantees, for any number of instances sharing one store (one process on lowdb, several on PostgreSQL):
 * - a key recorded 'sent' is never delivered again through notify() or retryDue(); the same key twice gives 'duplicate'
 *   (for `keepSentDays` after delivery: then the record leaves the live file; its audit event stays);
 * - a recorded notification is never dropped: until delivered it stays 'pending' in live.json and is retried;
 * - at most once after an ambiguous failure: when the whole request reached Teams or the relay but no answer came back
 *   (a timeout waiting for it, the connection reset or dropped after the request was written), the message may have
 *   been delivered. It is not sent again, and e-mail is not tried as well: a manager never gets the same message twice.
 *   The record says status 'sent', `via` the route tried, `lastError` '<via>:ambiguous' (unconfirmedMark; the record
 *   type has no field of its own for it), and a 'notification.unconfirmed' audit event lets the helpdesk check;
 * - otherwise at least once: if the process dies between the acceptance and 'sent' being on disk (or that write
 *   fails), the message is sent again. The window is kept small: 'sent' is written straight after the acceptance, with
 *   nothing else awaited in between. A repeated e-mail carries the same Message-ID (derived from the key), so mail
 *   clients and the helpdesk can recognise it.
 * - one instance at a time delivers a notification: it claims it first (store.notifications.claim/claimDue), which writes
 *   a lease — this instance's owner id and an end, `leaseMs` ahead — that every other instance respects. The lease is
 *   derived from the retry options (deliveryLeaseMs: every attempt of both routes timing out, every retry wait spent),
 *   so it outlasts one delivery; each delivery claims again just before it starts, renewing the lease. Recording the
 *   outcome releases it. An instance that dies mid-delivery leaves its claims leased: another instance takes them over
 *   once the lease has run out and sends them (at least once, as above). Only the owner reschedules a failure
 *   (markQueued); a delivery is recorded by whoever made it (markSent), so a lease taken over too late is not sent again;
 * - an instance that stops gracefully releases at once the claims it never started sending (the rest of a round's
 *   batch, a delivery the stop reached before its first send: heldClaims.ts, store.notifications.release), so another
 *   instance delivers them without waiting for the lease. No other claim is released early: a send that may have
 *   reached Teams or the relay (still in flight when the stop's wait ends) keeps its lease, as a crashed instance's
 *   would (at most once, above); a send that definitely failed released its claim by recording the failure (markQueued);
 * - within one process, a key notify()/deliver() is delivering is not delivered by a timer round as well (`inFlight`).
 * Ticket cards are different: see CardSender.post (at least once) and CardUpdateOutcome (bot/notify/cardSender.ts).
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const logger = deps.logger ?? silent;
  const route: TeamsRoute = { store: deps.store, teams: deps.teams, clock: deps.clock, logger, retry: deps.retry ?? {} };
  const maxPerRound = deps.maxPerRound ?? 25;
  const keepSentMs = (deps.keepSentDays ?? 30) * 24 * 60 * 60 * 1000;
  const owner = deps.owner ?? processOwnerId();
  const leaseMs = deps.leaseMs ?? deliveryLeaseMs(route.retry);
  /** A claim made at `now`: its lease ends `leaseMs` later. */
  const termsAt = (now: Date) => ({ owner, now: now.toISOString(), leaseUntil: new Date(now.getTime() + leaseMs).toISOString() });
  const count = (channel: NotificationChannel, outcome: NotificationOutcome | undefined) => {
    if (outcome) deps.metrics?.notification(channel, outcome);
  };
  /** Wraps one route's send for one delivery: every attempt after the first is a retry, and each 429 is counted. */
  const countingAttempts = <A extends unknown[], T>(channel: NotificationChannel, send: (...args: A) => Promise<T>) => {
    let attempts = 0;
    return async (...args: A): Promise<T> => {
      attempts += 1;
      if (attempts > 1) count(channel, 'retried');
      try {
        return await send(...args);
      } catch (err) {
        if (asDeliveryError(err).reason === 'http-429') count(channel, 'throttled-429');
        throw err;
      }
    };
  };
  const background = backgroundWork();
  const track = background.track;
  let round: Promise<RetryRound> | undefined;
  /** Keys being delivered in this process: a timer round must not deliver what notify() is delivering. */
  const inFlight = new Set<string>();
  const held = heldClaims(deps.store, owner, logger);

  /** Resolves with the failure, or undefined once the relay accepted the message. */
  const tryEmail = async (mailer: Mailer, email: string, record: NotificationRecord): Promise<DeliveryError | undefined> => {
    try {
      await withRetry(
        countingAttempts('email', () => mailer.send({ to: email, subject: record.subject, text: record.text, key: record.key })),
        route.retry,
        background.signal,
        (failure, waitMs, attempt) => logger.info('e-mail will be retried', { key: record.key, reason: failure.reason, attempt, waitMs }),
      );
      return undefined;
    } catch (err) {
      const failure = asDeliveryError(err);
      logger.warn('e-mail failed', { key: record.key, reason: failure.reason, kind: failure.kind });
      return failure;
    }
  };

  /**
   * One delivery round for one record: Teams first, then e-mail; the outcome is on disk before this resolves.
   * 'untouched' when the notifier is stopping: nothing was sent and the claim is still held.
   */
  const deliverRecord = async (record: NotificationRecord): Promise<'sent' | 'queued' | 'untouched'> => {
    if (background.signal.aborted) return 'untouched';
    // From here a request may reach Teams or the relay: this claim is never released before its outcome is recorded.
    held.forget(record.key);
    const failures: string[] = [];
    let retryAfterMs = 0;
    const conversationKey = conversationKeyFor(record.recipient);
    if (conversationKey) {
      const outcome = await throughConversation(
        route,
        conversationKey,
        countingAttempts('teams', (reference: Partial<ConversationReference>) =>
          deps.teams.send(reference, cardActivity(record.card, record.text)),
        ),
        'notification',
        background.signal,
      );
      count('teams', outcomeOf(outcome.ok ? undefined : outcome.failure));
      if (outcome.ok) {
        await markSent(deps.store, record.key, 'teams', deps.clock());
        logger.info('notification sent', { key: record.key, via: 'teams' });
        return 'sent';
      }
      if (outcome.failure.kind === 'ambiguous') {
        await markSent(deps.store, record.key, 'teams', deps.clock(), outcome.failure.reason);
        logger.warn('notification unconfirmed', { key: record.key, via: 'teams', reason: outcome.failure.reason });
        return 'sent';
      }
      failures.push(`teams:${outcome.failure.reason}`);
      retryAfterMs = Math.max(retryAfterMs, outcome.failure.retryAfterMs ?? 0);
    }
    if (deps.mailer && record.recipient.email && !background.signal.aborted) {
      count('teams', 'email-fallback');
      const failure = await tryEmail(deps.mailer, record.recipient.email, record);
      count('email', outcomeOf(failure));
      if (!failure) {
        await markSent(deps.store, record.key, 'email', deps.clock());
        logger.info('notification sent', { key: record.key, via: 'email' });
        return 'sent';
      }
      if (failure.kind === 'ambiguous') {
        await markSent(deps.store, record.key, 'email', deps.clock(), failure.reason);
        logger.warn('notification unconfirmed', { key: record.key, via: 'email', reason: failure.reason });
        return 'sent';
      }
      failures.push(`email:${failure.reason}`);
    }
    const lastError = failures.length > 0 ? failures.join(' ') : 'no-route';
    if (await markQueued(deps.store, record.key, owner, deps.clock(), lastError, retryAfterMs, deps.queueStepMs))
      logger.warn('notification queued', { key: record.key, lastError });
    else logger.warn('notification failed here after another instance took it over', { key: record.key, lastError });
    return 'queued';
  };

  /**
   * Claims `key` at `now` and delivers it, unless it is not pending, is being delivered here already or another instance
   * holds its claim; never rejects.
   */
  const deliverKey = async (key: string, now = deps.clock()): Promise<'sent' | 'queued' | 'duplicate' | 'unknown'> => {
    // Stopping: not claimed, so another instance may deliver it at once.
    if (background.signal.aborted) return 'queued';
    // Claimed before the first await: two callers cannot both deliver the same key.
    if (inFlight.has(key)) return 'duplicate';
    inFlight.add(key);
    try {
      let record: NotificationRecord | undefined;
      try {
        record = await deps.store.notifications.claim(key, termsAt(now));
        if (!record) {
          // Not claimed: sent already, held by another instance, or unknown.
          held.forget(key);
          return (await findNotification(deps.store, key)) ? 'duplicate' : 'unknown';
        }
      } catch (err) {
        logger.error('notification could not be claimed', { key, error: errorKind(err) });
        return 'queued';
      }
      held.hold([key]);
      const outcome = await deliverRecord(record);
      if (outcome !== 'untouched') return outcome;
      // The stop came first: this claim and the rest of the round's batch go back at once, in one write.
      await held.release();
      return 'queued';
    } catch (err) {
      // The outcome could not be written (the store is closing or failing): the record stays pending for a later round.
      logger.error('notification outcome not recorded', { key, error: errorKind(err) });
      return 'queued';
    } finally {
      inFlight.delete(key);
    }
  };

  const runRound = async (now: Date): Promise<RetryRound> => {
    const result: RetryRound = { sent: 0, queued: 0 };
    // The batch's leases hold while the round works through it; each delivery claims again as it starts, so a record
    // whose lease ran out meanwhile and was taken over by another instance is skipped here.
    const batch = await deps.store.notifications.claimDue(termsAt(now), maxPerRound);
    // A key being delivered here already is that delivery's to record (it may be sending): never released by the round.
    held.hold(batch.map((due) => due.key).filter((key) => !inFlight.has(key)));
    for (const due of batch) {
      if (background.signal.aborted) break;
      if (inFlight.has(due.key)) continue;
      const outcome = await deliverKey(due.key, now);
      if (outcome === 'sent') result.sent += 1;
      if (outcome === 'queued') result.queued += 1;
    }
    // Stopped part way (or while claiming): what the round never reached goes back for another instance.
    if (background.signal.aborted) await held.release();
    const pruned = await pruneSent(deps.store, new Date(now.getTime() - keepSentMs));
    if (pruned > 0) logger.info('delivered notifications removed from the live file', { pruned });
    return result;
  };

  const notifier: Notifier = {
    async notify(input) {
      const created = await recordNotification(deps.store, input, deps.clock());
      if (!created) {
        logger.info('notification already recorded', { key: input.key });
        return 'duplicate';
      }
      const outcome = await notifier.deliver(input.key);
      if (outcome === 'sent' || outcome === 'queued') return outcome;
      // A timer round took the new key first: it is sent, or still pending and delivered once.
      return (await findNotification(deps.store, input.key))?.status === 'sent' ? 'sent' : 'queued';
    },

    deliver: (key) => track(deliverKey(key)),

    retryDue(now = deps.clock()) {
      round ??= track(runRound(now)).finally(() => {
        round = undefined;
      });
      return round;
    },

    start(intervalMs) {
      background.start(intervalMs, () => notifier.retryDue(), logger, 'notification retry round failed');
    },

    async stop(maxWaitMs) {
      await background.stop(maxWaitMs);
      // What a round still in flight (a send outlasting the wait) has not reached: the round would release it, too late.
      await held.release();
    },
  };
  return notifier;
}

/**
 * How one route's delivery ended, for ucp_notifications_total: a 403 (the bot removed or blocked) apart from other
 * failures; a person Teams has no conversation with yet was not tried at all, and counts as nothing here.
 */
function outcomeOf(failure: DeliveryError | undefined): NotificationOutcome | undefined {
  if (!failure) return 'sent';
  if (failure.reason === 'no-conversation') return undefined;
  if (failure.kind === 'ambiguous') return 'unconfirmed';
  return failure.reason === 'http-403' ? 'refused-403' : 'failed';
}
