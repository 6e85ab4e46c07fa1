import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `provideInformation`: the care home manager answers the question they were asked; the request goes back to whoever asked. */
export function provideInformation(ctx: CardActionContext, data: TicketActionData & { reason: string }): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'provideInformation', expectedVersion: data.version, reason: data.reason });
}
