import { createAdapter } from '../../../bot/teams/adapter.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger, type Logger } from '../../../bot/log.js';
import type { ConversationRecord } from '../../../data/model.js';
import type { Store } from '../../../data/store/store.js';

/** The aadObjectId of the care home manager in these tests. */
export const MANAGER_AAD = 'a1b2c3d4-0000-4000-8000-000000000001';

/** A conversation reference as the bot stores it from a Teams 1:1 chat, pointing at `serviceUrl` (the fake connector). */
export function teamsReference(serviceUrl: string, conversationId = 'a:1on1-manager', aadObjectId = MANAGER_AAD): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    bot: { id: '28:ucp-onboarding-bot', name: 'UCP onboarding' },
    user: { id: '29:manager', aadObjectId },
    activityId: 'f:incoming-message-1',
  };
}

/** Stores a usable conversation record, as the activity handler would on a person's first message. */
export async function seedConversation(store: Store, key: string, reference: Record<string, unknown>, usable = true): Promise<void> {
  const record: ConversationRecord = { key, reference, usable, updatedAt: '2026-03-02T09:00:00.000Z' };
  await store.transaction((tx) => tx.conversations.put(record));
}

/** A copy of the stored conversation record. */
export function storedConversation(store: Store, key: string): Promise<ConversationRecord | undefined> {
  return store.conversations.get(key);
}

/** A sleep that records the waits asked for and returns at once. */
export function fakeSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

/** A logger whose lines the test can read. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger('debug', (line) => lines.push(line)), lines };
}

/** The real adapter in local mode (no app id), as the host builds it. */
export function localAdapter() {
  return createAdapter(loadConfig({}));
}
