import type { CardJson } from '../cardTemplates.js';
import type { TicketActionData } from '../verbs.js';
import { actAndShow, helpdeskAgents, type CardActionContext } from './cardActionContext.js';

/** `assignTicket`: a helpdesk agent gives the ticket to anyone on the helpdesk roster (the workflow checks the roster). */
export function assignTicket(ctx: CardActionContext, data: TicketActionData & { assignee: string }): Promise<CardJson> {
  const agent = helpdeskAgents(ctx.store).find((a) => a.aadObjectId.toLowerCase() === data.assignee.toLowerCase());
  return actAndShow(ctx, { ticketId: data.ticketId, verb: 'assign', expectedVersion: data.version, assignee: agent ?? { aadObjectId: data.assignee } });
}
