import { beforeEach, describe, expect, it } from '@jest/globals';
import { ConversationState, MemoryStorage, TestAdapter, type Storage } from 'botbuilder';
import { DialogSet, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { BotStateStorage, expireIdleBotState } from '../../../bot/teams/botStateStorage.js';
import type { LowdbStore } from '../../../data/store/lowdbStore.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

let store: Store;

beforeEach(async () => {
  store = await openMemoryStore();
});

describe('BotStateStorage', () => {
  it('gives back what was written, with an eTag, as a copy the turn may change freely', async () => {
    const storage = new BotStateStorage(store);
    await storage.write({ 'msteams/conversations/a:1/': { dialogState: { dialogStack: [{ id: 'readiness' }] } } });
    const { 'msteams/conversations/a:1/': item } = await storage.read(['msteams/conversations/a:1/', 'missing']);
    expect(item).toEqual({ dialogState: { dialogStack: [{ id: 'readiness' }] }, eTag: expect.any(String) });
    item.dialogState.dialogStack.push({ id: 'changed locally' });
    expect((await storage.read(['msteams/conversations/a:1/']))['msteams/conversations/a:1/'].dialogState.dialogStack).toHaveLength(1);
  });

  it('refuses a write carrying a stale eTag, like MemoryStorage, and writes none of the batch', async () => {
    const storage = new BotStateStorage(store);
    await storage.write({ conv: { step: 1 } });
    const first = (await storage.read(['conv'])).conv;
    await storage.write({ conv: { ...first, step: 2 } });

    await expect(storage.write({ other: { fresh: true }, conv: { ...first, step: 3 } })).rejects.toThrow(
      'Storage: error writing "conv" due to eTag conflict.',
    );
    expect((await storage.read(['conv'])).conv.step).toBe(2);
    expect(await storage.read(['other'])).toEqual({});
  });

  it('lets only one of two turns that read the same state save it, when both save at the same moment', async () => {
    const storage = new BotStateStorage(store);
    await storage.write({ conv: { step: 1 } });
    const read = (await storage.read(['conv'])).conv;
    const outcomes = await Promise.allSettled([
      storage.write({ conv: { ...read, step: 2 } }),
      storage.write({ conv: { ...read, step: 3 } }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((await storage.read(['conv'])).conv.step).toBe(2);
  });

  it('agrees with MemoryStorage on which writes are conflicts', async () => {
    const ours = new BotStateStorage(store);
    const theirs = new MemoryStorage();
    const outcome = async (storage: Storage, eTag: (current: string) => string | undefined) => {
      await storage.write({ k: { v: 1 } });
      const current = (await storage.read(['k'])).k.eTag as string;
      return storage.write({ k: { v: 2, eTag: eTag(current) } }).then(
        () => 'written',
        () => 'conflict',
      );
    };
    for (const eTag of [(c: string) => c, () => '*', () => undefined, () => 'stale']) {
      expect(await outcome(ours, eTag)).toBe(await outcome(theirs, eTag));
    }
  });

  it('lets the last write win for "*" or no eTag, and for a key never written', async () => {
    const storage = new BotStateStorage(store);
    await storage.write({ conv: { step: 1 } });
    await storage.write({ conv: { step: 2, eTag: '*' } });
    await storage.write({ conv: { step: 3 } });
    await storage.write({ fresh: { step: 1, eTag: 'from another store' } });
    const items = await storage.read(['conv', 'fresh']);
    expect([items.conv.step, items.fresh.step]).toEqual([3, 1]);
  });

  it('deletes keys, ignoring ones that are not there', async () => {
    const storage = new BotStateStorage(store);
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a', 'never-written']);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
  });
});

describe('BotStateStorage over the data folder', () => {
  const folder = useStoreFolder();
  let durable: LowdbStore;

  beforeEach(async () => {
    durable = await folder.open();
  });

  async function restart(): Promise<BotStateStorage> {
    await durable.close();
    durable = await folder.open();
    return new BotStateStorage(durable);
  }

  it('keeps state across a restart', async () => {
    await new BotStateStorage(durable).write({ conv: { step: 4 } });
    const storage = await restart();
    expect((await storage.read(['conv'])).conv.step).toBe(4);
  });

  it('lets a dialog started before a restart carry on after it', async () => {
    const run = async (storage: Storage, text: string): Promise<string[]> => {
      const conversationState = new ConversationState(storage);
      const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
      dialogs.add(new TextPrompt('odsPrompt'));
      dialogs.add(
        new WaterfallDialog('readiness', [
          async (step) => step.prompt('odsPrompt', 'What is your care home’s ODS code?'),
          async (step) => {
            await step.context.sendActivity(`Thank you. We will check ${String(step.result)} next.`);
            return step.endDialog();
          },
        ]),
      );
      const replies: string[] = [];
      const adapter = new TestAdapter(async (context) => {
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === 'empty') await dc.beginDialog('readiness');
        await conversationState.saveChanges(context);
      });
      adapter.onTurnError = async (_context, error) => {
        throw error;
      };
      await adapter.send(text).startTest();
      for (const activity of adapter.activeQueue) replies.push(activity.text ?? '');
      adapter.activeQueue.splice(0);
      return replies;
    };

    expect(await run(new BotStateStorage(durable), 'hello')).toEqual(['What is your care home’s ODS code?']);
    expect(await run(await restart(), 'VN4K2')).toEqual(['Thank you. We will check VN4K2 next.']);
  });
});

describe('idle conversations', () => {
  it('are forgotten after 30 days without a turn, and active ones are kept', async () => {
    let now = new Date('2026-01-01T09:00:00Z');
    const storage = new BotStateStorage(store, undefined, () => now);
    await storage.write({ 'msteams/conversations/old': { dialogState: { step: 3 } } });
    now = new Date('2026-01-25T09:00:00Z');
    await storage.write({ 'msteams/conversations/recent': { dialogState: { step: 1 } } });
    expect(await expireIdleBotState(store, new Date('2026-02-05T09:00:00Z'))).toBe(1);
    expect(Object.keys(await storage.read(['msteams/conversations/old', 'msteams/conversations/recent']))).toEqual([
      'msteams/conversations/recent',
    ]);
  });
});
