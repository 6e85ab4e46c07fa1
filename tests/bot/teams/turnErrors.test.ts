import { describe, expect, it } from '@jest/globals';
import { ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createAdapter } from '../../../bot/teams/adapter.js';
import {
  forgetPastFailures,
  handleTurnErrors,
  OUTAGE_MESSAGE,
  SORRY_MESSAGE,
  STARTED_AGAIN_MESSAGE,
} from '../../../bot/teams/turnErrors.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/log.js';
import { BotStateStorage } from '../../../bot/teams/botStateStorage.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { StoreUnavailableError } from '../../../data/errors.js';

describe('when a turn fails', () => {
  it('keeps the conversation after one failure, and clears it only when the next turn fails too', async () => {
    const store = await openMemoryStore();
    const state = new ConversationState(new BotStateStorage(store));
    const adapter = createAdapter(loadConfig({}));
    handleTurnErrors(adapter, { logger: createLogger('error', () => undefined), conversationState: state, store });
    const sent: string[] = [];
    const test = new TestAdapter(async () => undefined);
    const activity = {
      type: 'message',
      text: 'Islington',
      channelId: 'msteams',
      conversation: { id: 'a:1on1' },
      from: { id: '29:grace' },
      recipient: { id: 'bot' },
    } as Activity;
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
    expect(await store.counters.turnFailures('a:1on1')).toBe(1);

    await adapter.onTurnError(await contextFor(), new Error('Teams said 429 again'));
    expect(sent).toEqual([SORRY_MESSAGE, SORRY_MESSAGE, STARTED_AGAIN_MESSAGE]);
    const cleared = await contextFor();
    expect(await state.createProperty<{ step: number }>('dialogState').get(cleared)).toBeUndefined();
    expect(await store.counters.turnFailures('a:1on1')).toBe(0);
  });
});

describe('what a failed turn leaves behind', () => {
  const activity = {
    type: 'message',
    text: 'Grace Hopper, Islington',
    channelId: 'msteams',
    conversation: { id: 'a:1on1' },
    from: { id: '29:grace', name: 'Grace Hopper' },
    recipient: { id: 'bot' },
  } as Activity;

  it('logs one line with the conversation id and the kind of error, never what the person typed or their name', async () => {
    const store = await openMemoryStore();
    const lines: string[] = [];
    const adapter = createAdapter(loadConfig({}));
    handleTurnErrors(adapter, {
      logger: createLogger('debug', (line) => lines.push(line)),
      conversationState: new ConversationState(new BotStateStorage(store)),
      store,
    });
    const context = new TurnContext(new TestAdapter(async () => undefined), { ...activity });
    context.onSendActivities(async () => []);

    await adapter.onTurnError(context, new TypeError('Grace Hopper, Islington'));

    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'error', msg: 'turn failed', error: 'TypeError', activityType: 'message', conversation: 'a:1on1' }),
    ]);
    expect(lines.join('\n')).not.toMatch(/Grace|Islington/);
  });

  it('starts the count again after a turn that works, so a later single failure keeps the conversation', async () => {
    const store = await openMemoryStore();
    await store.transaction((tx) => tx.counters.setTurnFailures('a:1on1', 1));

    await forgetPastFailures(store, new TurnContext(new TestAdapter(async () => undefined), { ...activity }));

    expect(await store.counters.turnFailures('a:1on1')).toBe(0);
  });
});

describe('a turn that fails because the database cannot be reached', () => {
  const setUp = async (type: string) => {
    const store = await openMemoryStore();
    await store.transaction((tx) => tx.counters.setTurnFailures('a:1on1', 1));
    const state = new ConversationState(new BotStateStorage(store));
    const lines: string[] = [];
    const adapter = createAdapter(loadConfig({}));
    handleTurnErrors(adapter, { logger: createLogger('debug', (line) => lines.push(line)), conversationState: state, store });
    const sent: string[] = [];
    const activity = {
      type,
      text: 'hello',
      channelId: 'msteams',
      conversation: { id: 'a:1on1' },
      from: { id: '29:grace' },
      recipient: { id: 'bot' },
    };
    const context = new TurnContext(new TestAdapter(async () => undefined), activity as Activity);
    context.onSendActivities(async (_ctx, activities) => {
      sent.push(...activities.map((a) => String(a.text)));
      return [];
    });
    const first = new TurnContext(new TestAdapter(async () => undefined), activity as Activity);
    await state.createProperty<{ step: number }>('dialogState').set(first, { step: 4 });
    await state.saveChanges(first);
    return { store, state, lines, adapter, sent, context, activity };
  };

  it('tells the person to send it again, writes nothing, and passes the error on for the 503', async () => {
    const { store, state, lines, adapter, sent, context, activity } = await setUp('message');
    const outage = new StoreUnavailableError('the database server cannot be reached (ECONNREFUSED)');

    await expect(adapter.onTurnError(context, outage)).rejects.toBe(outage);

    expect(sent).toEqual([OUTAGE_MESSAGE]);
    // Neither counted as a failed turn nor a reason to clear the conversation: the earlier count and state are as they were.
    expect(await store.counters.turnFailures('a:1on1')).toBe(1);
    const later = new TurnContext(new TestAdapter(async () => undefined), activity as Activity);
    expect(await state.createProperty<{ step: number }>('dialogState').get(later)).toEqual({ step: 4 });
    expect(lines).toEqual([]);
  });

  it('sends nothing for a card button, whose 503 Teams shows beneath the card itself', async () => {
    const { sent, adapter, context } = await setUp('invoke');
    await expect(adapter.onTurnError(context, new StoreUnavailableError('the connection was dropped'))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(sent).toEqual([]);
  });
});
