import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TurnContext } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { createAdapter, type OnboardingAdapter } from '../../../bot/teams/adapter.js';
import { loadConfig } from '../../../bot/config.js';
import { botIdentity } from '../../../bot/teams/reusedClients.js';
import { startFakeConnector, type FakeConnector } from '../../helpers/fakeConnector.js';

const message = (serviceUrl: string, deliveryMode: 'expectReplies' | 'normal' = 'expectReplies') => ({
  type: 'message',
  id: `m-${Math.random()}`,
  channelId: 'msteams',
  serviceUrl,
  text: 'hello',
  from: { id: '29:manager', aadObjectId: 'aad-manager' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:conversation', conversationType: 'personal' },
  deliveryMode,
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
  const adapter = () => createAdapter(loadConfig({}));

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
    const reference = {
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: 'msteams',
      conversation: { id: 'a:conversation' },
    } as never;
    for (let i = 0; i < 2; i++) {
      await a.continueConversationAsync('', reference, async (context) => {
        seen.push(context.turnState.get(a.ConnectorClientKey));
      });
    }
    expect(seen[0]).toBeDefined();
    expect(seen[1]).not.toBe(seen[0]);
  });

  it('does not share clients between two adapters (two bots in one process keep their own)', async () => {
    const one = await clientsOfTurn(adapter(), 'https://smba.trafficmanager.net/uk/');
    const other = await clientsOfTurn(adapter(), 'https://smba.trafficmanager.net/uk/');
    expect(other.connector).not.toBe(one.connector);
  });

  describe('with a Teams service to answer', () => {
    let connector: FakeConnector;
    beforeAll(async () => {
      connector = await startFakeConnector();
    });
    afterAll(async () => {
      await connector.close();
    });

    it('delivers the replies of two ordinary turns through the one shared client', async () => {
      const a = adapter();
      const clients: unknown[] = [];
      for (const text of ['first', 'second']) {
        await a.handle('', message(connector.url, 'normal'), async (context) => {
          clients.push(context.turnState.get(a.ConnectorClientKey));
          await context.sendActivity(`reply to the ${text} turn`);
        });
      }
      expect(clients[1]).toBe(clients[0]);
      expect(connector.posts().map((p) => (p.body as { text?: string }).text)).toEqual([
        'reply to the first turn',
        'reply to the second turn',
      ]);
    });
  });
});

describe('whose client a turn may share', () => {
  it("is the token's audience, our app id in a request from a channel, as botbuilder decides whose credentials to use", () => {
    const fromChannel = new ClaimsIdentity(
      [
        { type: 'aud', value: 'our-app-id' },
        { type: 'iss', value: 'https://api.botframework.com' },
        { type: 'serviceurl', value: 'https://smba.trafficmanager.net/uk/' },
      ],
      true,
    );
    expect(botIdentity(fromChannel)).toBe('our-app-id');
  });

  it('falls back to the appid claim (the Emulator), and is empty in local mode where nothing is signed', () => {
    expect(botIdentity(new ClaimsIdentity([{ type: 'appid', value: 'emulated-app' }], true))).toBe('emulated-app');
    expect(botIdentity(new ClaimsIdentity([], false))).toBe('');
  });
});
