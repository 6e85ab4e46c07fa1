/**
 * The shape of a stored conversation reference: only what botbuilder needs to write to a person or a channel later
 * (continueConversationAsync), each string bounded. An incoming activity is the sender's to fill: a `conversation`
 * carrying 240 KB of anything would otherwise be kept in the live file, which every write re-serialises.
 *
 * Kept: channelId, serviceUrl, conversation {id, conversationType, tenantId, isGroup}, bot {id, name}, user {id,
 * aadObjectId}, locale. Dropped: everything else, including the person's name (not needed to reach them) and the
 * activity id (the message it came with, not the conversation).
 */

/** Longest accepted value of each kept field, in characters. Teams ids are well under these; a GUID is 36. */
export const REFERENCE_LIMITS = {
  /** conversation.id, bot.id, user.id: Teams ids ("a:1…", "19:…@thread.tacv2", "29:…", "28:…") run to ~150. */
  id: 512,
  /** user.aadObjectId, conversation.tenantId: GUIDs. */
  guid: 128,
  /** The connector's base URL, e.g. https://smba.trafficmanager.net/uk/. */
  serviceUrl: 2048,
  /** channelId ("msteams"), conversationType ("personal"), locale ("en-GB"). */
  short: 64,
  /** bot.name, the bot's display name. */
  name: 256,
} as const;

/** A reference as stored. */
export interface StoredReference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  bot: { id: string; name?: string };
  user?: { id: string; aadObjectId?: string };
  locale?: string;
}

/** The trimmed reference, or the first field that made it unusable (a name, never its value). */
export type TrimmedReference = { ok: true; reference: StoredReference } | { ok: false; field: string };

type Loose = Record<string, unknown>;

function objectAt(value: unknown): Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

/** A bounded, non-empty string, or undefined. */
function bounded(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;
}

/**
 * Used when a reference is stored (bot/teams/conversationReferences.ts) and by the store migration that trims older ones (schema
 * version 3): a change to what is kept needs a new migration step too. A required
 * field that is missing, not a string or too long makes the whole reference unusable (`ok: false`): nothing could be
 * sent with it, and such a value is forged, not from Teams. An optional one is simply left out. The user is optional
 * (a channel has none), but a user id or aadObjectId that is present and unusable refuses the reference: they name
 * whose chat this is.
 */
export function trimConversationReference(raw: unknown): TrimmedReference {
  const source = objectAt(raw);
  const conversation = objectAt(source.conversation);
  const bot = objectAt(source.bot);
  const channelId = bounded(source.channelId, REFERENCE_LIMITS.short);
  if (!channelId) return { ok: false, field: 'channelId' };
  const serviceUrl = bounded(source.serviceUrl, REFERENCE_LIMITS.serviceUrl);
  if (!serviceUrl || !/^https?:\/\//i.test(serviceUrl)) return { ok: false, field: 'serviceUrl' };
  const conversationId = bounded(conversation.id, REFERENCE_LIMITS.id);
  if (!conversationId) return { ok: false, field: 'conversation.id' };
  // Empty in local mode, where channel references are made without an app id (bot/tickets/channels.ts).
  const botId = typeof bot.id === 'string' && bot.id.length <= REFERENCE_LIMITS.id ? bot.id : undefined;
  if (botId === undefined) return { ok: false, field: 'bot.id' };

  const reference: StoredReference = {
    channelId,
    serviceUrl,
    conversation: withDefined({
      id: conversationId,
      conversationType: bounded(conversation.conversationType, REFERENCE_LIMITS.short),
      tenantId: bounded(conversation.tenantId, REFERENCE_LIMITS.guid),
      isGroup: typeof conversation.isGroup === 'boolean' ? conversation.isGroup : undefined,
    }),
    bot: withDefined({ id: botId, name: bounded(bot.name, REFERENCE_LIMITS.name) }),
  };
  if (source.user !== undefined) {
    const user = objectAt(source.user);
    const userId = bounded(user.id, REFERENCE_LIMITS.id);
    if (user.aadObjectId !== undefined && !bounded(user.aadObjectId, REFERENCE_LIMITS.guid))
      return { ok: false, field: 'user.aadObjectId' };
    if (user.id !== undefined && !userId) return { ok: false, field: 'user.id' };
    if (userId) reference.user = withDefined({ id: userId, aadObjectId: bounded(user.aadObjectId, REFERENCE_LIMITS.guid) });
  }
  const locale = bounded(source.locale, REFERENCE_LIMITS.short);
  if (locale) reference.locale = locale;
  return { ok: true, reference };
}

/** The object without its undefined fields, so the stored JSON has no `"x": undefined` gaps and compares stably. */
function withDefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
