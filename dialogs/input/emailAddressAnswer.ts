/**
 * The check for an e-mail address that only has to be a well-formed address (a leaver's existing account). Whether a
 * NEW account may use it (personal, shared, confirmation) is data/rules/email.ts checkEmail's job.
 */
import { checkEmail } from '../../data/rules/email.js';
import type { AnswerCheck } from './answerCheck.js';
import { noTextReason } from './answerCheck.js';

/** Used with a TextPrompt; keeps the address as checkEmail tidies it (domain in lower case), refuses malformed ones with the reason. */
export function emailAddressAnswer(): AnswerCheck<string> {
  return (recognized, context) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    const typed = recognized.value.trim();
    // The domain policy is irrelevant here; only "is it an address?" matters, so an empty accredited list is enough.
    const check = checkEmail(typed, { accreditedDomains: new Set() });
    if (check.outcome === 'refused' && check.reason === 'malformed') return { ok: false, reason: check.message };
    const at = typed.lastIndexOf('@');
    return { ok: true, value: `${typed.slice(0, at)}@${typed.slice(at + 1).toLowerCase()}` };
  };
}
