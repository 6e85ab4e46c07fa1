import { channelKey, userKey } from '../../data/conversationKeys.js';
import type { CardCopy, ConversationRecord, RosterEntry, WorkflowTicket } from '../../data/model.js';
import type { LiveData } from '../../data/store/store.js';

/** Which audiences hold a copy of a ticket's card: the helpdesk always; the ICS once the ticket has gone to it for approval. */
export function audiencesFor(ticket: WorkflowTicket): CardCopy['audience'][] {
  const icsInvolved = ticket.state === 'awaitingIcsApproval' || ticket.cardCopies.some((copy) => copy.audience === 'icsLead');
  return icsInvolved ? ['helpdesk', 'icsLead'] : ['helpdesk'];
}

/**
 * Where an audience's copies go: each ICS lead's own 1:1 chat with the bot (when they have one) and the ICS's channels;
 * the helpdesk's channels. Channels need no stored conversation (one is made from the Teams service URL).
 */
export function destinationsFor(data: Readonly<LiveData>, ticket: WorkflowTicket, audience: CardCopy['audience']): string[] {
  const icb = ticket.organisation?.icbCode;
  const on = (kind: RosterEntry['kind']) =>
    data.rosters.filter((e) => e.kind === kind && (kind.startsWith('ics') ? e.scope === icb : true));
  if (audience === 'helpdesk') return on('helpdeskChannel').map((e) => channelKey(e.id));
  const leads = on('icsLead')
    .map((e) => userKey(e.id))
    .filter((key) => usable(data.conversations, key));
  return [...leads, ...on('icsChannel').map((e) => channelKey(e.id))];
}

/**
 * The Teams user ids ("29:…") of the people who act on this ticket's cards (its ICS's leads, the helpdesk agents), so each
 * sees their own view; taken from their stored 1:1 conversations (someone who never spoke to the bot sees the shared view).
 */
export function refreshUserIdsFor(data: Readonly<LiveData>, ticket: WorkflowTicket): string[] {
  const people = data.rosters.filter(
    (e) => e.kind === 'helpdeskAgent' || (e.kind === 'icsLead' && e.scope === ticket.organisation?.icbCode),
  );
  const ids = people
    .map((e) => data.conversations.find((c) => c.key === userKey(e.id) && c.usable))
    .map((record) => (record?.reference as { user?: { id?: string } } | undefined)?.user?.id)
    .filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}

function usable(conversations: readonly ConversationRecord[], key: string): boolean {
  return conversations.some((c) => c.key === key && c.usable);
}
