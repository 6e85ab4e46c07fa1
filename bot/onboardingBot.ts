import { ActivityHandler, type TurnContext } from 'botbuilder';
import { WELCOME_MESSAGE } from './welcomeMessage.js';

/** Routes Teams activities. For now every message and every newly added member is greeted with what the bot will do. */
export class OnboardingBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(WELCOME_MESSAGE);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (membersOtherThanBot(context) > 0) await context.sendActivity(WELCOME_MESSAGE);
      await next();
    });
  }
}

function membersOtherThanBot(context: TurnContext): number {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).filter((member) => member.id !== botId).length;
}
