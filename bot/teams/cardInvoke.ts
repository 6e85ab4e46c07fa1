import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { Store } from '../../data/store/store.js';
import type { WorkflowTicket } from '../../data/model.js';
import type { HelpdeskFacts } from '../../data/rules/helpdesk.js';
import { handleCardAction } from '../../cards/handlers/index.js';
import { parseCardAction } from '../../cards/verbs.js';
import { ADAPTIVE_CARD } from '../notify/teamsRoute.js';
import { refreshUserIdsFor } from '../tickets/cardAudiences.js';
import { conversationKey } from './conversationReferences.js';
import type { Workflow } from '../../data/workflow/workflow.js';
import type { AutomaticCheckRuns } from '../tickets/automaticCheckRuns.js';
import type { ActionOutcome } from '../../data/workflow/types.js';
import type { CardActionOutcome, Metrics } from '../metrics/metrics.js';

export interface CardInvokeDeps {
  workflow: Workflow;
  store: Store;
  now(): Date;
  /** The configured helpdesk contact the requester's card gives. */
  helpdesk?: HelpdeskFacts;
  /** Runs stale automatic checks again when an agent opens a ticket's card. */
  automaticChecks?: Pick<AutomaticCheckRuns, 'runIfStale'>;
  /** Counts each press by verb and outcome (ucp_card_actions_total). */
  metrics?: Pick<Metrics, 'cardAction'>;
}

/**
 * Answers an `adaptiveCard/action` invoke (Universal Actions): the actor is the Teams user of the invoke, the verb's
 * handler applies the change through the workflow, and the answer is that person's view of the card, rebuilt from storage.
 */
export function createCardInvokeHandler(deps: CardInvokeDeps) {
  return async (context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> => {
    const verb = invokeValue?.action?.verb;
    // What the workflow answered, if the verb got as far as acting: the handler turns it into a card, which no longer says.
    let acted: ActionOutcome | undefined;
    const workflow: Workflow = {
      ...deps.workflow,
      async act(request) {
        acted = await deps.workflow.act(request);
        return acted;
      },
    };
    const count = (outcome: CardActionOutcome) => deps.metrics?.cardAction(verb, outcome);
    const parsed = parseCardAction(verb, invokeValue?.action?.data);
    if (!parsed.ok) {
      count('invalid');
      // A message, not a card: Teams shows it to the person and leaves their card as it was.
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: parsed.error,
      } as unknown as AdaptiveCardInvokeResponse;
    }
    const from = context.activity.from;
    const card = await handleCardAction(
      {
        workflow,
        store: deps.store,
        actor: from?.aadObjectId ? { aadObjectId: from.aadObjectId, ...(from.name ? { name: from.name } : {}) } : undefined,
        conversationKey: conversationKey(context.activity),
        refreshUserIds: (ticket: WorkflowTicket) => refreshUserIdsFor(deps.store, ticket),
        now: deps.now,
        helpdesk: deps.helpdesk ?? {},
        ...(deps.automaticChecks ? { automaticChecks: deps.automaticChecks } : {}),
      },
      parsed.action,
    ).catch((err: unknown) => {
      count('failed');
      throw err;
    });
    // refreshCard only shows; an acting verb that never reached the workflow had no Teams identity, and was refused.
    count(parsed.action.verb === 'refreshCard' || acted?.ok ? 'done' : 'refused');
    return { statusCode: 200, type: ADAPTIVE_CARD, value: card } as unknown as AdaptiveCardInvokeResponse;
  };
}
