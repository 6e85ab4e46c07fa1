/**
 * What happens when a turn fails, in one place: the log line, what the person is told, the count of failed turns in a row
 * and the reset of the conversation. A passing fault (Teams throttling) must not lose a half-finished request, so one
 * failure keeps the conversation; a second in a row clears it, so nobody is stuck for ever.
 */
import type { CloudAdapter, ConversationState, TurnContext } from 'botbuilder';
import type { Store } from '../../data/store/store.js';
import { errorKind, type Logger } from '../log.js';
import { isStoreUnavailable } from '../storeUnavailable.js';

export const SORRY_MESSAGE = 'Sorry, something went wrong on our side. What you had already told me is kept: please try again in a minute.';
export const STARTED_AGAIN_MESSAGE =
  "Sorry, this keeps going wrong, so I've cleared our conversation to start afresh. Nothing was sent. Type start to begin again.";
export const OUTAGE_MESSAGE =
  "Sorry, I can't reach my records just now, so I couldn't act on that message. What you told me before is kept: please send it again in a few minutes.";

/** Failed turns in a row, per conversation, after which its state is cleared. */
const FAILURES_BEFORE_RESET = 2;

export interface TurnErrorServices {
  logger: Logger;
  conversationState: ConversationState;
  store: Store;
}

/** Every turn on `adapter` that throws, incoming or proactive, ends here. */
export function handleTurnErrors(adapter: CloudAdapter, { logger, conversationState, store }: TurnErrorServices): void {
  adapter.onTurnError = async (context: TurnContext, err: unknown) => {
    if (isStoreUnavailable(err)) return outage(context, err);
    const key = context.activity.conversation?.id ?? '';
    const failures = await store
      .transaction(async (tx) => {
        const count = (await tx.counters.turnFailures(key)) + 1;
        await tx.counters.setTurnFailures(key, count);
        return count;
      })
      .catch(() => 1);
    const reset = failures >= FAILURES_BEFORE_RESET;
    if (reset) {
      await conversationState.delete(context).catch(() => undefined);
      await store.transaction((tx) => tx.counters.setTurnFailures(key, 0)).catch(() => undefined);
    }
    // Ids only: the activity's text and the person's name stay out of the log.
    logger.error('turn failed', {
      error: errorKind(err),
      activityType: context.activity.type,
      conversation: context.activity.conversation?.id,
    });
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(SORRY_MESSAGE);
    } catch (sendErr) {
      logger.warn('could not tell the person about the failure', { error: errorKind(sendErr) });
    }
    if (reset) await context.sendActivity(STARTED_AGAIN_MESSAGE).catch(() => undefined);
  };
}

/**
 * A turn that failed because the database cannot be reached: nothing is written (no failure count, no reset: the fault
 * is not the person's, and clearing their conversation would lose what they had said), and the error goes on to the
 * HTTP edge, which answers 503 with a Retry-After (bot/server.ts). The outage is logged once, by the store.
 * What Teams does with that 503: for a message it shows the person nothing (the Bot Framework service may deliver the
 * same message again shortly after, and if the database is back by then the turn simply runs), so the person is told
 * here, through the Teams connector, which does not need the database. For a card button (an invoke) Teams shows its own
 * short error beneath the card and leaves the card as it was, so the button can be pressed again; nothing is sent.
 */
async function outage(context: TurnContext, err: unknown): Promise<never> {
  if (context.activity.type === 'message') await context.sendActivity(OUTAGE_MESSAGE).catch(() => undefined);
  throw err;
}

/** After a turn that worked: ends any run of failed ones. Writes only when there was one. */
export async function forgetPastFailures(store: Store, context: TurnContext): Promise<void> {
  const key = context.activity.conversation?.id ?? '';
  if ((await store.counters.turnFailures(key)) === 0) return;
  await store.transaction((tx) => tx.counters.setTurnFailures(key, 0));
}
