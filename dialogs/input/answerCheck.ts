/**
 * Prompt validators that re-ask at most twice. A check says whether an answer is good (and what to keep) or why not;
 * `withRetryLimit` turns it into a botbuilder PromptValidator: the first two bad answers get the reason and the
 * question again, after that the bot stops repeating itself and offers help or a way out instead.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { choicePressOf } from '../../cards/choiceCard.js';
import { plainMessage, sayPlain } from './plainText.js';

/** Said for a press on the buttons of a question asked earlier (a choice question's, or where typed text is awaited). */
export const EARLIER_QUESTION = "That button belongs to an earlier question, so I haven't used it. Please answer this one.";

/** What a check decides: keep `value` (and say `notice` first, e.g. that it was cut), or refuse with a reason the person reads. */
export type AnswerVerdict<T> = { ok: true; value: T; notice?: string } | { ok: false; reason: string };

/**
 * Judges one recognised answer; `recognized.succeeded` is false when the activity had no usable text (a card submit, a file).
 * `validations` is the prompt's PromptOptions.validations: what the step knew when it asked (e.g. addresses already given).
 */
export type AnswerCheck<In, Out = In> = (
  recognized: PromptRecognizerResult<In>,
  context: TurnContext,
  validations?: unknown,
) => AnswerVerdict<Out> | Promise<AnswerVerdict<Out>>;

/** How many times a question is asked again after a bad answer before the bot offers help instead. */
export const MAX_REASKS = 2;

/** What the bot says once it has asked twice again and gives up on a question. */
export const TROUBLE_MESSAGE =
  "I'm having trouble with this one. Type help to see what I can do and how to contact the UCP helpdesk, " +
  'or cancel to stop: nothing will be sent.';

/** What a person sees when an answer came as a card button or a file where typed text was needed. */
export function noTextReason(context: TurnContext): string {
  // A choice button from a question already answered: say so, rather than ask for typing as if nothing made sense.
  if (choicePressOf(context.activity.value)) return EARLIER_QUESTION;
  return (context.activity.attachments?.length ?? 0) > 0
    ? "I can't use a file here. Please type your answer as a message."
    : 'Please type your answer as a message.';
}

function promptText(prompt: PromptOptions['prompt']): string {
  if (typeof prompt === 'string') return prompt;
  return (prompt as Partial<Activity> | undefined)?.text ?? '';
}

/**
 * Used for every prompt in the manager's conversations: wraps a check so that a bad answer is re-asked (reason, then the
 * question) at most MAX_REASKS times; from the third bad answer on, the reason comes with TROUBLE_MESSAGE and the prompt
 * waits without repeating itself. A good answer replaces the recognised value with the check's (trimmed, cut …).
 */
export function withRetryLimit<In, Out = In>(check: AnswerCheck<In, Out>): PromptValidator<In> {
  return async (prompt) => {
    const verdict = await check(prompt.recognized, prompt.context, prompt.options.validations);
    if (verdict.ok) {
      // The prompt returns recognized.value to the step, so the check's cleaned value is what the dialog keeps.
      (prompt.recognized as PromptRecognizerResult<unknown>).value = verdict.value;
      if (verdict.notice) await sayPlain(prompt.context, verdict.notice);
      return true;
    }
    if (prompt.attemptCount <= MAX_REASKS) {
      // The prompt sends retryPrompt itself (a ChoicePrompt adds its buttons to it), because nothing was sent yet this turn.
      const question = promptText(prompt.options.prompt);
      prompt.options.retryPrompt = plainMessage(question ? `${verdict.reason}\n${question}` : verdict.reason);
      return false;
    }
    // Sending here means the prompt does not repeat the question again.
    await sayPlain(prompt.context, verdict.reason, TROUBLE_MESSAGE);
    return false;
  };
}
