import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { DialogTurns } from './dialogTurns.js';
import type { Store } from '../../data/store/store.js';
import { invokeRefusal } from './invokeGuard.js';
import { forgetPastFailures } from './turnErrors.js';
import { secondsSince, type Metrics } from '../metrics/metrics.js';
import { isStoreUnavailable } from '../storeUnavailable.js';

/**
 * Routes Teams activities: every activity first records where its person or channel can be reached; messages (and card
 * submits and files) go to the conversations, installs get the welcome, card buttons go to the card handlers.
 */
export class OnboardingBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly store: Store,
    private readonly conversations: DialogTurns,
    private readonly cardInvoke: (context: TurnContext, value: AdaptiveCardInvokeValue) => Promise<AdaptiveCardInvokeResponse>,
    private readonly metrics?: Pick<Metrics, 'turn'>,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.conversations.onMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.conversations.onInstall(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.conversations.onInstall(context);
      await next();
    });
  }

  /** Malformed card actions and invokes this bot does not answer get a 400 here, before botbuilder reads them (bot/teams/invokeGuard.ts). */
  protected override onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const refusal = invokeRefusal(context.activity);
    return refusal ? Promise.resolve(refusal) : super.onInvokeActivity(context);
  }

  /** Card buttons (Universal Actions) and Teams' refresh requests: see bot/teams/cardInvoke.ts and cards/handlers/. */
  protected override onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return this.cardInvoke(context, invokeValue);
  }

  /**
   * Remembers where the person or channel can be reached, runs the turn, and saves conversation and dialog state through
   * the store; counts the turn and its duration (a failure goes on to bot/teams/turnErrors.ts as before).
   */
  override async run(context: TurnContext): Promise<void> {
    const startedAt = process.hrtime.bigint();
    try {
      await this.conversations.remember(context);
      await super.run(context);
      await this.conversationState.saveChanges(context);
      await forgetPastFailures(this.store, context);
      this.metrics?.turn(context.activity.type, 'ok', secondsSince(startedAt));
    } catch (err) {
      this.metrics?.turn(context.activity.type, isStoreUnavailable(err) ? 'store-unavailable' : 'failed', secondsSince(startedAt));
      throw err;
    }
  }
}
