/** What the leavers conversation says. Names and addresses people typed are shown as typed (the messages are plain text). */
import type { Leaver } from '../../data/model.js';
import { longDay } from './leaverRules.js';
import type { PartialOrganisation } from './leaverOrganisation.js';

export const LEAVERS_HELP =
  'I am collecting the people whose Universal Care Plan (UCP) accounts should be switched off: their name, ' +
  'work e-mail address and last working day. Nothing is sent until you choose Send the request.';
export const ASK_ODS_CODE =
  "Let's get the accounts of people who have left switched off. First, what is your organisation's ODS code? " +
  'It is 3 to 6 letters and numbers, like VABC1 for a care home.';
export const ASK_ORGANISATION_NAME = "What is your organisation's name?";
export const ASK_BOROUGH = 'Which London borough is your organisation in? If it is outside London, type outside London.';
export const ASK_FIRST_NAME = 'What is the full name of the person who is leaving?';
export const ASK_NEXT_NAME = "What is the next person's full name?";
export const ADD_ANOTHER = 'Add another person';
export const THATS_ALL = "That's all";
export const SEND = 'Send the request';
export const REMOVE = 'Remove someone';
export const ASK_ANOTHER = 'Is anyone else leaving?';
export const ASK_REVIEW = 'Shall I send it to the UCP helpdesk?';
export const ASK_WHICH = 'Which number should I take off the list?';
export const LIST_FULL = (max: number) =>
  `That's ${max} people, the most I can take in one request. You can send another request afterwards.`;
export const NOBODY_LEFT = "There's nobody on the request now, so let's add someone.";
export const OUTSIDE_LONDON =
  "Thank you. I'll send the request with your organisation's ODS code and name, and the helpdesk will confirm the details with you.";
export const FUTURE_DAYS = 'For anyone whose last working day is still to come, the account is switched off after that day.';
export const STATUS_HINT = 'You can type status at any time to see where it has got to.';
export const SEND_FAILED = 'Nothing was sent.';

/** "What is Sam Jones's work e-mail address …?" */
export function askEmail(name: string): string {
  return `What is ${name}'s work e-mail address (the one their UCP account uses)?`;
}

/** "What is (or was) Sam Jones's last working day? …" */
export function askLastDay(name: string, example: string): string {
  return `What is (or was) ${name}'s last working day? For example ${example}, or type today.`;
}

/** One leaver on one line. */
export function leaverLine(leaver: Leaver): string {
  return `${leaver.name}, ${leaver.email}, last working day ${longDay(leaver.lastWorkingDay)}`;
}

/** "I have VN4K2 as Rosewood Court Care Home." */
export function organisationFound(org: PartialOrganisation): string {
  return `I have ${org.odsCode} as ${org.name ?? 'your organisation'}.`;
}

/** The review: the organisation and a numbered list of the people. */
export function reviewText(org: PartialOrganisation, leavers: readonly Leaver[]): string[] {
  const name = org.name ? `${org.name} (${org.odsCode})` : org.odsCode;
  return [
    'Here is your request to switch off UCP accounts:',
    `Organisation: ${name}`,
    `People leaving (${leavers.length}):`,
    ...leavers.map((leaver, i) => `${i + 1}. ${leaverLine(leaver)}`),
  ];
}

/** What happens next; `timing` is helpdeskTiming's (a configured target's date, else the helpdesk's working hours). */
export function sentText(ticketId: string, count: number, timing: string, anyFutureDay: boolean): string[] {
  const people = count === 1 ? '1 person' : `${count} people`;
  return [
    `Thank you. I've sent your request to switch off the accounts of ${people} to the UCP helpdesk. Its reference is ${ticketId}.`,
    `What happens next: the helpdesk switches the accounts off, ${timing}.`,
    ...(anyFutureDay ? [FUTURE_DAYS] : []),
    STATUS_HINT,
  ];
}
