/**
 * What the reminder sweep did about a ticket, in a line each, for its cards and the helpdesk tab: "Escalated to the
 * helpdesk channel at 09:00 on Tue 3 Mar: 4 working days without an action". Every part comes from the mark the sweep
 * recorded when it sent the reminder (time, hours waited, the configured threshold), never from today's settings.
 */
import type { ReminderMark, WorkflowTicket } from '../data/model.js';
import { waitSince } from '../data/workflow/waitSince.js';

import { icsName } from './cardText.js';
import { formatCardTimeAt, workingSpan } from './cardTime.js';

/** Who was told, and what the wait was without, per kind of reminder. */
function parts(kind: string, ticket: WorkflowTicket): { done: string; without: string } | undefined {
  const code = ticket.organisation?.icbCode;
  const lead = code ? `the ${icsName(code)} governance lead` : 'the ICS governance lead';
  switch (kind) {
    case 'icsApproval':
      return { done: `Reminder sent to ${lead}`, without: 'waiting for approval' };
    case 'icsEscalation':
      return { done: 'Escalated to the helpdesk channel', without: `without an answer from ${lead}` };
    case 'unassigned':
      return { done: 'Escalated to the helpdesk channel', without: 'with nobody assigned' };
    case 'assigneeReminder':
      return { done: 'Reminder sent to the assigned agent', without: 'without an action' };
    case 'assignedEscalation':
      return { done: 'Escalated to the helpdesk channel', without: 'without an action' };
    case 'requesterNudge':
      return { done: 'Reminder sent to the care home', without: 'without an answer' };
    default:
      return undefined;
  }
}

/**
 * One mark as a sentence. The wait is the one at the moment it was sent; when a catch-up after downtime sent it later
 * than its threshold, the threshold is added so nobody reads the later figure as the rule.
 */
export function reminderLine(mark: ReminderMark, ticket: WorkflowTicket, now: Date): string | undefined {
  const words = parts(mark.kind, ticket);
  if (!words || !(mark.workingDayHours > 0)) return undefined;
  const waited = workingSpan(mark.waitedHours, mark.workingDayHours);
  const due = workingSpan(mark.dueAfterHours, mark.workingDayHours);
  const late = due === waited ? '' : ` (due after ${due})`;
  return `${words.done} ${formatCardTimeAt(mark.at, now)}: ${waited} ${words.without}${late}`;
}

/** The marks of the ticket's current wait, oldest first: what is still unanswered. An action starts a new wait and clears them. */
export function currentMarks(ticket: WorkflowTicket): ReminderMark[] {
  const since = waitSince(ticket);
  return (ticket.remindersSent ?? []).filter((mark) => mark.since === since);
}

/** The current wait's reminder lines, of the kinds `kinds` (all when omitted). */
export function reminderLines(ticket: WorkflowTicket, now: Date, kinds?: ReadonlySet<string>): { text: string }[] {
  return currentMarks(ticket)
    .filter((mark) => kinds === undefined || kinds.has(mark.kind))
    .map((mark) => reminderLine(mark, ticket, now))
    .filter((text): text is string => text !== undefined)
    .map((text) => ({ text }));
}
