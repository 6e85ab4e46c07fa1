/** The leavers conversation's answer checks: an address not already on the list, a borough, a number from the review list. */
import { icsForBorough } from '../../data/rules/ics.js';
import { normaliseCommand } from '../base/menuActions.js';
import type { AnswerCheck } from '../input/answerCheck.js';
import { noTextReason } from '../input/answerCheck.js';
import { emailAddressAnswer } from '../input/emailAddressAnswer.js';

/** A well-formed address that is not already on this request (the prompt's validations: `{ given }`, the addresses so far). */
export function leaverEmailAnswer(): AnswerCheck<string> {
  const wellFormed = emailAddressAnswer();
  return async (recognized, context, validations) => {
    const verdict = await wellFormed(recognized, context);
    if (!verdict.ok) return verdict;
    const given = (validations as { given?: string[] } | undefined)?.given ?? [];
    return given.some((address) => address.toLowerCase() === verdict.value.toLowerCase())
      ? { ok: false, reason: 'That address is already on this request. Please give the address of the person you are adding now.' }
      : verdict;
  };
}

/** The London borough → its ICS; "outside London" → null. */
export type BoroughAnswer = { borough: string; icbCode: string } | null;

const OUTSIDE = new Set(['outside london', 'not in london', 'outside', 'none of them', 'not london']);

/** Used when the ICS could not be found from the ODS code. */
export function boroughAnswer(): AnswerCheck<string, BoroughAnswer> {
  return (recognized, context) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    if (OUTSIDE.has(normaliseCommand(recognized.value))) return { ok: true, value: null };
    const match = icsForBorough(recognized.value);
    return match
      ? { ok: true, value: { borough: match.borough, icbCode: match.ics.icbCode } }
      : {
          ok: false,
          reason: "I don't recognise that as a London borough. Please type the borough, like Lewisham or Camden, or type outside London.",
        };
  };
}

/** A number from 1 to the length of the list (the prompt's validations: `{ count }`). */
export function listNumberAnswer(): AnswerCheck<string, number> {
  return (recognized, context, validations) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    const count = (validations as { count?: number } | undefined)?.count ?? 0;
    const n = Number(recognized.value.trim().replace(/^#|\.$/g, ''));
    return Number.isInteger(n) && n >= 1 && n <= count
      ? { ok: true, value: n }
      : { ok: false, reason: `Please type a number from 1 to ${count}.` };
  };
}
