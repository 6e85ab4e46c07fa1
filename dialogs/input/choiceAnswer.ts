/** The check for a choice question: a button pressed or an option typed; anything else is re-asked, saying why. */
import type { FoundChoice } from 'botbuilder-dialogs';
import { EARLIER_QUESTION, type AnswerCheck } from './answerCheck.js';
import type { ChoiceMiss, ChoiceRecognized } from './choicePrompt.js';

const NOT_CAUGHT = "Sorry, I didn't catch which one you meant. Please press one of the buttons, or type one of the options.";

function or(titles: readonly string[]): string {
  return titles.length <= 1 ? titles.join('') : `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}`;
}

/** The reason a person reads; it never repeats what was typed (Teams shows it inside the card's text). */
export function choiceReason(miss: ChoiceMiss | undefined): string {
  switch (miss?.why) {
    case 'stale':
      return EARLIER_QUESTION;
    case 'ambiguous':
      return `That could be ${or(miss.candidates ?? [])}. Please press the one you mean.`;
    case 'numberNotShown':
      return "The options aren't numbered, so please press one of the buttons, or type the words on it.";
    case 'numberOutOfRange':
      return miss.quantity
        ? 'Please type how many, from 1 up, or press one of the buttons.'
        : `Please type a number from 1 to ${miss.count}, or press one of the buttons.`;
    default:
      return NOT_CAUGHT;
  }
}

/** Used with every choice prompt (dialogs/input/choicePrompt.ts). */
export function choiceAnswer(): AnswerCheck<FoundChoice> {
  return (recognized) =>
    recognized.succeeded && recognized.value !== undefined
      ? { ok: true, value: recognized.value }
      : { ok: false, reason: choiceReason((recognized as ChoiceRecognized).miss) };
}
