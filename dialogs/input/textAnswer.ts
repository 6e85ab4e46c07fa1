/** Checks for typed text answers: a name or title on one line, or free text; over-long answers are cut with a notice. */
import type { AnswerCheck } from './answerCheck.js';
import { noTextReason } from './answerCheck.js';
import { cutNotice, cutText, MAX_FREE_TEXT_LENGTH, MAX_NAME_LENGTH } from './textLimits.js';

export interface TextAnswerOptions {
  /** What is asked for, for the "Please type …" reason: "the person's full name". */
  what: string;
  /** Characters kept (default MAX_NAME_LENGTH for a line, MAX_FREE_TEXT_LENGTH for free text). */
  max?: number;
  /** Free text keeps its line breaks; a line (the default) has its spaces and line breaks folded into single spaces. */
  freeText?: boolean;
}

/** Used with a TextPrompt for names, titles and notes: trims, refuses empty or text-less answers, cuts over-long ones. */
export function textAnswer(options: TextAnswerOptions): AnswerCheck<string> {
  const max = options.max ?? (options.freeText ? MAX_FREE_TEXT_LENGTH : MAX_NAME_LENGTH);
  return (recognized, context) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    const tidy = options.freeText ? recognized.value.replace(/\r\n?/g, '\n').trim() : recognized.value.replace(/\s+/g, ' ').trim();
    if (tidy === '') return { ok: false, reason: `Please type ${options.what}.` };
    const kept = cutText(tidy, max);
    return kept.cut ? { ok: true, value: kept.text, notice: cutNotice(max) } : { ok: true, value: kept.text };
  };
}
