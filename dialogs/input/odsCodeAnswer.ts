/** The check for an ODS code typed at a TextPrompt: the format rules of data/rules/ods.ts, and optionally "I don't know". */
import { checkOdsCode } from '../../data/rules/ods.js';
import type { AnswerCheck } from './answerCheck.js';
import { noTextReason } from './answerCheck.js';
import { isDontKnow } from './dontKnow.js';

/** The answer: a tidy code, or null when the person said they don't know (only when allowed). */
export type OdsCodeAnswer = { code: string; description: string } | null;

/** Used wherever a manager types an ODS code; `allowUnknown` lets "I don't know" through as null (readiness). */
export function odsCodeAnswer(options: { allowUnknown?: boolean } = {}): AnswerCheck<string, OdsCodeAnswer> {
  return (recognized, context) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    if (options.allowUnknown && isDontKnow(recognized.value)) return { ok: true, value: null };
    const check = checkOdsCode(recognized.value);
    if (!check.ok) {
      const unknownHint = options.allowUnknown ? " If you don't know it, type I don't know." : '';
      return { ok: false, reason: `${check.message}${unknownHint}` };
    }
    return { ok: true, value: { code: check.code, description: check.description } };
  };
}
