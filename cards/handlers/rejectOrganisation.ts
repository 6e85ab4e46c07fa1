import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `rejectOrganisation`: an ICS lead of the ticket's ICS rejects the organisation, with a reason the requester will see. */
export function rejectOrganisation(ctx: CardActionContext, data: TicketActionData & { reason: string }): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'reject', expectedVersion: data.version, reason: data.reason });
}
