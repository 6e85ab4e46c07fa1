import type { ActionRequest } from '../../data/workflow/types.js';
import type { CardJson } from '../cardTemplates.js';
import { CARD_VERB_TABLE, type CardAction } from '../verbs.js';
import { actAndShow, helpdeskAgents, type CardActionContext } from './cardActionContext.js';
import { refreshCard } from './refreshCard.js';

/**
 * Every card verb, in one place: the activity handler dispatches `adaptiveCard/action` invokes through this. `refreshCard`
 * only shows; every other verb applies its workflow verb (cards/verbs.ts CARD_VERB_TABLE) as the person who pressed it.
 */
export async function handleCardAction(ctx: CardActionContext, action: CardAction): Promise<CardJson> {
  if (action.verb === 'refreshCard') return refreshCard(ctx, action.data);
  return actAndShow(ctx, await workflowRequest(ctx, action));
}

/** The workflow request a checked card action stands for. */
async function workflowRequest(
  ctx: CardActionContext,
  action: Exclude<CardAction, { verb: 'refreshCard' }>,
): Promise<Omit<ActionRequest, 'actor'>> {
  const { data } = action;
  const request: Omit<ActionRequest, 'actor'> = {
    ticketId: data.ticketId,
    verb: CARD_VERB_TABLE[action.verb].workflowVerb,
    expectedVersion: data.version,
  };
  if ('reason' in data) request.reason = data.reason;
  // A checklist toggle switched off is an untick; each is its own audited change.
  if ('item' in data) Object.assign(request, { verb: data.ticked ? 'tick' : 'untick', item: data.item });
  if ('assignee' in data) {
    // Anyone on the helpdesk roster, by the roster's own id and name (the workflow checks the roster).
    const agent = (await helpdeskAgents(ctx.store)).find((a) => a.aadObjectId.toLowerCase() === data.assignee.toLowerCase());
    request.assignee = agent ?? { aadObjectId: data.assignee };
  }
  return request;
}

export type { CardActionContext };
