/**
 * Every message the bot writes goes out as plain text. Teams renders markdown and some HTML in a message's text, and
 * much of what the bot sends carries what a person typed: a manager's answers, the reason an ICS lead or the helpdesk
 * gave, names in a digest. Deciding message by message which texts are "entirely ours" is how one gets missed, so the
 * adapter decides once for every turn, incoming or proactive: a message activity with text, sent or updated, is
 * marked `textFormat: 'plain'`. Cards are unaffected (their typed text is already in TextRuns: cards/README.md).
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';

/** Marks one outgoing activity as plain text when it is a message with text; anything else is left as it is. */
export function markPlainText(activity: Partial<Activity>): void {
  const isMessage = activity.type === undefined || activity.type === 'message';
  if (isMessage && typeof activity.text === 'string' && activity.text !== '') activity.textFormat = 'plain';
}

/**
 * Registered once on the adapter (bot/teams/adapter.ts createAdapter). The adapter runs its middleware for incoming turns and
 * for proactive ones (continueConversationAsync: the notifier, ticket cards, reminders), so nothing sent through it
 * escapes, whoever built the activity.
 */
export const plainTextOutbound: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_context, activities, send) => {
      activities.forEach(markPlainText);
      return send();
    });
    context.onUpdateActivity(async (_context, activity, update) => {
      markPlainText(activity);
      return update();
    });
    await next();
  },
};
