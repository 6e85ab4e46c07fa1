/**
 * A choice question as an Adaptive Card: the question's lines, then one Action.Submit button per option, each on its
 * own row (a row of buttons side by side is what Teams cuts short). A press sends `{ choice, question }`: the option's
 * value and the id of the question it belongs to, so a press on an earlier question's card is told apart
 * (dialogs/input/choicePrompt.ts reads it). Imback buttons are not used: the Agents Playground ignores them.
 */
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { CardJson } from './cardTemplates.js';

/** What a choice button sends, in `activity.value`. */
export interface ChoicePress {
  choice: string;
  question: string;
}

/** What the card shows: the question (one line each) and each option's button title and value. */
export interface ChoiceQuestionCard {
  question: string;
  choices: readonly { title: string; value: string }[];
  questionId: string;
}

let template: ACData.Template | undefined;

/** The template as stored, before any data is bound. */
export function readChoiceQuestionTemplate(): CardJson {
  return JSON.parse(readFileSync(new URL('./templates/choiceQuestion.json', import.meta.url), 'utf8')) as CardJson;
}

/** The card JSON for one choice question. */
export function buildChoiceCard(input: ChoiceQuestionCard): CardJson {
  template ??= new ACData.Template(readChoiceQuestionTemplate());
  const lines = input.question
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const choices = input.choices.map(({ title, value }) => ({ title, value }));
  return template.expand({ $root: { lines, choices, questionId: input.questionId } }) as CardJson;
}

/** The card as a message attachment; sent by the choice prompt for every choice question. */
export function choiceCardAttachment(input: ChoiceQuestionCard): Attachment {
  return CardFactory.adaptiveCard(buildChoiceCard(input));
}

/** The press a card submit carries, when it is a choice button's; anything else (a menu button, a typed message) is undefined. */
export function choicePressOf(value: unknown): ChoicePress | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { choice, question } = value as Record<string, unknown>;
  return typeof choice === 'string' && typeof question === 'string' ? { choice, question } : undefined;
}
