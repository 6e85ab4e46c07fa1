import { isChannelKey } from '../../data/conversationKeys.js';
import type { CardCopy, TicketState, WorkflowTicket } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';
import { retryOnConflict } from '../../data/workflow/conflicts.js';
import { buildTicketCard } from '../../cards/ticketCard.js';
import { helpdeskAgents } from '../../cards/handlers/cardActionContext.js';
import type { CardSender } from '../notify/cardSender.js';
import { CLOSED_STATES, TICKET_STATES } from '../../data/workflow/transitions.js';
import type { Workflow } from '../../data/workflow/workflow.js';
import type { Logger } from '../log.js';
import { soleProcessCardSyncLock, type CardSyncLock } from './cardSyncLock.js';
import { audiencesFor, destinationsFor, refreshUserIdsFor } from './cardAudiences.js';

/** Posts each ticket's card where it belongs, as the view of the role it is for, and keeps every posted copy up to date. */
export interface TicketCards {
  /** Posts the copies a ticket is missing, then updates every copy to the ticket as stored now. */
  sync(ticketId: string): Promise<void>;
  /** sync() for every open ticket: posts what could not be posted before (Teams was down, a lead had not yet spoken to the bot). */
  syncAll(): Promise<void>;
}

export interface TicketCardsDeps {
  store: Store;
  workflow: Workflow;
  /** Posts and updates the cards in Teams (bot/notify/cardSender.ts). */
  sender: Pick<CardSender, 'post' | 'update'>;
  /** Makes sure a channel on the roster has a stored conversation to post to. */
  ensureChannel(conversationKey: string): Promise<void>;
  logger: Logger;
  now(): Date;
  /** Keeps other instances sharing the store from syncing the same ticket at once; absent: no other instance shares it. */
  syncLock?: CardSyncLock;
}

const FINISHED: ReadonlySet<string> = new Set(CLOSED_STATES);
/** The states whose cards are kept up to date: every state but the closed ones. */
const SYNCED: readonly TicketState[] = TICKET_STATES.filter((state) => !FINISHED.has(state));

/** Every workflow event calls sync() for its ticket. */
export function createTicketCards(deps: TicketCardsDeps): TicketCards {
  // One sync per ticket at a time: two overlapping syncs would both see a copy missing and post it twice. In this
  // process they queue here; across instances they also take the ticket's sync lock (cardSyncLock.ts), so the later
  // sync reads the copies the earlier one recorded.
  const syncLock = deps.syncLock ?? soleProcessCardSyncLock();
  const running = new Map<string, Promise<void>>();
  // What each copy last showed: several events in a row (submit, then route) must not send Teams the same card again.
  const shown = new Map<string, string>();

  const syncNow = async (ticketId: string): Promise<void> => {
    const ticket = await deps.workflow.get(ticketId);
    if (!ticket) return;
    if (ticket.state === 'archived') {
      // Its copies had their last update when it was closed: nothing about them needs remembering any more.
      for (const copy of ticket.cardCopies) shown.delete(copy.activityId);
      return;
    }
    const posted = await postMissingCopies(ticket);
    const current = (await deps.workflow.get(ticketId)) ?? ticket;
    // One card per audience (each ICS lead's chat and the ICS's channels show the same card; so do the helpdesk channels).
    const cards = new Map(
      await Promise.all(
        audiencesOf(current).map(async (audience) => {
          const card = await postedCard(current, audience);
          return [audience, { card, text: JSON.stringify(card) }] as const;
        }),
      ),
    );
    await Promise.all(
      current.cardCopies
        .filter((copy) => !posted.has(copy.activityId) && shown.get(copy.activityId) !== cards.get(copy.audience)?.text)
        .map(async (copy) => {
          const { card, text } = cards.get(copy.audience)!;
          shown.set(copy.activityId, text);
          const outcome = await deps.sender.update(copy.conversationKey, copy.activityId, card);
          if (outcome === 'failed') shown.delete(copy.activityId);
          if (outcome === 'gone') await forgetCopy(ticketId, copy.activityId);
        }),
    );
  };

  /** Someone deleted that message (Teams answers 403/404 for it alone): drop the copy; the next sync posts a fresh one. */
  const forgetCopy = async (ticketId: string, activityId: string) => {
    shown.delete(activityId);
    // Bookkeeping (the version stays): after a conflict it is simply done again on the newer version.
    const forget = () =>
      deps.store.transaction(async (tx) => {
        const stored = await tx.tickets.get(ticketId);
        if (!stored || !stored.cardCopies.some((copy) => copy.activityId === activityId)) return;
        stored.cardCopies = stored.cardCopies.filter((copy) => copy.activityId !== activityId);
        await tx.tickets.update(stored, stored.version);
      });
    await retryOnConflict(forget, async (err) => {
      throw err;
    });
  };

  const postMissingCopies = async (ticket: WorkflowTicket): Promise<Set<string>> => {
    const posted = new Set<string>();
    if (FINISHED.has(ticket.state)) return posted;
    for (const audience of audiencesFor(ticket)) {
      const destinations = await destinationsFor(deps.store, ticket, audience);
      if (destinations.length === 0)
        deps.logger.warn('no one to send the ticket card to', { ticketId: ticket.id, audience, icb: ticket.organisation?.icbCode });
      for (const conversationKey of destinations) {
        if (ticket.cardCopies.some((copy) => copy.audience === audience && copy.conversationKey === conversationKey)) continue;
        if (isChannelKey(conversationKey)) await deps.ensureChannel(conversationKey);
        const card = await postedCard(ticket, audience);
        const activityId = await deps.sender.post(conversationKey, card);
        if (!activityId) continue; // logged by the card sender; the next sync tries again
        shown.set(activityId, JSON.stringify(card));
        const copy: CardCopy = { audience, conversationKey, activityId };
        await deps.workflow.recordCardCopy(ticket.id, copy);
        posted.add(activityId);
      }
    }
    return posted;
  };

  /**
   * The card a copy shows: the view of the role it is posted for, buttons included, so a client that never refreshes
   * (the Agents Playground, a channel of more than 60 people, some mobile clients) can still act. Authorisation stays
   * on the server: anyone else pressing a button gets the not-allowed card. The `refresh` still personalises it: a
   * person with no part sees the read-only view, and a roster member their own.
   */
  const postedCard = async (ticket: WorkflowTicket, audience: CardCopy['audience']) => {
    const options = { refreshUserIds: await refreshUserIdsFor(deps.store, ticket), now: deps.now() };
    return audience === 'icsLead'
      ? buildTicketCard(ticket, { kind: 'icsLead' }, options)
      : buildTicketCard(ticket, { kind: 'helpdesk', agents: await helpdeskAgents(deps.store), shared: true }, options);
  };

  const audiencesOf = (ticket: WorkflowTicket) => [...new Set(ticket.cardCopies.map((copy) => copy.audience))];

  const sync = (ticketId: string): Promise<void> => {
    const previous = running.get(ticketId) ?? Promise.resolve();
    // A failed sync before this one is its own caller's to hear about: this one still runs.
    const next = previous
      .catch(() => undefined)
      .then(() => syncLock.withTicket(ticketId, () => syncNow(ticketId)))
      .finally(() => {
        if (running.get(ticketId) === next) running.delete(ticketId);
      });
    running.set(ticketId, next);
    return next;
  };

  return {
    sync,
    async syncAll() {
      const ids: string[] = [];
      for await (const ticket of deps.store.tickets.stream({ states: SYNCED })) ids.push(ticket.id);
      for (const id of ids) await sync(id);
    },
  };
}
