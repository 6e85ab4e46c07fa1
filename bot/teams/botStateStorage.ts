import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Store } from '../../data/store/store.js';

/**
 * Bot Framework state (dialog stacks, conversation and user state) kept in the Store's `botState`, so a
 * conversation resumes where it was after a restart. Semantics follow botbuilder's MemoryStorage:
 * items come back as copies carrying an `eTag`; a write whose eTag is stale is refused; "*" or no eTag
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
    const items: StoreItems = {};
    // The store hands out copies: the turn may change them freely without touching stored state.
    for (const key of keys) {
      const item = await this.store.botState.get(key);
      if (item) items[key] = { ...item.value, eTag: item.eTag };
    }
    return items;
  }

  /** Saves state at the end of a turn; rejects on an eTag conflict, writing nothing. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    // Through JSON, as MemoryStorage does: what a turn saves is what any store could keep (no Dates, no undefined).
    const values = keys.map((key) => {
      const { eTag, ...value } = JSON.parse(JSON.stringify(changes[key] ?? {})) as Record<string, unknown>;
      return { key, eTag, value };
    });
    await this.store.transaction(async (tx) => {
      for (const { key, eTag } of values) {
        const stored = await tx.botState.get(key);
        if (stored && eTag && eTag !== '*' && eTag !== stored.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
      }
      const savedAt = this.now().toISOString();
      for (const { key, value } of values) await tx.botState.put({ key, eTag: this.newETag(), value, savedAt });
    });
  }

  /** Clears state (for example when a conversation ends); missing keys are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.store.transaction(async (tx) => {
      for (const key of keys) await tx.botState.delete(key);
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
  if (!(await store.botState.list()).some(stale)) return 0;
  return store.transaction(async (tx) => {
    // Read again inside the transaction: a turn may have saved one of them since.
    const keys = (await tx.botState.list()).filter(stale).map((item) => item.key);
    for (const key of keys) await tx.botState.delete(key);
    return keys.length;
  });
}
