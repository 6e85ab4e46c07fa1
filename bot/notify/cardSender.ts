import type { Store } from '../../data/store/store.js';
import type { Logger } from '../log.js';
import type { RetryOptions } from './retry.js';
import { cardActivity, throughConversation, type TeamsRoute } from './teamsRoute.js';
import type { TeamsSender } from './teamsSender.js';
import { backgroundWork } from './backgroundWork.js';

/**
 * What happened to a card update: done now; kept for a later retry; replaced by a newer update; 'gone': Teams
 * answered 403/404 for this message (it was deleted, or the bot lost access; the conversation itself is left usable,
 * a new post there finds out); or 'failed': impossible for another reason (no usable conversation, a 400).
 */
export type CardUpdateOutcome = 'updated' | 'pending' | 'superseded' | 'gone' | 'failed';

/** Posts and updates the ticket cards (Teams only: a card has no e-mail form). */
export interface CardSender {
  /**
   * Posts a card; its activity id, or undefined when it could not be posted (logged; the caller decides). A 403/404
   * marks the conversation unusable. At least once: after an ambiguous failure (the post may have landed, its answer
   * was lost) this also gives undefined, so the caller's next sync posts again and there may be two copies; the
   * first has no recorded id and is no longer updated, but its actions and its refresh still go to the stored ticket.
   */
  post(conversationKey: string, card: Record<string, unknown>): Promise<string | undefined>;
  /**
   * Replaces a posted card. Updates of one copy run in order and only the newest is kept; a retryable or ambiguous
   * failure is kept for `retryPending`; a 403/404 gives 'gone' and leaves the conversation usable.
   */
  update(conversationKey: string, activityId: string, card: Record<string, unknown>): Promise<CardUpdateOutcome>;
  /** Tries again every update left pending; what the timer runs. One round runs at a time. */
  retryPending(): Promise<void>;
  /** Starts the timer that retries pending updates (unref'd: it never keeps the process alive). */
  start(intervalMs: number): void;
  /**
   * Called before the store closes: stops the timer, cuts retry waits short and waits (at most `maxWaitMs`,
   * default 5 s, inside the host's stop budget) for posts and updates in flight.
   */
  stop(maxWaitMs?: number): Promise<void>;
}

export interface CardSenderDeps {
  store: Store;
  teams: TeamsSender;
  clock: () => Date;
  logger?: Logger;
  retry?: Partial<RetryOptions>;
}

interface CopyState {
  generation: number;
  /** Cancels the waits of the update in progress once a newer one arrives. */
  supersede: AbortController;
  chain: Promise<unknown>;
}

/**
 * Pending card updates live in memory, not in the store: a card is always rebuilt from the stored ticket, so any later
 * update of the same copy carries the whole current state. After a restart a stale copy is put right by the ticket's
 * next change, or when a viewer opens it (the card's `refresh` asks the bot for the current view).
 */
export function createCardSender(deps: CardSenderDeps): CardSender {
  const route: TeamsRoute = {
    store: deps.store,
    teams: deps.teams,
    clock: deps.clock,
    logger: deps.logger ?? silent,
    retry: deps.retry ?? {},
  };
  const background = backgroundWork();
  const stopSignal = () => background.signal;
  const track = background.track;
  let round: Promise<void> | undefined;
  const copies = new Map<string, CopyState>();
  const pending = new Map<string, { conversationKey: string; activityId: string; card: Record<string, unknown> }>();

  const attempt = async (
    copyKey: string,
    generation: number,
    conversationKey: string,
    activityId: string,
    card: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<CardUpdateOutcome> => {
    const current = () => copies.get(copyKey)?.generation === generation;
    if (!current()) return 'superseded';
    // A 403/404 on an update concerns this one message (someone may have deleted it): the conversation stays usable.
    const outcome = await throughConversation(
      route,
      conversationKey,
      (reference) => route.teams.update(reference, activityId, cardActivity(card)),
      'card-update',
      signal,
      false,
    );
    if (outcome.ok) return 'updated';
    if (!current()) return 'superseded';
    const { kind, reason } = outcome.failure;
    // Replacing a message with the same card twice is harmless, so an ambiguous update is simply tried again later.
    if (kind === 'retryable' || kind === 'ambiguous') {
      pending.set(copyKey, { conversationKey, activityId, card });
      return 'pending';
    }
    if (kind === 'permanent' && reason !== 'conversation-unusable') {
      route.logger.warn('card copy gone', { conversationKey, reason });
      return 'gone';
    }
    return 'failed';
  };

  const post = async (conversationKey: string, card: Record<string, unknown>): Promise<string | undefined> => {
    const outcome = await throughConversation(
      route,
      conversationKey,
      (reference) => route.teams.send(reference, cardActivity(card)),
      'card-post',
      stopSignal(),
    );
    if (outcome.ok) return outcome.value.activityId;
    if (outcome.failure.kind === 'ambiguous')
      route.logger.warn('card post unconfirmed: the next sync may post a second copy', { conversationKey, reason: outcome.failure.reason });
    return undefined;
  };

  const update = (conversationKey: string, activityId: string, card: Record<string, unknown>): Promise<CardUpdateOutcome> => {
    const copyKey = `${conversationKey}\n${activityId}`;
    const previous = copies.get(copyKey);
    previous?.supersede.abort();
    pending.delete(copyKey);
    const supersede = new AbortController();
    const generation = (previous?.generation ?? 0) + 1;
    const signal = AbortSignal.any([supersede.signal, stopSignal()]);
    // One copy's updates never overlap: an older one still in flight could otherwise land after a newer one.
    const run = (previous?.chain ?? Promise.resolve()).then(() => attempt(copyKey, generation, conversationKey, activityId, card, signal));
    const state: CopyState = { generation, supersede, chain: run.catch(() => undefined) };
    copies.set(copyKey, state);
    void state.chain.then(() => {
      if (copies.get(copyKey) === state && !pending.has(copyKey)) copies.delete(copyKey);
    });
    return run;
  };

  const retryRound = async (): Promise<void> => {
    for (const [copyKey, { conversationKey, activityId, card }] of [...pending]) {
      if (stopSignal().aborted) return;
      if (pending.get(copyKey)?.card !== card) continue;
      await update(conversationKey, activityId, card);
    }
  };

  const sender: CardSender = {
    post: (conversationKey, card) => track(post(conversationKey, card)),
    update: (conversationKey, activityId, card) => track(update(conversationKey, activityId, card)),

    retryPending() {
      round ??= track(retryRound()).finally(() => {
        round = undefined;
      });
      return round;
    },

    start(intervalMs) {
      background.start(intervalMs, () => sender.retryPending(), route.logger, 'card update retry round failed');
    },

    stop: (maxWaitMs) => background.stop(maxWaitMs),
  };
  return sender;
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
