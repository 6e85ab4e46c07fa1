import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, type CardActionContext } from './cardActionContext.js';

/** `approveOrganisation`: an ICS lead of the ticket's ICS approves the organisation for onboarding. */
export function approveOrganisation(ctx: CardActionContext, data: TicketActionData): Promise<CardJson> {
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'approve', expectedVersion: data.version });
}
