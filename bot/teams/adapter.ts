import { CloudAdapter, type Activity, type ConversationState, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import { errorKind, type Logger } from '../log.js';
import type { Store } from '../../data/store/store.js';
import { plainTextOutbound } from './plainTextOutbound.js';
import { ReusingBotFrameworkAuthentication } from './reusedClients.js';
import { createChannelTokenCheck } from './channelToken.js';
import { SigningKeys } from './signingKeys.js';

export const SORRY_MESSAGE = "Sorry, something went wrong on our side. What you had already told me is kept: please try again in a minute.";
export const STARTED_AGAIN_MESSAGE = "Sorry, this keeps going wrong, so I've cleared our conversation to start afresh. Nothing was sent. Type start to begin again.";

/**
 * CloudAdapter without its HTTP layer: CloudAdapter.process() prints every failure (a stack per unauthenticated request)
 * with console.error and echoes library messages to the caller. The server does the HTTP part itself, through our logger.
 */
export class OnboardingAdapter extends CloudAdapter {
  /** Authenticates and runs one turn; resolves with the invoke response, if any; rejects with the adapter's error. */
  async handle(authHeader: string, activity: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withDates(activity) as unknown as Activity, logic);
  }
}

/** True for the adapter's authentication failures (no token, bad token, wrong audience). */
export function isAuthenticationFailure(err: unknown): boolean {
  return (err as { statusCode?: unknown } | null)?.statusCode === 401 || (err as Error | null)?.name === 'AuthenticationError';
}

/** The Bot Framework keeps the wire strings in raw* fields and works with Date objects, as CloudAdapter.process does. */
function withDates(activity: Record<string, unknown>): Record<string, unknown> {
  const fixed = { ...activity };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    if (typeof fixed[field] === 'string') {
      fixed[raw] = fixed[field];
      fixed[field] = new Date(fixed[field] as string);
    }
  }
  return fixed;
}

/** The Bot Framework adapter: local unauthenticated mode when no app id is configured, token-checked otherwise. */
export function createAdapter(config: Config, logger: Logger): OnboardingAdapter {
  const auth = new ReusingBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppTenantId: config.bot.appTenantId,
    MicrosoftAppType: config.bot.appType,
  }, config.bot.appId ? createChannelTokenCheck(config.bot.appId, new SigningKeys(config.bot.openIdMetadataUrl)) : undefined);
  const adapter = new OnboardingAdapter(auth);
  // Every message the bot writes, in a turn or proactively, goes out as plain text (bot/teams/plainTextOutbound.ts).
  adapter.use(plainTextOutbound);
  adapter.onTurnError = async (context: TurnContext, err: unknown) => {
    // Ids only: the activity's text and the person's name stay out of the log.
    logger.error('turn failed', { error: errorKind(err), activityType: context.activity.type, conversation: context.activity.conversation?.id });
    try {
      if (context.activity.type === 'message') await context.sendActivity(SORRY_MESSAGE);
    } catch (sendErr) {
      logger.warn('could not tell the person about the failure', { error: errorKind(sendErr) });
    }
  };
  return adapter;
}

/** Where a conversation's consecutive failed turns are counted (a setting, so a restart does not reset it). */
export function failuresKey(conversationId: string): string {
  return `turnFailures:${conversationId}`;
}

/**
 * After a failed turn the conversation is kept (a passing fault, such as Teams throttling, must not lose a half-finished
 * request); when a second turn in a row fails, the conversation state is cleared so the person is not stuck for ever.
 * A successful turn resets the count (OnboardingBot.run).
 */
export function recoverFromTurnErrors(adapter: CloudAdapter, conversationState: ConversationState, store: Store): void {
  const report = adapter.onTurnError;
  adapter.onTurnError = async (context, err) => {
    const key = failuresKey(context.activity.conversation?.id ?? '');
    const failures = await store.update((tx) => {
      const count = (typeof tx.data.settings[key] === 'number' ? tx.data.settings[key] as number : 0) + 1;
      tx.data.settings[key] = count;
      return count;
    }).catch(() => 1);
    if (failures < 2) {
      await report?.(context, err);
      return;
    }
    await conversationState.delete(context).catch(() => undefined);
    await store.update((tx) => { delete tx.data.settings[key]; }).catch(() => undefined);
    await report?.(context, err);
    if (context.activity.type === 'message') await context.sendActivity(STARTED_AGAIN_MESSAGE).catch(() => undefined);
  };
}
