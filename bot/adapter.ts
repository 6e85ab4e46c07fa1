import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConversationState, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from './config.js';
import { errorKind, type Logger } from './log.js';

export const SORRY_MESSAGE = "Sorry, something went wrong on our side. Nothing you sent has been lost. Please try again in a minute.";

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
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppTenantId: config.bot.appTenantId,
    MicrosoftAppType: config.bot.appType,
  });
  const adapter = new OnboardingAdapter(auth);
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

/**
 * After a turn fails, the dialog that failed is dropped, so the next message starts cleanly instead of failing the same way
 * for ever (the person has just been told something went wrong). Tickets already submitted are in the store, not in dialog state.
 */
export function clearStateOnTurnError(adapter: CloudAdapter, conversationState: ConversationState): void {
  const report = adapter.onTurnError;
  adapter.onTurnError = async (context, err) => {
    await report?.(context, err);
    await conversationState.delete(context).catch(() => undefined);
  };
}
