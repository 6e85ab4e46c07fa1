import type { CardJson } from '../cardTemplates.js';
import { cardFor, maySee, messageCard, type CardActionContext } from './cardActionContext.js';

const GONE = 'This request has been closed and archived. The helpdesk can still look it up by its number.';

/**
 * `refreshCard`: Teams asks for this viewer's own view (no change is made). Only people with a part in the ticket, or
 * looking at one of its posted copies, get it: ticket numbers are sequential, and guessing one must show nothing.
 */
export async function refreshCard(ctx: CardActionContext, data: { ticketId: string }): Promise<CardJson> {
  const ticket = ctx.workflow.get(data.ticketId);
  return ticket && maySee(ctx, ticket) ? cardFor(ctx, ticket) : messageCard(GONE);
}
