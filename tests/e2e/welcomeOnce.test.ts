import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { WELCOME_INTRO } from '../../dialogs/welcome/welcomeActivity.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';

/**
 * Installing the app in a manager's 1:1 chat: Teams sends an installationUpdate and a conversationUpdate (the bot added)
 * at the same moment. Over real HTTP, both at once, the manager is welcomed once.
 */

let connector: FakeConnector;
let bot: BotProcess;

beforeAll(async () => {
  connector = await FakeConnector.start();
  bot = await startBotProcess({ TEAMS_SERVICE_URL: connector.url });
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await connector?.close();
  if (bot) rmSync(bot.dataDir, { recursive: true, force: true });
});

/** One install activity from this manager, answered in the HTTP response; resolves with the texts the bot sent. */
async function installEvent(aadObjectId: string, activity: Record<string, unknown>): Promise<string[]> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `e-${Math.random().toString(36).slice(2)}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      from: { id: `29:${aadObjectId}`, aadObjectId, name: 'Grace Adeyemi' },
      recipient: { id: '28:bot', name: 'UCP assistant' },
      conversation: { id: `a:1on1-${aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
      timestamp: new Date().toISOString(),
      ...activity,
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { activities?: { text?: string }[] };
  return (body.activities ?? []).map((a) => a.text ?? '');
}

const INSTALL = { type: 'installationUpdate', action: 'add' };
const BOT_ADDED = { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] };

describe('the welcome over real HTTP', () => {
  it.each(Array.from({ length: 10 }, (_, i) => [i + 1]))(
    'welcomes once when Teams sends the install and the member-added events at the same moment (manager %i)',
    async (n) => {
      const aad = `aad-manager-${n}`;
      const [first, second] = await Promise.all([
        installEvent(aad, n % 2 ? INSTALL : BOT_ADDED),
        installEvent(aad, n % 2 ? BOT_ADDED : INSTALL),
      ]);
      expect([...first, ...second].filter((text) => text === WELCOME_INTRO)).toHaveLength(1);
    },
    20_000,
  );

  it('does not welcome again when Teams repeats the install later', async () => {
    await installEvent('aad-manager-again', INSTALL);
    expect(await installEvent('aad-manager-again', BOT_ADDED)).toEqual([]);
    expect(await installEvent('aad-manager-again', INSTALL)).toEqual([]);
  });
});
