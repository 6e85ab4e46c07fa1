import { describe, expect, it } from '@jest/globals';
import { ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createAdapter, failuresKey, recoverFromTurnErrors, SORRY_MESSAGE, STARTED_AGAIN_MESSAGE } from '../../bot/teams/adapter.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { BotStateStorage } from '../../bot/teams/botStateStorage.js';
import { useStoreFolder } from '../helpers/storeFixtures.js';

const folder = useStoreFolder();

describe('when a turn fails', () => {
  it('keeps the conversation after one failure, and clears it only when the next turn fails too', async () => {
    const store = await folder.open();
    const state = new ConversationState(new BotStateStorage(store));
    const adapter = createAdapter(loadConfig({}), createLogger('error', () => undefined));
    recoverFromTurnErrors(adapter, state, store);
    const sent: string[] = [];
    const test = new TestAdapter(async () => undefined);
    const activity = { type: 'message', text: 'Islington', channelId: 'msteams', conversation: { id: 'a:1on1' }, from: { id: '29:grace' }, recipient: { id: 'bot' } } as Activity;
    const contextFor = async () => {
      const context = new TurnContext(test, { ...activity });
      context.onSendActivities(async (_ctx, activities, next) => {
        sent.push(...activities.map((a) => String(a.text)));
        return next();
      });
      return context;
    };

    // A conversation half way through: something saved in its state.
    const first = await contextFor();
    await state.createProperty<{ step: number }>('dialogState').set(first, { step: 4 });
    await state.saveChanges(first);

    await adapter.onTurnError(await contextFor(), new Error('Teams said 429'));
    expect(sent).toEqual([SORRY_MESSAGE]);
    const kept = await contextFor();
    expect(await state.createProperty<{ step: number }>('dialogState').get(kept)).toEqual({ step: 4 });
    expect(store.read((data) => data.settings[failuresKey('a:1on1')])).toBe(1);

    await adapter.onTurnError(await contextFor(), new Error('Teams said 429 again'));
    expect(sent).toEqual([SORRY_MESSAGE, SORRY_MESSAGE, STARTED_AGAIN_MESSAGE]);
    const cleared = await contextFor();
    expect(await state.createProperty<{ step: number }>('dialogState').get(cleared)).toBeUndefined();
    expect(store.read((data) => data.settings[failuresKey('a:1on1')])).toBeUndefined();
  });
});
