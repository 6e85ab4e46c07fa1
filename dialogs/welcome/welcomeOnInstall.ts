/**
 * The welcome when the app is installed in a manager's 1:1 chat. Teams sends both a conversationUpdate (the bot added)
 * and an installationUpdate (add) for one install, often at the same moment, so an atomic check-and-set in the store
 * (bot/teams/conversationReferences.ts claimWelcome) lets only the first one speak.
 * Channels and group chats (ICS and helpdesk channels have the bot too) never get the manager's welcome.
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { welcomeActivity } from './welcomeActivity.js';

/** True in a person's 1:1 chat with the bot (Teams says "personal"; the Emulator and Playground may say nothing). */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return (type === 'personal' || type === undefined) && activity.conversation?.isGroup !== true;
}

/** True for the activities that mean "the app was just installed here": the bot among the members added, or installationUpdate add. */
export function isInstallActivity(activity: Partial<Activity>): boolean {
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const botId = activity.recipient?.id;
    return botId !== undefined && (activity.membersAdded ?? []).some((member) => member.id === botId);
  }
  if (activity.type === ActivityTypes.InstallationUpdate) {
    return activity.action === 'add' || activity.action === 'add-upgrade';
  }
  return false;
}

/**
 * On conversationUpdate and installationUpdate: sends the welcome once per 1:1 chat. `claim` is the
 * check-and-set: true only for the first install activity of the conversation, however many arrive at once.
 * Returns whether it sent it.
 */
export async function welcomeOnInstall(context: TurnContext, claim: (activity: Partial<Activity>) => Promise<boolean>): Promise<boolean> {
  if (!isPersonalChat(context.activity) || !isInstallActivity(context.activity)) return false;
  if (!(await claim(context.activity))) return false;
  await context.sendActivity(welcomeActivity());
  return true;
}
