/** Prompt options for a choice question: the question, its options (a short button title each) and what a typed number means. */
import type { PromptOptions } from 'botbuilder-dialogs';
import type { ChoiceNumbers } from './choiceMatch.js';
import { plainMessage } from './plainText.js';

/**
 * One option. `value` is what the dialog gets back (FoundChoice.value) and compares with its constants; `title` is the
 * button, short enough for Teams to show whole (about 20 characters: put the detail in the question); `synonyms` are
 * other words a person may type for it. Typing the value or the title also picks it.
 */
export interface ButtonChoice {
  value: string;
  title?: string;
  synonyms?: string[];
}

/** PromptOptions as the choice prompt (dialogs/input/choicePrompt.ts) reads them; kept in dialog state, so plain JSON only. */
export interface ChoiceQuestionOptions extends PromptOptions {
  choices: ButtonChoice[];
  /** Unset: a typed number picks nothing (the buttons are not numbered). See ChoiceNumbers. */
  numbers?: ChoiceNumbers;
}

/** Used for every choice question; a plain string is an option whose title is its value. */
export function choiceOptions(
  question: string,
  choices: readonly (string | ButtonChoice)[],
  options: { numbers?: ChoiceNumbers } = {},
): ChoiceQuestionOptions {
  return {
    prompt: plainMessage(question),
    choices: choices.map((choice) =>
      typeof choice === 'string' ? { value: choice } : { ...choice, ...(choice.synonyms ? { synonyms: [...choice.synonyms] } : {}) },
    ),
    ...(options.numbers ? { numbers: options.numbers } : {}),
  };
}
