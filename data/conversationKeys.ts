/**
 * The keys stored conversations go by (`LiveData.conversations`, card copies, notification recipients): a person's 1:1 chat
 * with the bot is `user:<aadObjectId>`, a channel or group chat is `conversation:<id>`. Built and read here only.
 */

const USER = 'user:';
const CHANNEL = 'conversation:';

/** The key of a person's 1:1 chat with the bot. */
export function userKey(aadObjectId: string): string {
  return `${USER}${aadObjectId}`;
}

/** The key of a channel or group chat, by its Teams conversation id. */
export function channelKey(conversationId: string): string {
  return `${CHANNEL}${conversationId}`;
}

/** True for the key of a channel or group chat (not a person's 1:1 chat). */
export function isChannelKey(key: string): boolean {
  return key.startsWith(CHANNEL);
}

/** The Teams conversation id inside a channel key; undefined for any other key. */
export function channelIdOf(key: string): string | undefined {
  return isChannelKey(key) ? key.slice(CHANNEL.length) : undefined;
}
