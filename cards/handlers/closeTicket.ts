import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `closeTicket`: the helpdesk closes a resolved, rejected or withdrawn ticket (it is archived later). */
export function closeTicket(ctx: CardActionContext, data: TicketActionData): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'close', expectedVersion: data.version });
}
