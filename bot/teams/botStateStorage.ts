import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Store } from '../../data/store/store.js';

/**
 * Bot Framework state (dialog stacks, conversation and user state) kept in the Store's `botState`, so a
 * conversation resumes where it was after a restart. Semantics follow botbuilder's MemoryStorage:
 * items come back as JSON copies carrying an `eTag`; a write whose eTag is stale is refused; "*" or no eTag
 * means last write wins. Unlike MemoryStorage, a write is all or nothing: one conflict and no key is written.
 */
export class BotStateStorage implements Storage {
  constructor(
    private readonly store: Store,
    private readonly newETag: () => string = randomUUID,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Loads state at the start of a turn. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    // scan, not read: the value is copied through JSON anyway, and copying it through the write-guard views cost ~8% of a turn.
    return this.store.scan((data) => {
      const items: StoreItems = {};
      for (const key of keys) {
        const item = Object.hasOwn(data.botState, key) ? data.botState[key] : undefined;
        // A JSON copy, as MemoryStorage gives: the turn may change it freely without touching stored state.
        if (item) items[key] = { ...(JSON.parse(JSON.stringify(item.value)) as Record<string, unknown>), eTag: item.eTag };
      }
      return items;
    });
  }

  /** Saves state at the end of a turn; rejects on an eTag conflict, writing nothing. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    await this.store.update((tx) => {
      for (const key of keys) {
        const stored = Object.hasOwn(tx.data.botState, key) ? tx.data.botState[key] : undefined;
        const eTag = (changes[key] as { eTag?: unknown } | undefined)?.eTag;
        if (stored && eTag && eTag !== '*' && eTag !== stored.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
      }
      for (const key of keys) {
        const { eTag: _ignored, ...value } = JSON.parse(JSON.stringify(changes[key] ?? {})) as Record<string, unknown>;
        tx.data.botState[key] = { eTag: this.newETag(), value, savedAt: this.now().toISOString() };
      }
    });
  }

  /** Clears state (for example when a conversation ends); missing keys are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.store.update((tx) => {
      for (const key of keys) if (Object.hasOwn(tx.data.botState, key)) delete tx.data.botState[key];
    });
  }
}

/**
 * Forgets conversations nobody has touched for `maxIdleDays`: an abandoned request's staff names and e-mail addresses
 * should not sit in the live file for ever (and every write re-serialises it). Run with the hourly archive.
 */
export async function expireIdleBotState(store: Store, now: Date, maxIdleDays = 30): Promise<number> {
  const cutoff = now.getTime() - maxIdleDays * 86_400_000;
  const stale = (entry: { savedAt?: string }) => entry.savedAt !== undefined && Date.parse(entry.savedAt) < cutoff;
  if (!store.read((data) => Object.values(data.botState).some(stale))) return 0;
  return store.update((tx) => {
    const keys = Object.keys(tx.data.botState).filter((key) => stale(tx.data.botState[key]));
    for (const key of keys) delete tx.data.botState[key];
    return keys.length;
  });
}
