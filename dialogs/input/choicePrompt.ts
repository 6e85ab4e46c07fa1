/**
 * The prompt for every choice question. It asks with an Adaptive Card of Action.Submit buttons (cards/choiceCard.ts)
 * and recognises, in this one place, both a button press (`activity.value` { choice, question }, which botbuilder's
 * ChoicePrompt would not see: it reads only activity.text) and a typed answer (dialogs/input/choiceMatch.ts).
 * Each time a question is asked it gets an id, carried by its buttons: a press on an earlier question's card is
 * refused, never taken as an answer to this one.
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypes, InputHints, type Activity, type TurnContext } from 'botbuilder';
import { Prompt, type FoundChoice, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { choiceCardAttachment, choicePressOf } from '../../cards/choiceCard.js';
import { matchTypedChoice, type ChoiceMatch, type MatchableChoice } from './choiceMatch.js';
import type { ChoiceQuestionOptions } from './choiceOptions.js';

/** Why nothing was picked, for the check's reason (dialogs/input/choiceAnswer.ts). */
export interface ChoiceMiss {
  why: Exclude<ChoiceMatch, { ok: true }>['why'] | 'stale';
  /** The titles an ambiguous answer fits. */
  candidates?: string[];
  /** How many options there are (for "type a number from 1 to …"). */
  count: number;
  /** Whether typed numbers answer a quantity. */
  quantity: boolean;
}

/** What the prompt recognised; `miss` is set when something was sent but picked nothing. */
export type ChoiceRecognized = PromptRecognizerResult<FoundChoice> & { miss?: ChoiceMiss };

interface QuestionState {
  questionId?: string;
}

/** The options as buttons; copes with choices stored before titles existed (plain strings, botbuilder Choice objects). */
export function buttonsOf(options: PromptOptions): MatchableChoice[] {
  return (options.choices ?? []).map((choice) => {
    if (typeof choice === 'string') return { title: choice, value: choice };
    const stored = choice as { value: string; title?: string; synonyms?: readonly string[]; action?: { title?: string } };
    return {
      title: stored.title ?? stored.action?.title ?? stored.value,
      value: stored.value,
      ...(stored.synonyms ? { synonyms: stored.synonyms } : {}),
    };
  });
}

function promptText(prompt: PromptOptions['prompt']): string {
  if (typeof prompt === 'string') return prompt;
  return (prompt as Partial<Activity> | undefined)?.text ?? '';
}

/** Used instead of botbuilder's ChoicePrompt, with choiceOptions(…) and withRetryLimit(choiceAnswer()). */
export class ButtonChoicePrompt extends Prompt<FoundChoice> {
  constructor(dialogId: string, validator?: PromptValidator<FoundChoice>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = state as QuestionState;
    question.questionId ??= randomUUID();
    const text = promptText(isRetry && options.retryPrompt ? options.retryPrompt : options.prompt);
    const choices = buttonsOf(options).map(({ title, value }) => ({ title, value }));
    await context.sendActivity({
      type: ActivityTypes.Message,
      inputHint: InputHints.ExpectingInput,
      attachments: [choiceCardAttachment({ question: text, choices, questionId: question.questionId })],
    });
  }

  protected async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<ChoiceRecognized> {
    const choices = buttonsOf(options);
    const numbers = (options as ChoiceQuestionOptions).numbers;
    const miss = (why: ChoiceMiss['why'], candidates?: number[]): ChoiceRecognized => ({
      succeeded: false,
      miss: {
        why,
        count: choices.length,
        quantity: typeof numbers === 'object',
        ...(candidates ? { candidates: candidates.map((i) => choices[i].title) } : {}),
      },
    });
    const picked = (index: number): ChoiceRecognized => ({ succeeded: true, value: { value: choices[index].value, index, score: 1 } });
    const press = choicePressOf(context.activity.value);
    if (press) {
      const index = choices.findIndex((choice) => choice.value === press.choice);
      return press.question === (state as QuestionState).questionId && index >= 0 ? picked(index) : miss('stale');
    }
    const text = context.activity.text;
    if (typeof text !== 'string' || text.trim() === '') return { succeeded: false };
    const match = matchTypedChoice(text, choices, numbers);
    return match.ok ? picked(match.index) : miss(match.why, match.candidates);
  }
}
