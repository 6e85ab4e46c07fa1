import { channelKey, userKey } from '../../data/conversationKeys.js';
import type { CardCopy, RosterEntry, WorkflowTicket } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';

/** Which audiences hold a copy of a ticket's card: the helpdesk always; the ICS once the ticket has gone to it for approval. */
export function audiencesFor(ticket: WorkflowTicket): CardCopy['audience'][] {
  const icsInvolved = ticket.state === 'awaitingIcsApproval' || ticket.cardCopies.some((copy) => copy.audience === 'icsLead');
  return icsInvolved ? ['helpdesk', 'icsLead'] : ['helpdesk'];
}

/**
 * Where an audience's copies go: each ICS lead's own 1:1 chat with the bot (when they have one) and the ICS's channels;
 * the helpdesk's channels. Channels need no stored conversation (one is made from the Teams service URL).
 */
export async function destinationsFor(store: Store, ticket: WorkflowTicket, audience: CardCopy['audience']): Promise<string[]> {
  if (audience === 'helpdesk') return (await store.rosters.list({ kind: 'helpdeskChannel' })).map((e) => channelKey(e.id));
  const [leads, channels] = await Promise.all([icsRoster(store, ticket, 'icsLead'), icsRoster(store, ticket, 'icsChannel')]);
  const leadKeys = await Promise.all(
    leads.map(async (e) => ((await usableConversation(store, userKey(e.id))) ? userKey(e.id) : undefined)),
  );
  return [...leadKeys.filter((key): key is string => key !== undefined), ...channels.map((e) => channelKey(e.id))];
}

/**
 * The Teams user ids ("29:…") of the people who act on this ticket's cards (its ICS's leads, the helpdesk agents), so each
 * sees their own view; taken from their stored 1:1 conversations (someone who never spoke to the bot sees the shared view).
 */
export async function refreshUserIdsFor(store: Store, ticket: WorkflowTicket): Promise<string[]> {
  // One read of the (short) roster keeps its order, which the card's refresh list follows.
  const icb = ticket.organisation?.icbCode;
  const people = (await store.rosters.list()).filter((e) => e.kind === 'helpdeskAgent' || (e.kind === 'icsLead' && e.scope === icb));
  const ids = await Promise.all(
    people.map(async (e) => {
      const record = await usableConversation(store, userKey(e.id));
      return record ? teamsUserId(record.reference) : undefined;
    }),
  );
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** The ICS's entries of one kind: none for a ticket without an ICS. */
async function icsRoster(store: Store, ticket: WorkflowTicket, kind: 'icsLead' | 'icsChannel'): Promise<RosterEntry[]> {
  const icb = ticket.organisation?.icbCode;
  return icb ? store.rosters.list({ kind, scope: icb }) : [];
}

async function usableConversation(store: Store, key: string) {
  const record = await store.conversations.get(key);
  return record?.usable ? record : undefined;
}

/** The Teams user id in a stored conversation reference (Bot Framework's shape, kept opaque by the store). */
function teamsUserId(reference: Record<string, unknown>): string | undefined {
  const user = reference.user;
  if (typeof user !== 'object' || user === null || !('id' in user)) return undefined;
  return typeof user.id === 'string' && user.id !== '' ? user.id : undefined;
}
