import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import { plainTextOutbound } from './plainTextOutbound.js';
import { ReusingBotFrameworkAuthentication } from './reusedClients.js';
import { createChannelTokenCheck } from './channelToken.js';
import { SigningKeys } from './signingKeys.js';

/**
 * CloudAdapter without its HTTP layer: CloudAdapter.process() prints every failure (a stack per unauthenticated request)
 * with console.error and echoes library messages to the caller. The server does the HTTP part itself, through our logger.
 */
export class OnboardingAdapter extends CloudAdapter {
  /** Authenticates and runs one turn; resolves with the invoke response, if any; rejects with the adapter's error. */
  async handle(
    authHeader: string,
    activity: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
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
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    if (typeof fixed[field] === 'string') {
      fixed[raw] = fixed[field];
      fixed[field] = new Date(fixed[field] as string);
    }
  }
  return fixed;
}

/** The Bot Framework adapter: local unauthenticated mode when no app id is configured, token-checked otherwise; failed turns: turnErrors.ts. */
export function createAdapter(config: Config): OnboardingAdapter {
  const auth = new ReusingBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.bot.appId,
      MicrosoftAppPassword: config.bot.appPassword,
      MicrosoftAppTenantId: config.bot.appTenantId,
      MicrosoftAppType: config.bot.appType,
    },
    config.bot.appId ? createChannelTokenCheck(config.bot.appId, new SigningKeys(config.bot.openIdMetadataUrl)) : undefined,
  );
  const adapter = new OnboardingAdapter(auth);
  // Every message the bot writes, in a turn or proactively, goes out as plain text (bot/teams/plainTextOutbound.ts).
  adapter.use(plainTextOutbound);
  return adapter;
}
