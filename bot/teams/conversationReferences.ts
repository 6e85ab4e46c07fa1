import { TurnContext, type Activity } from 'botbuilder';
import { isDeepStrictEqual } from 'node:util';
import { channelIdOf, channelKey, userKey } from '../../data/conversationKeys.js';
import { trimConversationReference } from '../../data/store/conversationReference.js';
import type { Store } from '../../data/store/store.js';
import type { Logger } from '../log.js';

/** The key a conversation is stored under: a person's 1:1 chat by their aadObjectId, anything else by its conversation id. */
export function conversationKey(activity: Partial<Activity>): string | undefined {
  const type = activity.conversation?.conversationType;
  if ((type === 'personal' || type === undefined) && activity.from?.aadObjectId && !activity.conversation?.isGroup) {
    return userKey(activity.from.aadObjectId);
  }
  // A channel thread's id carries ";messageid=…": the channel itself is what we post to.
  const id = activity.conversation?.id?.split(';')[0];
  return id ? channelKey(id) : undefined;
}

/**
 * Keeps the conversation reference of every incoming activity, so the bot can write to that person or channel later
 * (approval cards, ticket updates). Only the fields botbuilder needs are kept, each bounded (data/store/
 * conversationReference.ts): an activity with an unusable one is not remembered, and the log says which field (no
 * values: they may be anything). Writes only when something changed: most turns cost no commit.
 */
export async function rememberConversation(
  store: Store,
  activity: Activity,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<void> {
  const trimmed = trimConversationReference(TurnContext.getConversationReference(activity));
  if (!trimmed.ok) {
    logger.warn('conversation not remembered: unusable reference', {
      field: trimmed.field,
      activityType: typeof activity.type === 'string' ? activity.type.slice(0, 40) : undefined,
    });
    return;
  }
  const key = conversationKey(activity);
  if (!key) return;
  const reference = trimmed.reference;
  const channelId = channelIdOf(key);
  if (channelId !== undefined) {
    reference.conversation = { ...reference.conversation, id: channelId };
    // Whoever spoke last is not part of where a channel is: keeping them would rewrite the record for every viewer.
    delete reference.user;
  }
  // Most turns come from a conversation already remembered as it is: they cost a read, no commit. Compared as values, not
  // as JSON text: PostgreSQL's jsonb hands objects back with their keys in its own order.
  const stored = await store.conversations.get(key);
  if (stored !== undefined && stored.usable && isDeepStrictEqual(stored.reference, reference)) return;
  await store.transaction(async (tx) => {
    const welcomedAt = (await tx.conversations.get(key))?.welcomedAt;
    await tx.conversations.put({
      key,
      reference: { ...reference },
      usable: true,
      updatedAt: now().toISOString(),
      ...(welcomedAt ? { welcomedAt } : {}),
    });
  });
}

/**
 * The welcome's check-and-set, in one serialised store write: true for the first caller in a conversation, false for
 * every later one. Teams sends installationUpdate and conversationUpdate for one install at the same moment, and two turns
 * reading a flag from conversation state would both see it unset. False when the conversation is not remembered
 * (rememberConversation refused its reference): the manager is then welcomed on their first message instead.
 */
export async function claimWelcome(store: Store, activity: Partial<Activity>, now: () => Date = () => new Date()): Promise<boolean> {
  const key = conversationKey(activity);
  if (!key) return false;
  if ((await store.conversations.get(key))?.welcomedAt !== undefined) return false;
  return store.transaction(async (tx) => {
    const record = await tx.conversations.get(key);
    if (!record || record.welcomedAt !== undefined) return false;
    await tx.conversations.put({ ...record, welcomedAt: now().toISOString() });
    return true;
  });
}
