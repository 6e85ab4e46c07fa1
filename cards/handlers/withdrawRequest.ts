import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `withdrawRequest`: the care home manager withdraws their own request while it is still open. */
export function withdrawRequest(ctx: CardActionContext, data: TicketActionData): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'withdraw', expectedVersion: data.version });
}
