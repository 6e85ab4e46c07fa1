/** The check for a ChoicePrompt: a button pressed or a choice typed; anything else is re-asked. */
import type { FoundChoice } from 'botbuilder-dialogs';
import type { AnswerCheck } from './answerCheck.js';

/** Used with every ChoicePrompt; the reason never repeats what was typed (Teams shows it inside the card's text). */
export function choiceAnswer(): AnswerCheck<FoundChoice> {
  return (recognized) => recognized.succeeded && recognized.value !== undefined
    ? { ok: true, value: recognized.value }
    : { ok: false, reason: "Sorry, I didn't catch which one you meant. Please press one of the buttons, or type one of the options." };
}
