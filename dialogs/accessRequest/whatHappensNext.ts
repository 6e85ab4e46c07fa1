/**
 * What happens after a request is sent, and roughly when: the ICS approval's "around 1 week" is source 000's; the helpdesk's
 * own time is promised only when the operator configured a target (HELPDESK_TARGET_WORKING_DAYS), else its working hours.
 */
import type { TicketOrganisation, TicketState } from '../../data/model.js';
import { helpdeskTiming, type HelpdeskFacts } from '../../data/rules/helpdesk.js';
import { icsByCode } from '../../data/rules/ics.js';
import { londonParts } from '../../data/rules/londonTime.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';

const HOURS_PER_WORKING_DAY = 8;
/** Source 000: ICS approval "usually takes around 1 week". */
export const ICS_APPROVAL_WORKING_DAYS = 5;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Monday 9 March", the London date of an instant; used for every "by about" a manager reads. */
export function londonDate(instant: Date): string {
  const p = londonParts(instant);
  return `${WEEKDAYS[p.weekday - 1]} ${p.day} ${MONTHS[p.month - 1]}`;
}

/**
 * Used after submitting (with the ticket's state) and on the summary card (with the state the request will go to):
 * the steps ahead, each with a London date counted in working days from `now`.
 */
export function whatHappensNext(
  state: TicketState,
  organisation: Pick<TicketOrganisation, 'icbCode' | 'location' | 'namedInDpia'> | undefined,
  calendar: WorkingCalendar,
  now: Date,
  helpdesk: HelpdeskFacts,
): string[] {
  const byDays = (days: number) => londonDate(calendar.addWorkingHours(now, days * HOURS_PER_WORKING_DAY));
  if (state === 'awaitingIcsApproval') {
    const ics = organisation ? icsByCode(organisation.icbCode)?.name : undefined;
    const lead = ics ? `the ${ics} Integrated Care System's governance lead` : "the Integrated Care System's governance lead";
    return [
      `First, ${lead} is asked to approve your organisation, because it is not yet named in their data protection impact assessment (DPIA). ` +
        `This usually takes around a week, so expect to hear by about ${byDays(ICS_APPROVAL_WORKING_DAYS)}.`,
      `Once they approve, the UCP helpdesk checks the request and sets up access, ${helpdeskTiming(helpdesk, byDays, ICS_APPROVAL_WORKING_DAYS)}.`,
      'I will message you here at each step.',
    ];
  }
  if (organisation?.location === 'outside' && !organisation.namedInDpia) {
    return [
      `The UCP helpdesk will contact you about the DPIA your organisation needs to complete, ${helpdeskTiming(helpdesk, byDays)}.`,
      'Access can be set up once that DPIA is in place. I will message you here at each step.',
    ];
  }
  return [
    helpdesk.targetWorkingDays === undefined
      ? `The UCP helpdesk will be in touch about the request ${helpdeskTiming(helpdesk, byDays)}, to check it and set up access.`
      : `The UCP helpdesk checks the request and sets up access, ${helpdeskTiming(helpdesk, byDays)}.`,
    'I will message you here at each step.',
  ];
}
