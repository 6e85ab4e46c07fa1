import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `confirmChecks`: a helpdesk agent confirms, in one press, every check the service ticked automatically (audited). */
export function confirmChecks(ctx: CardActionContext, data: TicketActionData): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'confirmChecks', expectedVersion: data.version });
}
