/** Prompt options for a ChoicePrompt that shows its choices as buttons on every channel. */
import { ChoiceFactory, ListStyle, type PromptOptions } from 'botbuilder-dialogs';
import { plainMessage } from './plainText.js';

/**
 * Used for every choice question. botbuilder falls back to a numbered text list when any title is over 20 characters,
 * which in Teams loses the buttons; choices here are written by us (never typed text), so a hero card is always right.
 */
export function choiceOptions(question: string, choices: readonly string[]): PromptOptions {
  return { prompt: plainMessage(question), choices: ChoiceFactory.toChoices([...choices]), style: ListStyle.heroCard };
}
