/**
 * What the bot may tell people about the UCP helpdesk, and nothing more: its hours come from source 001, how to reach it
 * from configuration (else source 000's contact page), and a time to expect only when a target is configured. Pure.
 */

/** The configured facts (bot/config.ts: HELPDESK_TARGET_WORKING_DAYS, UCP_SUPPORT_CONTACT); both unset by default. */
export interface HelpdeskFacts {
  /** The helpdesk's agreed target, in working days; undefined: no promise is made, only that it will be in touch. */
  targetWorkingDays?: number;
  /** How to reach the UCP support team (phone, address or web page), as the operator configured it. */
  supportContact?: string;
}

/** Source 001: "Monday to Friday, 9AM to 5PM except for any public/bank holidays". */
export const HELPDESK_HOURS = 'Monday to Friday, 9am to 5pm, except bank holidays';

/**
 * "the UCP Support team: 020 …" or, when nothing is configured, the contact page source 000 points to ("You can contact
 * the UCP Support team here: Contact – Urgent Care Plan (onelondon.online)"): named, never given an invented address.
 */
export function supportContact(facts: HelpdeskFacts): string {
  const configured = facts.supportContact?.trim();
  if (configured) return `the UCP Support team: ${configured}`;
  return 'the UCP Support team through the Contact page of the UCP website (onelondon.online)';
}

/**
 * Two short sentences for wherever the manager is told to ask the helpdesk: who to contact, and when it is open. The hours
 * are left out (`withHours: false`) where the same message already gives them, so nobody reads them twice.
 */
export function contactSentence(facts: HelpdeskFacts, { withHours = true } = {}): string {
  const contact = `You can contact ${supportContact(facts)}.`;
  return withHours ? `${contact} The helpdesk is open ${HELPDESK_HOURS}.` : contact;
}

/**
 * "usually within 3 working days (by about Thursday 5 March)" when a target is configured; otherwise how the helpdesk
 * will be in touch, in its working hours. `by` turns a number of working days from now into a London date.
 */
export function helpdeskTiming(facts: HelpdeskFacts, by: (workingDays: number) => string, after = 0): string {
  const days = facts.targetWorkingDays;
  if (days === undefined) return `in its working hours (${HELPDESK_HOURS})`;
  return `usually within ${days} working day${days === 1 ? '' : 's'} (by about ${by(after + days)})`;
}
