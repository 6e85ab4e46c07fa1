/** What each reminder says: short, plain and kind, naming the request and what to do next. */
import type { WorkflowTicket } from '../../data/model.js';
import { icsByCode } from '../../data/rules/ics.js';
import { workingSpan } from '../../cards/cardTime.js';

/** Every reminder the sweep sends. */
export type ReminderKind =
  'icsApproval' | 'icsEscalation' | 'unassigned' | 'assigneeReminder' | 'assignedEscalation' | 'requesterNudge' | 'dsptRenewal';

/** The fields the wording reads: a ticket, or an organisation with its DSPT deadline. */
export type ReminderSubject = Partial<Pick<WorkflowTicket, 'id' | 'assignee'>> & {
  organisation?: { name: string; odsCode: string; icbCode?: string };
  dueOn?: string;
};

/** The text of one reminder; `hours` is the working time the wait has lasted. */
export function reminderText(kind: ReminderKind, subject: ReminderSubject, hours: number, dayHours: number): string {
  const org = subject.organisation ? `${subject.organisation.name} (${subject.organisation.odsCode})` : 'a request';
  const request = `Request ${subject.id ?? ''} for ${org}`;
  const span = workingSpan(hours, dayHours);
  switch (kind) {
    case 'icsApproval':
      return `${request} has been waiting ${span} for your ICS onboarding approval. Please approve it, reject it or ask for more information.`;
    case 'icsEscalation': {
      const code = subject.organisation?.icbCode ?? '';
      const ics = icsByCode(code);
      return `${request}: ${ics ? ics.name : `the ICS ${code}`} has not answered the onboarding approval request for ${span}. Please follow it up with the ICS lead.`;
    }
    case 'unassigned':
      return `${request} has been waiting ${span} and nobody has taken it yet. Please assign it.`;
    case 'assigneeReminder':
      return `${request} is assigned to you and nothing has happened on it for ${span}. Please take the next step or record where it stands.`;
    case 'assignedEscalation': {
      const who = subject.assignee?.name ?? 'an agent';
      return `${request} is assigned to ${who} and nothing has happened on it for ${span}. Please check it is moving.`;
    }
    case 'requesterNudge':
      return `We asked you a question about ${request.charAt(0).toLowerCase()}${request.slice(1)} ${span} ago and are waiting for your answer. Please answer it so we can carry on. If we do not hear back, we will close the request; you can always ask again.`;
    case 'dsptRenewal':
      return `The DSPT status of ${org} runs out on ${longDate(subject.dueOn ?? '')}. Please publish this year's assessment before then, so that access to the Universal Care Plan (UCP) can carry on.`;
    default:
      return `${request} needs your attention.`;
  }
}

function longDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
