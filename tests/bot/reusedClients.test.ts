import { describe, expect, it } from '@jest/globals';
import type { TurnContext } from 'botbuilder';
import { createAdapter, type OnboardingAdapter } from '../../bot/adapter.js';
import { loadConfig } from '../../bot/config.js';
import { capturedLogger } from './notify/notifyFixtures.js';

const message = (serviceUrl: string) => ({
  type: 'message', id: `m-${Math.random()}`, channelId: 'msteams', serviceUrl, text: 'hello',
  from: { id: '29:manager', aadObjectId: 'aad-manager' }, recipient: { id: '28:bot' },
  conversation: { id: 'a:conversation', conversationType: 'personal' }, deliveryMode: 'expectReplies',
});

/** The connector client and user-token client a turn was given, for comparing between turns. */
async function clientsOfTurn(adapter: OnboardingAdapter, serviceUrl: string): Promise<{ connector: unknown; tokens: unknown }> {
  let seen: { connector: unknown; tokens: unknown } | undefined;
  await adapter.handle('', message(serviceUrl), async (context: TurnContext) => {
    seen = { connector: context.turnState.get(adapter.ConnectorClientKey), tokens: context.turnState.get(adapter.UserTokenClientKey) };
  });
  if (!seen?.connector) throw new Error('the turn had no connector client');
  return seen;
}

describe('connector clients shared between incoming turns', () => {
  const adapter = () => createAdapter(loadConfig({}), capturedLogger().logger);

  it('gives a second turn from the same Teams service the client the first turn built', async () => {
    const a = adapter();
    const first = await clientsOfTurn(a, 'https://smba.trafficmanager.net/uk/');
    const second = await clientsOfTurn(a, 'https://smba.trafficmanager.net/uk/');
    expect(second.connector).toBe(first.connector);
    expect(second.tokens).toBe(first.tokens);
  });

  it('gives a turn from another Teams service a client of its own', async () => {
    const a = adapter();
    const uk = await clientsOfTurn(a, 'https://smba.trafficmanager.net/uk/');
    const emea = await clientsOfTurn(a, 'https://smba.trafficmanager.net/emea/');
    expect(emea.connector).not.toBe(uk.connector);
  });

  it('gives every proactive turn a fresh client, because the notifier changes the client it is given', async () => {
    const a = adapter();
    const seen: unknown[] = [];
    const reference = { serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: 'a:conversation' } } as never;
    for (let i = 0; i < 2; i++) {
      await a.continueConversationAsync('', reference, async (context) => { seen.push(context.turnState.get(a.ConnectorClientKey)); });
    }
    expect(seen[0]).toBeDefined();
    expect(seen[1]).not.toBe(seen[0]);
  });

  it('does not share clients between two adapters (two bots in one process keep their own)', async () => {
    const one = await clientsOfTurn(adapter(), 'https://smba.trafficmanager.net/uk/');
    const other = await clientsOfTurn(adapter(), 'https://smba.trafficmanager.net/uk/');
    expect(other.connector).not.toBe(one.connector);
  });
});
