import { channelIdOf } from '../../data/conversationKeys.js';
import type { Store } from '../../data/store/store.js';

/**
 * A channel named on the roster may never have sent the bot a message, so there is no stored reference to post with.
 * Teams accepts a proactive post to a channel the app is installed in given the channel id and the regional service URL.
 */
export async function ensureChannelConversation(
  store: Store,
  conversationKey: string,
  serviceUrl: string,
  botAppId: string,
  now: Date,
): Promise<void> {
  if (await store.conversations.get(conversationKey)) return;
  const id = channelIdOf(conversationKey) ?? conversationKey;
  // insert() keeps a reference stored meanwhile (the channel spoke to the bot first): that one is the better one.
  await store.transaction((tx) =>
    tx.conversations.insert({
      key: conversationKey,
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id, isGroup: true, conversationType: 'channel' },
        bot: { id: botAppId },
      },
      usable: true,
      updatedAt: now.toISOString(),
    }),
  );
}
