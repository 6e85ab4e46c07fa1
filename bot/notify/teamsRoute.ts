import type { Activity, ConversationReference } from 'botbuilder';
import type { Store } from '../../data/store/store.js';
import { errorKind, type Logger } from '../log.js';
import { findConversation, markConversationUnusable } from './recipientConversations.js';
import { asDeliveryError, DeliveryError } from './deliveryError.js';
import { withRetry, type RetryOptions } from './retry.js';
import type { TeamsSender } from './teamsSender.js';

/** What a Teams send needs: shared by notifications and ticket cards. */
export interface TeamsRoute {
  store: Store;
  teams: TeamsSender;
  clock: () => Date;
  logger: Logger;
  retry: Partial<RetryOptions>;
}

export type TeamsOutcome<T> = { ok: true; value: T } | { ok: false; failure: DeliveryError };

/** The MIME type Teams expects for an Adaptive Card attachment. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A message activity carrying an Adaptive Card (and optional text); used for notifications and ticket cards. */
export function cardActivity(card: Record<string, unknown> | undefined, text?: string): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message' };
  if (text) activity.text = text;
  if (card) activity.attachments = [{ contentType: ADAPTIVE_CARD, content: card }];
  return activity;
}

/**
 * Runs one Teams operation on a stored conversation with bounded retries (an ambiguous failure is not retried). A
 * missing conversation, or one already marked unusable, is not tried. A 403/404 is reported as a permanent failure
 * and, unless `markUnusable` is false, marks the conversation unusable (so nobody keeps sending into a blocked chat):
 * right for a new post, not for the update of one message (that message alone may have been deleted). Never throws:
 * the caller decides what a failure means.
 */
export async function throughConversation<T>(
  route: TeamsRoute,
  conversationKey: string,
  operation: (reference: Partial<ConversationReference>) => Promise<T>,
  what: string,
  signal?: AbortSignal,
  markUnusable = true,
): Promise<TeamsOutcome<T>> {
  const conversation = await findConversation(route.store, conversationKey);
  if (!conversation) return { ok: false, failure: new DeliveryError('other', 'no-conversation') };
  if (!conversation.usable) return { ok: false, failure: new DeliveryError('permanent', 'conversation-unusable') };
  const reference = conversation.reference as Partial<ConversationReference>;
  try {
    const value = await withRetry(
      () => operation(reference),
      route.retry,
      signal,
      (failure, waitMs, attempt) => {
        route.logger.info('teams send will be retried', { what, conversationKey, reason: failure.reason, attempt, waitMs });
      },
    );
    return { ok: true, value };
  } catch (err) {
    const failure = asDeliveryError(err);
    route.logger.warn('teams send failed', { what, conversationKey, reason: failure.reason, kind: failure.kind });
    if (failure.kind === 'permanent' && markUnusable) {
      try {
        const marked = await markConversationUnusable(route.store, conversation, failure.reason, route.clock());
        if (marked) route.logger.warn('conversation marked unusable', { conversationKey, reason: failure.reason });
      } catch (storeErr) {
        // The next send will meet the same 403/404 and try again to record it.
        route.logger.error('could not mark the conversation unusable', { conversationKey, error: errorKind(storeErr) });
      }
    }
    return { ok: false, failure };
  }
}
