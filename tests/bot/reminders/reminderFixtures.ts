import type { Activity, ConversationReference } from 'botbuilder';
import { bankHolidays } from '../../../data/reference/index.js';
import { createWorkingCalendar } from '../../../data/rules/workingHours.js';
import type { LiveData, Store } from '../../../data/store/store.js';
import type { WorkflowTicket } from '../../../data/model.js';
import type { TeamsSender } from '../../../bot/notify/teamsSender.js';
import { workflowRosters } from '../../fixtures/workflowFixtures.js';
import { emptyLiveFile } from '../../../data/store/liveFile.js';
import { openMemoryStore, type MemoryStore, type MemoryStoreOptions } from '../../../data/store/memoryStore.js';
import { CURRENT_SCHEMA_VERSION } from '../../../data/store/migrations.js';

/** The real calendar over the shipped England-and-Wales bank holidays (2026: 3 and 6 April, 25 and 28 December …). */
export const calendar = createWorkingCalendar({ holidays: bankHolidays });

/** Live data holding only these tickets and the workflow rosters, for the pure due computation. */
export function liveWith(tickets: WorkflowTicket[], extra: Partial<LiveData> = {}): LiveData {
  const { pendingAudit: _outbox, ...empty } = emptyLiveFile(CURRENT_SCHEMA_VERSION);
  return { ...empty, tickets, rosters: workflowRosters(), ...extra };
}

/** An in-memory store holding these tickets and the workflow rosters (and whatever else `extra` gives). */
export function storeWith(
  tickets: WorkflowTicket[],
  extra: Partial<LiveData> = {},
  options: Omit<MemoryStoreOptions, 'from'> = {},
): Promise<MemoryStore> {
  return openMemoryStore({ ...options, from: { tickets, rosters: workflowRosters(), ...extra } });
}

/** Adds the workflow rosters and these tickets to a store, in one transaction. */
export async function seedStore(store: Store, tickets: readonly WorkflowTicket[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const entry of workflowRosters()) await tx.rosters.put(entry);
    for (const ticket of tickets) await tx.tickets.insert(ticket);
  });
}

/** A ticket whose current wait began at `since` (its last action). */
export function waitingSince(since: string): Pick<WorkflowTicket, 'lastAction' | 'updatedAt'> {
  return { lastAction: { by: 'system', at: since, verb: 'route' }, updatedAt: since };
}

/** One message the bot posted through the Teams sender. */
export interface SentMessage {
  conversationId: string;
  activity: Partial<Activity>;
}

/** A Teams sender that accepts every message and keeps it (the notifier's edge; the notifier itself is real). */
export function recordingTeams(): TeamsSender & { sent: SentMessage[] } {
  const sent: SentMessage[] = [];
  return {
    sent,
    async send(reference: Partial<ConversationReference>, activity: Partial<Activity>) {
      sent.push({ conversationId: reference.conversation?.id ?? '', activity });
      return { activityId: `act-${sent.length}` };
    },
    async update() {
      return undefined;
    },
  };
}
