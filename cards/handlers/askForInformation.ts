import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `askForInformation`: an ICS lead sends the request back to the care home with a question before deciding. */
export function askForInformation(ctx: CardActionContext, data: TicketActionData & { reason: string }): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'askForInformation', expectedVersion: data.version, reason: data.reason });
}
