import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `requestInformation`: the helpdesk sends the ticket back to the care home with a question. */
export function requestInformation(ctx: CardActionContext, data: TicketActionData & { reason: string }): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'requestInformation', expectedVersion: data.version, reason: data.reason });
}
