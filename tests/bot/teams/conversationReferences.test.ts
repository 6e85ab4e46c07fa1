import { describe, expect, it } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { createLogger } from '../../../bot/log.js';
import { userKey } from '../../../data/conversationKeys.js';
import { rememberConversation } from '../../../bot/teams/conversationReferences.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';

const quiet = createLogger('error', () => undefined);

const message = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/uk/',
  from: { id: '29:grace', name: 'Grace', aadObjectId: 'aad-grace' },
  recipient: { id: '28:bot', name: 'UCP assistant' },
  conversation: { id: 'a:grace', conversationType: 'personal', tenantId: 'tenant' },
} as Activity;

/** The store with every object of a conversation record handed back with its keys reversed, as jsonb reorders them. */
function reordering(store: Store): Store & { transactions: number } {
  const reversed = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reversed(v)]),
        )
      : value;
  const counted = Object.create(store) as Store & { transactions: number };
  counted.transactions = 0;
  Object.defineProperty(counted, 'conversations', {
    value: { ...store.conversations, get: async (key: string) => reversed(await store.conversations.get(key)) },
  });
  counted.transaction = (fn) => {
    counted.transactions += 1;
    return store.transaction(fn);
  };
  return counted;
}

describe('rememberConversation', () => {
  it('does not rewrite a remembered conversation whose reference comes back with its keys in another order', async () => {
    const store = reordering(await openMemoryStore());
    await rememberConversation(store, message, quiet);
    expect(store.transactions).toBe(1);

    await rememberConversation(store, message, quiet);
    expect(store.transactions).toBe(1);
  });

  it('rewrites it when the conversation really moved (a new service URL)', async () => {
    const store = reordering(await openMemoryStore());
    await rememberConversation(store, message, quiet);
    await rememberConversation(store, { ...message, serviceUrl: 'https://smba.example/emea/' } as Activity, quiet);
    expect(store.transactions).toBe(2);
    expect((await store.conversations.get(userKey('aad-grace')))?.reference.serviceUrl).toBe('https://smba.example/emea/');
  });
});
