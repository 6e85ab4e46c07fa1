import { ActivityHandler, type ConversationState, type TurnContext } from 'botbuilder';
import { WELCOME_MESSAGE } from './welcomeMessage.js';

/** Routes Teams activities. For now every message and every newly added member is greeted with what the bot will do. */
export class OnboardingBot extends ActivityHandler {
  constructor(private readonly conversationState: ConversationState) {
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

  /** Saves conversation (and dialog) state through the store at the end of every turn, so it survives a restart. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }
}

function membersOtherThanBot(context: TurnContext): number {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).filter((member) => member.id !== botId).length;
}
