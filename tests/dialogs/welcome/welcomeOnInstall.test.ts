import { describe, it, expect } from '@jest/globals';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { isInstallActivity, welcomeOnInstall } from '../../../dialogs/welcome/welcomeOnInstall.js';
import { adaptiveCards, readable } from '../../helpers/dialogFixtures.js';

const bot = { id: '28:bot', name: 'UCP assistant' };
const person = { id: '29:grace', name: 'Grace', aadObjectId: 'aad-grace' };

/** A TestAdapter whose turns only run welcomeOnInstall and save the state, as the host does. */
function host() {
  const state = new ConversationState(new MemoryStorage());
  const welcomed = state.createProperty<boolean>('welcomed');
  const adapter = new TestAdapter(async (context) => {
    await welcomeOnInstall(context, welcomed);
    await state.saveChanges(context);
  }, { channelId: 'msteams', recipient: bot });
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
    const replies = await host().receive({ type: ActivityTypes.ConversationUpdate, membersAdded: [bot], conversation: personal });
    expect(readable(replies)).toContain("Hello! I'm the Universal Care Plan (UCP) onboarding assistant");
    expect(adaptiveCards(replies)).toHaveLength(1);
  });

  it('greets once when Teams sends both the conversation update and the installation update', async () => {
    const teams = host();
    expect(await teams.receive({ type: ActivityTypes.InstallationUpdate, action: 'add', conversation: personal })).toHaveLength(1);
    expect(await teams.receive({ type: ActivityTypes.ConversationUpdate, membersAdded: [bot], conversation: personal })).toHaveLength(0);
  });

  it('says nothing in a channel or group chat (ICS and helpdesk channels have the bot too)', async () => {
    const channel = { id: '19:x@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' };
    expect(await host().receive({ type: ActivityTypes.ConversationUpdate, membersAdded: [bot], conversation: channel })).toHaveLength(0);
  });

  it('says nothing when someone else joins, or the app is removed', async () => {
    expect(isInstallActivity({ type: 'conversationUpdate', recipient: bot, membersAdded: [person] })).toBe(false);
    expect(isInstallActivity({ type: 'installationUpdate', action: 'remove' })).toBe(false);
    expect(isInstallActivity({ type: 'message', text: 'hi' })).toBe(false);
  });
});
