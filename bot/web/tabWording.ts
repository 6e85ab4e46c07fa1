/** The words on the helpdesk tab: states, ages and audit actions as an agent reads them. */
import type { TicketState } from '../../data/model.js';
import { recordedVerb } from '../../data/workflow/transitions.js';
import { VERB_DONE } from '../../cards/verbDone.js';

/** A ticket's state in a few words, for the queue's Status column and its filter. */
export const STATE_LABEL: Readonly<Record<TicketState, string>> = {
  submitted: 'Received',
  awaitingIcsApproval: 'Waiting for ICS approval',
  awaitingHelpdesk: 'Waiting for the helpdesk',
  assigned: 'Assigned',
  needsInformation: 'Waiting for the care home',
  resolved: 'Resolved',
  closed: 'Closed',
  archived: 'Archived',
  rejected: 'Not approved',
  withdrawn: 'Withdrawn',
};

/** The cards' words for each step (cards/verbDone.ts), where the tab's history says more, and the events only it shows. */
const ACTION_LABEL: Readonly<Record<string, string>> = {
  ...VERB_DONE,
  submit: 'Sent by the care home',
  approve: 'Approved by the ICS',
  tick: 'Checklist item ticked',
  untick: 'Checklist item unticked',
  ticketArchived: 'Moved to the archive',
  denied: 'Refused: not allowed to do this',
  'reminder.digest': 'Reminder sent',
  'reminder.sent': 'Reminder sent',
  'reminder.escalated': 'Escalated to the helpdesk channel',
  'notification.sent': 'Message delivered',
  'notification.unconfirmed': 'Message may not have arrived: please check with the person',
};

/**
 * An audit event's action as a sentence fragment; an action under a former name reads as the verb it is now (data/workflow/
 * transitions.ts recordedVerb); an action the tab does not know is shown as recorded.
 */
export function actionLabel(action: string): string {
  return ACTION_LABEL[recordedVerb(action) ?? action] ?? `Recorded: ${action}`;
}

/** A state for the audit trail's from/to columns; unknown values are shown as recorded. */
export function stateLabel(state: string | undefined): string {
  if (state === undefined) return '';
  return STATE_LABEL[state as TicketState] ?? state;
}

/** "Under 1 working hour", "5 working hours", "2 working days 3 hours": how long a ticket has waited. */
export function ageText(hours: number, dayHours: number): string {
  const whole = Math.floor(hours);
  if (whole < 1) return 'Under 1 working hour';
  if (whole < dayHours) return `${whole} working ${whole === 1 ? 'hour' : 'hours'}`;
  const days = Math.floor(whole / dayHours);
  const rest = whole - days * dayHours;
  const dayPart = `${days} working ${days === 1 ? 'day' : 'days'}`;
  return rest === 0 ? dayPart : `${dayPart} ${rest} ${rest === 1 ? 'hour' : 'hours'}`;
}

/** The queue's Due column (and the CSV's): the words carry the meaning, the page's colour only repeats them. */
export function dueText(row: { overdue: boolean; overdueAfterHours: number | null }): string {
  if (row.overdue) return `Overdue (over ${row.overdueAfterHours} working hours)`;
  return row.overdueAfterHours === null ? 'No deadline' : `On time (reminder after ${row.overdueAfterHours} working hours)`;
}
