import { describe, expect, it } from '@jest/globals';
import { ConversationState, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createMetrics } from '../../../bot/metrics/metrics.js';
import { BotStateStorage } from '../../../bot/teams/botStateStorage.js';
import type { DialogTurns } from '../../../bot/teams/dialogTurns.js';
import { OnboardingBot } from '../../../bot/teams/onboardingBot.js';
import { StoreUnavailableError } from '../../../data/errors.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { sample } from '../../helpers/metricSamples.js';

const MESSAGE = {
  type: 'message',
  text: 'hello',
  channelId: 'msteams',
  conversation: { id: 'a:1on1' },
  from: { id: '29:grace' },
  recipient: { id: 'bot' },
} as Activity;

/** A bot whose conversation answers each message with `answer` (which may throw), and its metrics. */
async function botAnswering(answer: () => Promise<void>) {
  const store = await openMemoryStore();
  const metrics = createMetrics();
  const turns: DialogTurns = { remember: async () => undefined, onMessage: answer, onInstall: async () => undefined };
  const bot = new OnboardingBot(
    new ConversationState(new BotStateStorage(store)),
    store,
    turns,
    () => Promise.reject(new Error('no cards here')),
    metrics,
  );
  const run = () => bot.run(new TurnContext(new TestAdapter(async () => undefined), { ...MESSAGE }));
  const turnsCounted = (outcome: string) => sample(metrics.registry, `ucp_turns_total{type="message",outcome="${outcome}"}`);
  return { run, turnsCounted, metrics };
}

describe('turns are counted by outcome, with their duration', () => {
  it('counts a turn that worked as ok and times it', async () => {
    const { run, turnsCounted, metrics } = await botAnswering(async () => undefined);
    await run();
    expect(await turnsCounted('ok')).toBe(1);
    expect(await sample(metrics.registry, 'ucp_turn_duration_seconds_count{type="message",outcome="ok"}')).toBe(1);
  });

  it('counts a turn that threw as failed, and passes the error on to the turn error handler', async () => {
    const { run, turnsCounted } = await botAnswering(() => Promise.reject(new Error('Teams said 500')));
    await expect(run()).rejects.toThrow('Teams said 500');
    expect(await turnsCounted('failed')).toBe(1);
    expect(await turnsCounted('ok')).toBeUndefined();
  });

  it('counts a turn the database could not serve apart from the failures', async () => {
    const { run, turnsCounted } = await botAnswering(() => Promise.reject(new StoreUnavailableError('ECONNREFUSED')));
    await expect(run()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await turnsCounted('store-unavailable')).toBe(1);
    expect(await turnsCounted('failed')).toBeUndefined();
  });
});
