import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from './config.js';
import { errorKind, type Logger } from './log.js';

export const SORRY_MESSAGE = "Sorry, something went wrong on our side. Nothing you sent has been lost. Please try again in a minute.";

/** The Bot Framework adapter: local unauthenticated mode when no app id is configured, token-checked otherwise. */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppTenantId: config.bot.appTenantId,
    MicrosoftAppType: config.bot.appType,
  });
  const adapter = new CloudAdapter(auth);
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
