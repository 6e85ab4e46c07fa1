/** What the users conversation says. Typed names and titles go out only in plain-text messages, never in card text. */
import { DIGITAL_SOCIAL_CARE_HELPLINE } from '../../data/rules/sourceContacts.js';
import type { UcpRole } from '../../data/model.js';
import type { MailboxOrganisation } from '../../data/rules/email.js';
import { isNhsOrganisation, type OrganisationType } from '../../data/rules/organisationTypes.js';
import { nhsmailRoutes } from '../readiness/nhsmailRoutes.js';

/** Whose staff these are: its name and ODS code mark its shared mailboxes; its type picks the NHSmail routes to offer. */
export interface UsersOrganisation extends MailboxOrganisation {
  type?: OrganisationType;
}

export const USERS_HELP =
  "I'm collecting the staff who need Universal Care Plan (UCP) access: each person's name, job title, registration if they are " +
  'clinical, and work e-mail address. For ten or more people you can send a spreadsheet instead. Nothing is sent until you press Submit on the summary.';

export const ASK_HOW_MANY = 'How many members of staff need access?';
export const FEWER_THAN_TEN = 'Fewer than 10';
export const TEN_OR_MORE = '10 or more';
/** The options of ASK_HOW_MANY; a typed number is the number of people (dialogs/input/choiceMatch.ts), never a position. */
export const HOW_MANY_CHOICES = [
  { value: FEWER_THAN_TEN, synonyms: ['fewer than ten', 'less than 10', 'less than ten', 'under 10', 'under ten', 'below 10'] },
  { value: TEN_OR_MORE, synonyms: ['ten or more', 'more than 10', 'more than ten', 'over 10', 'over ten'] },
];

export const ASK_FIRST_NAME = 'What is the full name of the first person who needs access?';
export const ASK_NEXT_NAME = 'What is the full name of the next person?';
export const ASK_NAME_AGAIN = "What is this person's full name?";
export function askJobTitle(name: string): string {
  return `What is ${name}'s job title?`;
}

const ROLE_MEANING: Readonly<Record<UcpRole, string>> = {
  Clinical: 'full read and edit of care plans',
  'Non-Clinical':
    'can save every section of a care plan in progress, but submit only the non-clinical ones such as demographics and preferences',
  'Urgent Care': 'can view care plans only',
};

/** "Staff Nurse has the Clinical role in the UCP: full read and edit of care plans." With the alias first when one was used. */
export function roleFound(title: string, role: UcpRole, alias?: string): string {
  const taken = alias ? `I've taken ${alias} as ${title}. ` : '';
  return `${taken}${title} has the ${role} role in the UCP: ${ROLE_MEANING[role]}.`;
}
export const ASK_ROLE_RIGHT = 'Is that right for this person?';
export const ROLE_YES = 'Yes';
export const ROLE_NO = 'No, change the job title';
export const ROLE_NO_TITLE = 'No, change it';
export const ASK_WHICH_TITLE = 'Which title should I use?';
export const KEEP_TYPED = 'Keep what I typed: the helpdesk decides';
export const KEEP_TYPED_TITLE = 'Keep what I typed';
/** Said with ASK_WHICH_TITLE: what keeping the typed title means (the button is too short to say it). */
export const KEEP_TYPED_EXPLAINED = 'If you keep what you typed, the helpdesk decides which access it gives.';
export const TYPE_TITLE_AGAIN = 'Type the title again';
export const HELPDESK_DECIDES = 'I have kept the title as you typed it. The helpdesk will decide which access it gives.';

export const ASK_REGISTRATION_BODY =
  'Clinical access needs registration with a professional body. Which one is this person registered with?';
export function askRegistrationNumber(name: string, bodyName: string): string {
  return `Clinical access needs a professional registration. What is ${name}'s ${bodyName} registration number?`;
}

export function askEmail(name: string): string {
  return `What is ${name}'s work e-mail address? An NHSmail address (ending @nhs.net) is best. It must be their own, not a shared mailbox.`;
}
/**
 * Said after a shared mailbox is refused: how each person gets their own NHSmail address (source 004's routes, worded
 * in readiness/nhsmailRoutes.ts). A service of unknown type hears every route, each with who it is for.
 */
export function sharedMailboxAdvice(type: OrganisationType | undefined): string[] {
  if (type && isNhsOrganisation(type)) return ['If they have no NHSmail address yet, your IT team can give them one.'];
  return [
    'If they have no NHSmail address yet: NHSmail is free for care providers with a DSPT at Approaching Standards or better. The ways to get it:',
    ...nhsmailRoutes(type ?? 'otherSocialCare').map((route) => `- ${route}`),
  ];
}
export const DUPLICATE_EMAIL =
  'That address is already on this request for someone else. Each person needs their own address: please give another.';
export const ASK_CONFIRM_EMAIL = 'Do you confirm this address belongs to this person at work and will be used only for direct care?';
export const CONFIRM_YES = 'Yes, I confirm';
export const CONFIRM_NO = "No, I'll give another address";
export const CONFIRM_NO_TITLE = 'No, another address';
export const ANOTHER_ADDRESS =
  'All right. Please give another work address for this person. NHSmail is free for care providers: ' +
  `the Digital Social Care helpline can tell you how to get it (${DIGITAL_SOCIAL_CARE_HELPLINE}).`;

export function reviewHeading(count: number): string {
  return count === 1 ? 'So far I have 1 person:' : `So far I have ${count} people:`;
}
export const ASK_REVIEW = 'Would you like to add, change or remove anyone?';
export const ADD_ANOTHER = 'Add another person';
export const ADD_BY_SPREADSHEET = 'Add more by spreadsheet';
/** Said at the review once one more person would make ten: from ten people on, the helpdesk needs its spreadsheet (source 001). */
export function spreadsheetFromNowOn(count: number): string {
  return (
    `For 10 or more people, the UCP helpdesk needs them on its spreadsheet, so I can't take anyone else one by one. ` +
    `To add more people, choose ${ADD_BY_SPREADSHEET}: I'll keep the ${count} already here, so put only the others on the spreadsheet.`
  );
}
export const CHANGE_SOMEONE = 'Change someone';
export const REMOVE_SOMEONE = 'Remove someone';
export const THATS_EVERYONE = "That's everyone";
export function moreNotListed(count: number): string {
  return `…and ${count} more.`;
}
export function askNumber(count: number): string {
  return `Please type their number, from 1 to ${count}.`;
}
export const ASK_WHO_CHANGE = 'Who would you like to change?';
export const ASK_WHO_REMOVE = 'Who would you like to remove?';
export const PRESS_NUMBER = 'Press their number on the list above, or type their name.';
export const ASK_WHAT_CHANGE = 'What would you like to change about them?';
export function removed(name: string): string {
  return `I've removed ${name}.`;
}
export const NOBODY_YET = "There's nobody on the request now, so let's add someone.";

export const SPREADSHEET_INTRO =
  'For ten or more people, a spreadsheet is quicker. Please download the template, put one person on each row of ' +
  'the Users sheet, save it, and send it back to me here as an attachment (the paperclip button under the message box).';
/** The spreadsheet question when people are already on the request: they are kept, and added to the rows sent. */
export function spreadsheetKeeping(count: number): string {
  const who = count === 1 ? 'the 1 person' : `the ${count} people`;
  return (
    `I'll keep ${who} you've already given me. Please download the template and put only the other people on the Users sheet, ` +
    'one person on each row, then save it and send it back to me here as an attachment (the paperclip button under the message box).'
  );
}
export const SPREADSHEET_AGAIN = 'Please send the corrected spreadsheet here as an attachment when it is ready.';
export const ENTER_ONE_BY_ONE = 'Enter people one by one';
export const ONE_BY_ONE_OFFER = `If fewer than 10 people need access in all, you can give them to me one by one instead: choose ${ENTER_ONE_BY_ONE}.`;
export const ONE_BY_ONE_AGAIN =
  "All right, let's go one by one. That works for up to 9 people: for 10 or more, the helpdesk needs the spreadsheet.";
export function oneByOneFull(count: number): string {
  return (
    `You already have ${count} people on the request, so anyone else needs to go on the spreadsheet. You can finish with the people you have, ` +
    `or choose ${ADD_BY_SPREADSHEET} when the spreadsheet is ready.`
  );
}
export const DOWNLOAD_TEMPLATE = 'Download the template';
export const ASK_FIX = 'What would you like to do?';
export const REMOVE_BAD_ROWS = 'Remove the bad rows';
export const FIX_AND_SEND = "I'll fix it and send it again";
export const FIX_AND_SEND_TITLE = "I'll fix it";
export const NOTHING_USABLE = 'None of the rows can be sent yet. Please correct them and send the spreadsheet again.';
export function badRowsRemoved(rows: readonly number[], kept: number): string {
  const which = rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
  return `I've left out ${which}. ${kept === 1 ? '1 person is' : `${kept} people are`} ready to send. You can add the others in a later request.`;
}
export const FILE_UNREADABLE = "I couldn't open that file. Please send the spreadsheet again.";
