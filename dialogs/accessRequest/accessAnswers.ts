/** Answer checks for the access request: a postcode, and what the manager does on the summary card. */
import { readAccessSummaryPress, type AccessSummaryAction } from '../../cards/accessSummaryCard.js';
import { normaliseCommand } from '../base/menuActions.js';
import type { AnswerCheck } from '../input/answerCheck.js';
import { noTextReason } from '../input/answerCheck.js';
import { isDontKnow } from '../input/dontKnow.js';
import { OLDER_SUMMARY, POSTCODE_REFUSED, SUMMARY_REASON } from './accessMessages.js';

// The shape of a UK postcode (outward code, space optional, inward code), e.g. SE13 5AB, N1 7AB, EC1A 1BB.
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

/** Used for the organisation's postcode: tidied to "SE13 5AB"; "I don't know" is kept as '' (not given). */
export function postcodeAnswer(): AnswerCheck<string> {
  return (recognized, context) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    if (isDontKnow(recognized.value)) return { ok: true, value: '' };
    const match = POSTCODE.exec(recognized.value.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ').trim());
    return match ? { ok: true, value: `${match[1]} ${match[2]}` } : { ok: false, reason: POSTCODE_REFUSED };
  };
}

const TYPED_ACTIONS: ReadonlyMap<string, AccessSummaryAction> = new Map([
  ['submit', 'submit'],
  ['send', 'submit'],
  ['send it', 'submit'],
  ['change organisation', 'changeOrganisation'],
  ['change organisation details', 'changeOrganisation'],
  ['change organization', 'changeOrganisation'],
  ['change users', 'changeUsers'],
  ['change staff', 'changeUsers'],
  ['change people', 'changeUsers'],
]);

/** What the summary step passes as the prompt's validations: the id on the card it has just shown. */
export interface SummaryValidations {
  summaryId: string;
}

/**
 * Used with the summary card's prompt: a button press (a card submit with no text) on the card just shown, or the same
 * words typed. A press on an older summary card (before a change) is refused: it may show other details.
 */
export function summaryAnswer(): AnswerCheck<string, AccessSummaryAction> {
  return (recognized, context, validations) => {
    const pressed = readAccessSummaryPress(context.activity.value);
    if (pressed) {
      const current = (validations as SummaryValidations | undefined)?.summaryId;
      return pressed.summaryId === current ? { ok: true, value: pressed.action } : { ok: false, reason: OLDER_SUMMARY };
    }
    const typed =
      recognized.succeeded && typeof recognized.value === 'string' ? TYPED_ACTIONS.get(normaliseCommand(recognized.value)) : undefined;
    return typed ? { ok: true, value: typed } : { ok: false, reason: SUMMARY_REASON };
  };
}
