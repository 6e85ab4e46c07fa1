import { userKey } from '../../data/conversationKeys.js';
import type { ConversationRecord } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';

/** The stored conversation for a person (`user:<aadObjectId>`) or a channel (`conversation:<id>`), copied; undefined when missing. */
export function findConversation(store: Store, key: string): Promise<ConversationRecord | undefined> {
  return store.conversations.get(key);
}

/** The conversation key a recipient resolves to: the explicit one wins over the person's 1:1 chat. */
export function conversationKeyFor(recipient: { aadObjectId?: string; conversationKey?: string }): string | undefined {
  if (recipient.conversationKey) return recipient.conversationKey;
  return recipient.aadObjectId ? userKey(recipient.aadObjectId) : undefined;
}

/**
 * Used after Teams answered 403/404 for this conversation (bot removed or blocked, conversation gone): nothing more is
 * sent there until the person talks to the bot again and a fresh reference is stored. Only the reference that failed is
 * marked: one stored since (a newer updatedAt) is left alone. The change is audited; false when nothing changed.
 */
export function markConversationUnusable(store: Store, failed: ConversationRecord, reason: string, now: Date): Promise<boolean> {
  return store.transaction(async (tx) => {
    const current = await tx.conversations.get(failed.key);
    if (!current || !current.usable || current.updatedAt !== failed.updatedAt) return false;
    current.usable = false;
    current.updatedAt = now.toISOString();
    await tx.conversations.put(current);
    tx.audit({ actor: 'system', action: 'conversation.unusable', details: { conversationKey: failed.key, reason } });
    return true;
  });
}
