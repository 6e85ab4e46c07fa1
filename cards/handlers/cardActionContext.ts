import type { PersonRef, WorkflowTicket } from '../../data/model.js';
import type { HelpdeskFacts } from '../../data/rules/helpdesk.js';
import type { Store } from '../../data/store/store.js';
import type { ActionRequest, ActionOutcome } from '../../data/workflow/types.js';
import type { Workflow } from '../../data/workflow/workflow.js';
import { buildTicketCard, type TicketCardView } from '../ticketCard.js';
import type { CardJson } from '../cardTemplates.js';

/** What every card-verb handler gets: the workflow, who clicked, and how to address the card's refresh. */
export interface CardActionContext {
  workflow: Workflow;
  store: Store;
  /** The Teams user of the invoke; undefined when Teams sent no aadObjectId (then nobody can act). */
  actor: PersonRef | undefined;
  /** Where the card was pressed (bot/teams/conversationReferences.ts conversationKey), to tell a posted copy from a guessed ticket id. */
  conversationKey: string | undefined;
  /** Teams user ids ("29:…") of everyone who should see their own view of this ticket's card. */
  refreshUserIds(ticket: WorkflowTicket): Promise<string[]>;
  now(): Date;
  /** The configured helpdesk contact, for the requester's card. */
  helpdesk?: HelpdeskFacts;
  /** Runs a ticket's automatic checks again when one has gone stale (the host's; absent in tests that do not need it). */
  automaticChecks?: { runIfStale(ticketId: string): Promise<void> };
}

const NO_IDENTITY = 'We could not tell who you are from Teams, so this card cannot be used here. Please open it in Teams and try again.';

/**
 * What someone with no part in a ticket sees, whatever they pressed, and also what anyone sees for a ticket that is not
 * live: one answer for both, so a guessed ticket number tells nobody whether it exists, let alone what it is about.
 */
export const NOT_YOURS =
  'You cannot act on this card: it is for someone else, or the request has been closed. If you think you should be able to, please ask the helpdesk.';

/** The card this person should see for a ticket: their role's view, built from the stored ticket only. */
export async function cardFor(ctx: CardActionContext, ticket: WorkflowTicket, notice?: string): Promise<CardJson> {
  const [view, refreshUserIds] = await Promise.all([viewFor(ctx, ticket), ctx.refreshUserIds(ticket)]);
  return buildTicketCard(ticket, view, {
    refreshUserIds,
    notice,
    now: ctx.now(),
    helpdesk: ctx.helpdesk,
  });
}

/**
 * Applies the action as this person and answers with their refreshed card. The
 * workflow decides and audits every refusal; this only chooses what the answer may show.
 */
export async function actAndShow(ctx: CardActionContext, request: Omit<ActionRequest, 'actor'>): Promise<CardJson> {
  if (!ctx.actor) {
    // Still an attempt to act: audited like any refused one, with the actor unknown.
    await ctx.store.transaction((tx) => {
      tx.audit({
        actor: 'unknown',
        action: 'denied',
        ticketId: request.ticketId,
        details: { verb: request.verb, why: 'no Teams identity' },
      });
    });
    const ticket = await ctx.workflow.get(request.ticketId);
    return ticket && (await maySee(ctx, ticket)) ? notAllowedCard(ctx, ticket, NO_IDENTITY) : messageCard(NO_IDENTITY);
  }
  const outcome: ActionOutcome = await ctx.workflow.act({ ...request, actor: { kind: 'person', person: ctx.actor } });
  if (outcome.ok) return cardFor(ctx, outcome.ticket);
  // Not live (archived, or never was), or not theirs to see: the same neutral card, with nothing from the ticket.
  if (!outcome.ticket || !(await maySee(ctx, outcome.ticket))) return messageCard(NOT_YOURS);
  if (outcome.code === 'forbidden') return notAllowedCard(ctx, outcome.ticket, outcome.message);
  // Someone else acted first, or the action does not fit any more: show the ticket as it is now, saying why.
  return cardFor(ctx, outcome.ticket, outcome.message);
}

/** The read-only card with "You cannot act on this card" and why: only for people who may see the ticket. */
async function notAllowedCard(ctx: CardActionContext, ticket: WorkflowTicket, message: string): Promise<CardJson> {
  return buildTicketCard(ticket, { kind: 'notAllowed', message }, { refreshUserIds: await ctx.refreshUserIds(ticket), now: ctx.now() });
}

/** A minimal valid card with one line: for requests that are gone (closed and archived) or cards that cannot be read. */
export function messageCard(message: string): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: message }] }],
  };
}

/** True when this person has a part in the ticket, or the card they pressed is one of its posted copies. */
export async function maySee(ctx: CardActionContext, ticket: WorkflowTicket): Promise<boolean> {
  const roles = ctx.actor ? await ctx.workflow.rolesOf(ticket, ctx.actor.aadObjectId) : [];
  return roles.length > 0 || ticket.cardCopies.some((copy) => copy.conversationKey === ctx.conversationKey);
}

async function viewFor(ctx: CardActionContext, ticket: WorkflowTicket): Promise<TicketCardView> {
  const roles = ctx.actor ? await ctx.workflow.rolesOf(ticket, ctx.actor.aadObjectId) : [];
  // Someone who is both an ICS lead and an agent decides as the lead while the ICS's approval is awaited.
  if (roles.includes('icsLead') && ticket.state === 'awaitingIcsApproval') return { kind: 'icsLead' };
  if (roles.includes('helpdeskAgent')) return { kind: 'helpdesk', agents: await helpdeskAgents(ctx.store) };
  if (roles.includes('icsLead')) return { kind: 'icsLead' };
  if (roles.includes('requester')) return { kind: 'requester' };
  return { kind: 'readOnly' };
}

/** Everyone on the helpdesk roster, for the Assign choice (anyone, not only the person assigning). */
export async function helpdeskAgents(store: Store): Promise<PersonRef[]> {
  const agents = await store.rosters.list({ kind: 'helpdeskAgent' });
  return agents.map((entry) => ({ aadObjectId: entry.id, ...(entry.displayName ? { name: entry.displayName } : {}) }));
}
