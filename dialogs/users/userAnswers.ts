/** Answer checks for one member of staff: a registration number for a chosen body, and a work e-mail for a new account. */
import { accreditedDomainSet, checkEmail, type EmailCheck } from '../../data/rules/email.js';
import { checkRegistration, type RegistrationBody } from '../../data/rules/registration.js';
import type { Store } from '../../data/store/store.js';
import type { AnswerCheck } from '../input/answerCheck.js';
import { noTextReason } from '../input/answerCheck.js';
import { cutText, MAX_NAME_LENGTH } from '../input/textLimits.js';
import { sameAddress } from './userDraft.js';
import { DUPLICATE_EMAIL, sharedMailboxAdvice, type UsersOrganisation } from './usersMessages.js';

/** What a step asking for a registration number passes as the prompt's validations. */
export interface RegistrationValidations {
  body: RegistrationBody;
}

/** Used for a clinical person's registration number: the body's format (data/rules/registration.ts), tidied. */
export function registrationNumberAnswer(): AnswerCheck<string, string> {
  return (recognized, context, validations) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    const { body } = validations as RegistrationValidations;
    const checked = checkRegistration(body, cutText(recognized.value, MAX_NAME_LENGTH).text);
    return checked.outcome === 'ok' ? { ok: true, value: checked.number } : { ok: false, reason: checked.message };
  };
}

/** What a step asking for an e-mail passes as the prompt's validations: the addresses already on the request, and whose staff they are. */
export interface EmailValidations {
  otherEmails: string[];
  organisation?: UsersOrganisation;
}

/** An address that may have an account, and what the manager still has to confirm about it. */
export interface AcceptedEmail {
  address: string;
  /** What the manager is asked to confirm: the domain's appropriate use, that the address is this person's own, or both. */
  confirmation?: string;
  /** False when only the helpdesk's check is asked for: the domain itself is accepted, so there is no appropriate-use confirmation. */
  domainConfirmation?: boolean;
  /** For the helpdesk: check the address is this one person's before making the account. */
  helpdeskNote?: string;
}

function acceptedEmail(checked: Exclude<EmailCheck, { outcome: 'refused' }>): AcceptedEmail {
  switch (checked.outcome) {
    case 'accepted':
      return { address: checked.address };
    case 'needsConfirmation':
      return { address: checked.address, confirmation: checked.message };
    case 'needsHelpdesk':
      return {
        address: checked.address,
        confirmation: [checked.message, checked.domainConfirmation].filter(Boolean).join(' '),
        domainConfirmation: checked.domainConfirmation !== undefined,
        helpdeskNote: checked.helpdeskNote,
      };
  }
}

/**
 * Used for each person's work e-mail: checkEmail with the imported accredited domains and the organisation (so its
 * shared mailboxes are seen, and refused with the NHSmail routes), and no address twice on one request.
 */
export function newAccountEmailAnswer(store: Store): AnswerCheck<string, AcceptedEmail> {
  return async (recognized, context, validations) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    const accreditedDomains = accreditedDomainSet(await store.reference.accreditedDomains());
    const { otherEmails = [], organisation } = (validations as EmailValidations | undefined) ?? {};
    const checked = checkEmail(recognized.value, { accreditedDomains, organisation });
    if (checked.outcome === 'refused') {
      const advice = checked.reason === 'generic' ? sharedMailboxAdvice(organisation?.type) : [];
      return { ok: false, reason: [checked.message, ...advice].join('\n') };
    }
    if (otherEmails.some((other) => sameAddress(other, checked.address))) return { ok: false, reason: DUPLICATE_EMAIL };
    return { ok: true, value: acceptedEmail(checked) };
  };
}

/** What a step asking for a person's number passes as the prompt's validations. */
export interface NumberValidations {
  count: number;
}

/** Used to pick someone from a long list by their number: a whole number from 1 to the count; returns the index (from 0). */
export function listNumberAnswer(): AnswerCheck<string, number> {
  return (recognized, context, validations) => {
    if (!recognized.succeeded || typeof recognized.value !== 'string') return { ok: false, reason: noTextReason(context) };
    const { count } = validations as NumberValidations;
    const typed = recognized.value.trim().replace(/^#|\.$/g, '');
    const number = /^\d{1,4}$/.test(typed) ? Number(typed) : NaN;
    return number >= 1 && number <= count
      ? { ok: true, value: number - 1 }
      : { ok: false, reason: `Please type a number from 1 to ${count}, as in the list.` };
  };
}
