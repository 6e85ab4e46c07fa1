import type { CardJson } from '../cardTemplates.js';
import { cardFor, messageCard, type CardActionContext } from './cardActionContext.js';

const GONE = 'This request has been closed and archived. The helpdesk can still look it up by its number.';

/** `refreshCard`: Teams asks for this viewer's own view (no change is made). */
export async function refreshCard(ctx: CardActionContext, data: { ticketId: string }): Promise<CardJson> {
  const ticket = ctx.workflow.get(data.ticketId);
  return ticket ? cardFor(ctx, ticket) : messageCard(GONE);
}
