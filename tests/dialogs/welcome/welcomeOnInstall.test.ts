import { describe, it, expect } from '@jest/globals';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { claimWelcome, rememberConversation } from '../../../bot/teams/conversationReferences.js';
import { createLogger } from '../../../bot/log.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { isInstallActivity, welcomeOnInstall } from '../../../dialogs/welcome/welcomeOnInstall.js';
import { adaptiveCards, readable } from '../../helpers/dialogFixtures.js';

const bot = { id: '28:bot', name: 'UCP assistant' };
const person = { id: '29:grace', name: 'Grace', aadObjectId: 'aad-grace' };

const quiet = createLogger('error', () => undefined);

/** A TestAdapter whose turns remember the conversation and run welcomeOnInstall with the store's claim, as the host does. */
function host(store: Store) {
  const adapter = new TestAdapter(
    async (context) => {
      await rememberConversation(store, context.activity, quiet);
      await welcomeOnInstall(context, (activity) => claimWelcome(store, activity));
    },
    { channelId: 'msteams', recipient: bot },
  );
  return {
    async receive(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
      await adapter.receiveActivity({ recipient: bot, from: person, ...activity });
      return adapter.activityBuffer.splice(0);
    },
  };
}

const personal = { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' };

describe('the welcome on install', () => {
  it('greets with the welcome card when the bot is added to a 1:1 chat', async () => {
    const replies = await host(await openMemoryStore()).receive({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [bot],
      conversation: personal,
    });
    expect(readable(replies)).toContain("Hello! I'm the Universal Care Plan (UCP) onboarding assistant");
    expect(adaptiveCards(replies)).toHaveLength(1);
  });

  it('greets once when Teams sends both the conversation update and the installation update', async () => {
    const teams = host(await openMemoryStore());
    expect(await teams.receive({ type: ActivityTypes.InstallationUpdate, action: 'add', conversation: personal })).toHaveLength(1);
    expect(await teams.receive({ type: ActivityTypes.ConversationUpdate, membersAdded: [bot], conversation: personal })).toHaveLength(0);
  });

  it('lets only the first of several claims at the same moment welcome, and keeps the mark when the conversation is remembered again', async () => {
    const store = await openMemoryStore();
    const install = {
      type: ActivityTypes.InstallationUpdate,
      action: 'add',
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/uk/',
      recipient: bot,
      from: person,
      conversation: personal,
    } as Activity;
    await rememberConversation(store, install, quiet);
    const claims = await Promise.all([claimWelcome(store, install), claimWelcome(store, install), claimWelcome(store, install)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await rememberConversation(store, { ...install, serviceUrl: 'https://smba.example/emea/' } as Activity, quiet);
    expect(await claimWelcome(store, install)).toBe(false);
  });

  it('does not claim a welcome for a conversation it could not remember (the first message welcomes instead)', async () => {
    expect(await claimWelcome(await openMemoryStore(), { type: 'installationUpdate', from: person, conversation: personal })).toBe(false);
  });

  it('says nothing in a channel or group chat (ICS and helpdesk channels have the bot too)', async () => {
    const channel = { id: '19:x@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' };
    expect(
      await host(await openMemoryStore()).receive({ type: ActivityTypes.ConversationUpdate, membersAdded: [bot], conversation: channel }),
    ).toHaveLength(0);
  });

  it('says nothing when someone else joins, or the app is removed', async () => {
    expect(isInstallActivity({ type: 'conversationUpdate', recipient: bot, membersAdded: [person] })).toBe(false);
    expect(isInstallActivity({ type: 'installationUpdate', action: 'remove' })).toBe(false);
    expect(isInstallActivity({ type: 'message', text: 'hi' })).toBe(false);
  });
});
