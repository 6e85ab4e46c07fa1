/**
 * Messages sent as plain text. Teams renders markdown and some HTML in a bot's message, so anything that may carry
 * what a person typed (a name, an e-mail address, `**bold**`, `<b>`, `${…}`) goes out with textFormat 'plain' and
 * reads exactly as typed. The dialogs send every message this way, so nobody has to decide case by case.
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';

/** A plain-text message activity; used for prompts (PromptOptions.prompt/retryPrompt) and replies. */
export function plainMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' };
}

/** Sends lines as one plain-text message, one line each (empty lines dropped); used for every reply the dialogs write. */
export async function sayPlain(context: TurnContext, ...lines: string[]): Promise<void> {
  await context.sendActivity(plainMessage(lines.filter((line) => line !== '').join('\n')));
}
