import { TurnContext, type Activity } from 'botbuilder';
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
  // scan, not read: this runs on every turn, and a find through the write-guard views over every conversation cost ~10% of a turn.
  const same = store.scan((data) => {
    const stored = data.conversations.find((c) => c.key === key);
    return stored !== undefined && stored.usable && JSON.stringify(stored.reference) === JSON.stringify(reference);
  });
  if (same) return;
  await store.update((tx) => {
    const index = tx.data.conversations.findIndex((c) => c.key === key);
    const welcomedAt = index === -1 ? undefined : tx.data.conversations[index].welcomedAt;
    const record = {
      key,
      reference: { ...reference },
      usable: true,
      updatedAt: now().toISOString(),
      ...(welcomedAt ? { welcomedAt } : {}),
    };
    if (index === -1) tx.data.conversations.push(record);
    else tx.data.conversations[index] = record;
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
  if (store.scan((data) => data.conversations.find((c) => c.key === key)?.welcomedAt !== undefined)) return false;
  return store.update((tx) => {
    const record = tx.data.conversations.find((c) => c.key === key);
    if (!record || record.welcomedAt !== undefined) return false;
    record.welcomedAt = now().toISOString();
    return true;
  });
}
