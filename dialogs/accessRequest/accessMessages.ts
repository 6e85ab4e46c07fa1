/** What the access request conversation says. Plain, kind English; typed text only ever goes out as plain text. */
import { UCP_HSCN_URL, UCP_INTERNET_URL } from '../../cards/nextSteps.js';
import type { OrganisationLocation } from '../../data/rules/eligibility.js';

export const ACCESS_HELP =
  "I'm collecting what the UCP helpdesk needs to give your organisation and your staff access to the Universal Care Plan (UCP): " +
  'your ODS code, where you are, your DSPT status, how you connect, and the people who need accounts. Nothing is sent until you press Submit on the summary.';
export const ADD_USERS_HELP =
  "I'm collecting the staff to add to your organisation's Universal Care Plan (UCP) access: which organisation, then each person. " +
  'Nothing is sent until you press Submit on the summary.';

export const ACCESS_INTRO =
  "Let's ask for Universal Care Plan (UCP) access for your organisation. I'll ask about the organisation first, then your staff. " +
  'Nothing is sent until you check a summary and press Submit.';
export const ADD_USERS_INTRO =
  "Let's add staff to your organisation's Universal Care Plan (UCP) access. Nothing is sent until you check a summary and press Submit.";

export const ASK_ODS_CODE =
  "What is your organisation's ODS code? It is 3 to 6 letters and numbers, like VABC1 for a care home. " +
  'You can find it by searching for your postcode on the ODS Data Search and Export website.';
export const ASK_NAME = "What is your organisation's name?";
export const ASK_POSTCODE = "What is your organisation's postcode? If you'd rather not say, type I don't know.";
export const POSTCODE_REFUSED = "That doesn't look like a UK postcode, for example SE13 5AB. Please check it, or type I don't know.";

/** Said when the directory knows the code; `line` is the name and postcode found. */
export function directoryFound(code: string, name: string, postcode: string | undefined, active: boolean): string {
  const where = postcode ? `${name}, ${postcode}` : name;
  const closed = active ? '' : ' The directory lists it as closed, so the helpdesk will check it with you.';
  return `The NHS organisation directory lists ${code} as ${where}.${closed}`;
}
export const ASK_DIRECTORY_RIGHT = 'Is that the right name and postcode?';
export const DIRECTORY_YES = "Yes, that's right";
export const DIRECTORY_NO = 'No, let me type them';

export const ODS_UNAVAILABLE =
  "I can't reach the NHS organisation directory just now, so I'll carry on without it. The helpdesk will check " +
  'your ODS code later, and your request will show "ODS not yet verified" until they have.';
export function odsNotFound(code: string): string {
  return `I couldn't find ${code} in the NHS organisation directory. Please check the code and type it again.`;
}
export function odsStillNotFound(code: string): string {
  return (
    `I still can't find ${code} in the NHS organisation directory. You can carry on with it: the helpdesk will check it with you, ` +
    'and your request will show "ODS not yet verified" until they have. Or you can type another code.'
  );
}
export const ASK_CARRY_ON = 'What would you like to do?';
export const CARRY_ON = 'Carry on with this code';
export const CARRY_ON_TITLE = 'Carry on';
export const TYPE_ANOTHER_CODE = 'Type another code';

export const ASK_LOCATION =
  'Where is your organisation?\nIn London: in a London borough.\n' +
  'Commissioned: outside London, commissioned to care for Londoners.\nOutside London: outside London, caring for a London patient.';
export function directoryIcsHint(icsName: string): string {
  return `The NHS directory links your organisation to ${icsName}.`;
}
/** The location question's options (the dialogs read the answer's index); ASK_LOCATION says what each short button means. */
export const LOCATION_CHOICES: readonly { location: OrganisationLocation; value: string; title: string }[] = [
  { location: 'london', value: 'In London', title: 'In London' },
  { location: 'commissioned', value: 'Outside London, commissioned to care for Londoners', title: 'Commissioned' },
  { location: 'outside', value: 'Outside London, for a London patient', title: 'Outside London' },
];
export const COMMISSIONED_EXPLAINED =
  'Organisations outside London that are commissioned to care for Londoners can have access once the lead of the ' +
  'London Integrated Care System (ICS) that commissions the service approves them.';
export const OUTSIDE_EXPLAINED =
  'An organisation outside London that needs to see the UCP care plan of someone cared for in London must first complete ' +
  'its own data protection impact assessment (DPIA) for UCP access. I will still open a request, so the UCP helpdesk can explain what that involves and contact you.';

/** The borough question, by where the organisation is. */
export function askBorough(location: OrganisationLocation): string {
  switch (location) {
    case 'london':
      return 'Which London borough is your organisation in?';
    case 'commissioned':
      return 'Which London borough commissions your service? You can also type the Integrated Care System, for example North Central London.';
    case 'outside':
      return 'In which London borough does the person you care for live? You can also type the Integrated Care System, for example South West London.';
  }
}
export function boroughNotFound(typed: string): string {
  return `I couldn't find a London borough called "${typed}".`;
}
export const ASK_WHICH_BOROUGH = 'Did you mean one of these?';
export const NONE_OF_THESE = 'None of these';
export const ASK_WHICH_ICS = "Let's do it another way. Which of London's Integrated Care Systems is it?";
export function usingDirectoryIcs(icsName: string): string {
  return `I'll use ${icsName}, which the NHS directory links your organisation to.`;
}
export function boroughIsIn(borough: string | undefined, icsName: string): string {
  return borough ? `${borough} is in ${icsName}.` : `That's ${icsName}.`;
}

export const ASK_ORGANISATION_TYPE = 'What kind of organisation is it?';
export function directoryTypeHint(label: string): string {
  return `The NHS directory suggests: ${label}.`;
}
export const ASK_DSPT_STATUS = 'What does your latest Data Security and Protection Toolkit (DSPT) assessment show?';
export function dsptNotInExport(code: string): string {
  return `I couldn't find ${code} in the published DSPT list I have, so I need to ask you. The helpdesk will check it on the DSPT website.`;
}

/** What the DPIA register says, told before the eligibility outcome. */
export function dpiaFound(code: string, icsName: string): string {
  return `I checked the DPIA register I hold: ${code} is named in the ${icsName} onboarding DPIA.`;
}
/** Named only in other ICSs' DPIAs: the organisation's own ICS (from its borough) is the one whose DPIA counts. */
export function dpiaOtherIcs(code: string, otherIcsNames: string[], ownIcsName: string): string {
  return (
    `I checked the DPIA register I hold: ${code} is named in the ${otherIcsNames.join(' and ')} onboarding DPIA, but not in the ${ownIcsName} one. ` +
    `Only the ${ownIcsName} DPIA counts for this request, because that is the ICS you gave.`
  );
}
export function dpiaNotFound(code: string): string {
  return `I checked the DPIA register I hold: ${code} is not named in a London onboarding DPIA yet.`;
}

export const NOT_YET = "So I haven't sent anything yet. Here is what to do next:";
export { DSPT_COME_BACK as NOT_YET_END } from '../readiness/readinessMessages.js';

/** The manager's own open access request for this code: its status follows, and nothing new is started. */
export function ownRequestOpen(code: string, ticketId: string): string {
  return `You have already asked for access for ${code}: your request ${ticketId} is still open, so I haven't started another one. Here is where it is:`;
}
/** Someone else's open access request for this code: no name, no ticket number, only that it is open and how far it has got. */
export function otherRequestOpen(code: string, stage: string): string {
  return `Someone at your organisation has already asked for UCP access for ${code}, and that request is still open (${stage}), so I haven't started another one.`;
}
/** Adding staff waits for the organisation's own request to finish. */
export const WAIT_FOR_ACCESS = 'When it is done, type add staff to add more people.';
/** The organisation has access already: a new access request would only be asked again. */
export function alreadyOnboarded(code: string, ticketId: string | undefined): string {
  const which = ticketId ? ` (your request ${ticketId} is done)` : '';
  return `${code} already has UCP access${which}, so it does not need to ask again.`;
}
export const ADD_STAFF_INSTEAD = 'To give more of your staff access, type add staff.';

export const ASK_HSCN =
  `Is your organisation connected to the Health and Social Care Network (HSCN)? HSCN organisations use the UCP at ${UCP_HSCN_URL}. ` +
  `Everyone else uses ${UCP_INTERNET_URL} over the internet, with an extra code e-mailed at every log-in.`;
export const HSCN_CHOICES = ["Yes, we're on the HSCN", 'No, we use the internet', "I'm not sure"] as const;
/** Their buttons, in the same order (the dialog reads the answer's index). */
export const HSCN_BUTTONS = [
  { value: HSCN_CHOICES[0], title: 'Yes, HSCN' },
  { value: HSCN_CHOICES[1], title: 'No, internet' },
  { value: HSCN_CHOICES[2], title: 'Not sure' },
];
export const HSCN_NOT_SURE = `That's fine: ${UCP_INTERNET_URL} works for everyone. Your IT provider can tell you whether you are on the HSCN.`;

export const ASK_ACCESS_ROUTE =
  'How will your staff reach the UCP? Most people use it from inside their own record system ' +
  '(EMIS, TPP SystmOne, Cleric or the London Care Record). Only people using the UCP web portal need accounts from the helpdesk.';
export const ROUTE_CHOICES = ['Our record system', 'The UCP web portal'] as const;
export const RECORD_SYSTEM_EXPLAINED =
  'Staff who use the UCP from their record system get their access and role from that system. ' +
  'Please still list the people who need access, so the helpdesk can check them and tell you if anyone needs a web portal account.';
export const WEB_PORTAL_EXPLAINED = 'The helpdesk will create a web portal account for each person you list.';

export const SUMMARY_QUESTION =
  'Please check your request below. When it is right, press Submit. You can also change the organisation details or the staff, or cancel.';
export const SUMMARY_REASON =
  'Please use the buttons on the summary card: Submit, Change organisation details, Change users or Cancel. You can also type submit.';
export const OLDER_SUMMARY =
  'That button is on an earlier summary, which may not show your latest changes. Please use the buttons on the newest summary card.';
export const ASK_WHAT_TO_CHANGE = 'What would you like to change?';
/** Said with ASK_WHAT_TO_CHANGE: what the short section buttons cover. */
export const SECTIONS_EXPLAINED =
  'Where it is means the borough or ICS; Network means HSCN or the internet; Access route means your record system or the UCP web portal.';

export function submitted(ticketId: string): string {
  return `Thank you. I've sent your request to the UCP helpdesk. Your ticket number is ${ticketId}: please quote it if you contact them.`;
}
/** Said for a second press of the same Submit (a double click, or Teams sending a slow press again): nothing new is sent. */
export function alreadySubmitted(ticketId: string): string {
  return `You've already sent this request, so I haven't sent it again. Your ticket number is ${ticketId}: please quote it if you contact the helpdesk.`;
}
export const STATUS_HINT = 'Type status at any time to see where your request has got to.';
export const NOT_SENT_YET = "Your request hasn't been sent yet:";

export function previousOrganisation(name: string, code: string): string {
  return `Your earlier request was for ${name} (${code}).`;
}
export const ASK_SAME_ORGANISATION = 'Are these staff for the same organisation?';
export const PREVIOUS_YES = 'Yes';
export const PREVIOUS_NO = 'No, another organisation';
export const PREVIOUS_NO_TITLE = 'No, a different one';
/** Adding staff to an organisation without a finished access request: it is checked (and sent) as a new organisation's request. */
export const ADD_USERS_CHECKED =
  "I don't have a finished UCP access request for this organisation, so I need to check it can have access, " +
  'as for a new organisation. I will send the staff with a request for the organisation itself.';
/** Adding staff to the organisation of a finished request: it is checked again now (source 001 user onboarding, "Organisation verification"). */
export const ADD_USERS_RECHECK =
  "Before I add staff, I'll check again that your organisation is still named in its Integrated Care System's " +
  'onboarding DPIA and, where it is needed, that its DSPT status is still current.';
/** The re-check did not hold on the imported lists alone: the staff go with a request for the organisation, checked as a new one. */
export const RECHECK_AS_NEW =
  "As I can't confirm all of this from the lists I have, I will send the staff with a request for the organisation " +
  'itself, and it will be checked as for a new organisation.';

export const ODS_UNVERIFIED_NOTICE =
  'ODS not yet verified: the NHS organisation directory could not be reached, so the helpdesk will check your ODS code.';
export const ODS_UNKNOWN_NOTICE =
  'ODS not yet verified: the NHS organisation directory did not recognise this code, so the helpdesk will check it with you.';
export const ODS_DIFFERS_NOTICE =
  'ODS not yet verified: the name or postcode here is not the one the NHS organisation directory gives for this code, ' +
  'so the helpdesk will check them with you.';
export const HELPDESK_DECIDES_NOTICE = "Someone's job title is not on the UCP's list, so the helpdesk will decide which access they get.";
