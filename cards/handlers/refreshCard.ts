import type { CardJson } from '../cardTemplates.js';
import { cardFor, maySee, messageCard, type CardActionContext } from './cardActionContext.js';

const GONE = 'This request has been closed and archived. The helpdesk can still look it up by its number.';

/**
 * `refreshCard`: Teams asks for this viewer's own view (no change is made). Only people with a part in the ticket, or
 * looking at one of its posted copies, get it: ticket numbers are sequential, and guessing one must show nothing.
 */
export async function refreshCard(ctx: CardActionContext, data: { ticketId: string }): Promise<CardJson> {
  const ticket = await ctx.workflow.get(data.ticketId);
  if (!ticket || !(await maySee(ctx, ticket))) return messageCard(GONE);
  // An agent opening the card never sees a tick whose list has changed since: it is checked again first.
  if (ctx.automaticChecks && ctx.actor && (await ctx.workflow.rolesOf(ticket, ctx.actor.aadObjectId)).includes('helpdeskAgent')) {
    await ctx.automaticChecks.runIfStale(ticket.id);
    return cardFor(ctx, (await ctx.workflow.get(ticket.id)) ?? ticket);
  }
  return cardFor(ctx, ticket);
}
