import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `resolveTicket`: the helpdesk marks the work done (for access requests, once accounts are created). */
export function resolveTicket(ctx: CardActionContext, data: TicketActionData): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'resolve', expectedVersion: data.version });
}
