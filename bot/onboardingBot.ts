import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type ConversationState, type TurnContext } from 'botbuilder';
import { WELCOME_MESSAGE } from './welcomeMessage.js';
import { rememberConversation } from './conversations.js';
import type { Store } from '../data/store/store.js';

/** Routes Teams activities. For now every message and every newly added member is greeted with what the bot will do. */
export class OnboardingBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly store: Store,
    private readonly cardInvoke: (context: TurnContext, value: AdaptiveCardInvokeValue) => Promise<AdaptiveCardInvokeResponse>,
  ) {
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

  /** Card buttons (Universal Actions) and Teams' refresh requests: see bot/cardInvoke.ts and cards/handlers/. */
  protected override onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return this.cardInvoke(context, invokeValue);
  }

  /** Remembers where the person or channel can be reached, runs the turn, and saves conversation and dialog state through the store. */
  override async run(context: TurnContext): Promise<void> {
    await rememberConversation(this.store, context.activity);
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }
}

function membersOtherThanBot(context: TurnContext): number {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).filter((member) => member.id !== botId).length;
}
