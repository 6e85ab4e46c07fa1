/**
 * Messages sent as plain text. Teams renders markdown and some HTML in a bot's message, so anything that may carry
 * what a person typed (a name, an e-mail address, `**bold**`, `<b>`, `${…}`) goes out with textFormat 'plain' and
 * reads exactly as typed. The dialogs send every message this way, so nobody has to decide case by case.
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { linesCardAttachment } from '../../cards/linesCard.js';

/** A plain-text message activity; used for prompts (PromptOptions.prompt/retryPrompt) and replies. */
export function plainMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' };
}

/**
 * The reply for some lines (a text may hold several lines): one line is a plain-text message; more
 * than one is a small card of lines (cards/linesCard.ts), because Teams runs a plain message's line breaks together into
 * one paragraph and a status or a list would read as one run-on sentence. An empty line starts a paragraph.
 */
export function plainReply(...lines: string[]): Partial<Activity> {
  const text = lines.filter((line) => line !== '').join('\n');
  if (!text.includes('\n')) return plainMessage(text);
  return { type: ActivityTypes.Message, attachments: [linesCardAttachment(lines)] };
}

/** Sends lines as one reply, each on its own line (see plainReply); used for every reply the dialogs write. */
export async function sayPlain(context: TurnContext, ...lines: string[]): Promise<void> {
  await context.sendActivity(plainReply(...lines));
}
