/**
 * What is due at one moment: the reminders, escalations and system withdrawals, from the tickets, rosters and ledger, the
 * working-hours calendar and now. Pure: nothing is read from outside and nothing is written.
 */
import { channelKey } from '../../data/conversationKeys.js';
import type { DsptRecord, RosterEntry, WorkflowTicket } from '../../data/model.js';
import { londonToday } from '../../data/rules/londonTime.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import { sentOrdinal, type ReminderLedger } from './ledger.js';
import { dsptReminders, requesterOf, requestersByOdsCode } from './dsptReminders.js';
import type { ReminderThresholds } from './thresholds.js';
import { OPEN_STATES } from '../../data/workflow/transitions.js';
import { waitSince } from '../../data/workflow/waitSince.js';
import { workingClock, type WorkingClock } from './workingClock.js';
import { reminderText, type ReminderKind } from './reminderWording.js';

export type { ReminderKind };
export { dsptCodesDue, dsptReminders, dsptSeason } from './dsptReminders.js';

/** Someone a reminder goes to: a person (their 1:1 chat, else e-mail) or a channel. */
export type Recipient = { kind: 'person'; aadObjectId: string; email?: string } | { kind: 'channel'; conversationKey: string };

/** One reminder due now; `key` is (ticket, kind, ordinal), or (organisation, dsptRenewal, year, ordinal). */
export interface DueReminder {
  key: string;
  kind: ReminderKind;
  /** The nth of its kind in this wait; every earlier ordinal not yet sent is covered by this one. */
  ordinal: number;
  ticketId?: string;
  /** The version the card action carries (a concurrency check). */
  ticketVersion?: number;
  /** When the wait began (ISO): the ledger's episode. */
  since?: string;
  odsCode?: string;
  year?: string;
  recipients: Recipient[];
  /** What the recipient reads. */
  text: string;
  /** Why it is due, for the preview and the audit trail (ids and hours only). */
  why: string;
  /** A ticket's reminder: the working hours waited now, and the configured wait after which this ordinal fell due. */
  waitedHours?: number;
  dueAfterHours?: number;
}

/** A needs-information ticket left unanswered long enough to be withdrawn by the service. */
export interface DueWithdrawal {
  ticketId: string;
  version: number;
  why: string;
}

export interface DueResult {
  reminders: DueReminder[];
  withdrawals: DueWithdrawal[];
  /** Every ticket still open, so the ledger can drop the others. */
  openTicketIds: Set<string>;
  /** London calendar year of now (the DSPT ledger keeps only this year). */
  year: string;
}

const OPEN: ReadonlySet<string> = new Set(OPEN_STATES);

/** What the due computation reads; the live data is one (the admin preview passes its snapshot). */
export interface DueSources {
  tickets: readonly WorkflowTicket[];
  rosters: readonly RosterEntry[];
  dsptStatuses: readonly DsptRecord[];
  reminderLedger: ReminderLedger;
}

/** What one open ticket has due: its reminders not yet sent, or its withdrawal. */
export interface TicketDue {
  reminders: DueReminder[];
  withdrawal?: DueWithdrawal;
}

/** Working out one ticket at a time, so the sweep can take its tickets from a stream. */
export type TicketPlanner = (ticket: WorkflowTicket) => TicketDue;

/** Everything due at `now`, not yet sent; pure. */
export function dueReminders(data: DueSources, calendar: WorkingCalendar, now: Date, t: ReminderThresholds): DueResult {
  const openTicketIds = new Set<string>();
  let earliest = now.getTime();
  for (const ticket of data.tickets) {
    if (!OPEN.has(ticket.state)) continue;
    openTicketIds.add(ticket.id);
    const sinceMs = Date.parse(waitSince(ticket));
    if (Number.isFinite(sinceMs) && sinceMs < earliest) earliest = sinceMs;
  }
  const clock = workingClock(calendar, now, earliest, t.workingDayHours);
  const plan = ticketPlanner(data, clock, t);
  const reminders: DueReminder[] = [];
  const withdrawals: DueWithdrawal[] = [];
  for (const ticket of data.tickets) {
    if (!OPEN.has(ticket.state)) continue;
    const due = plan(ticket);
    reminders.push(...due.reminders);
    if (due.withdrawal) withdrawals.push(due.withdrawal);
  }
  const today = londonToday(now);
  const year = today.slice(0, 4);
  let requesters: Map<string, Recipient[]> | undefined;
  const requestersOf = (odsCode: string) => (requesters ??= requestersByOdsCode(data.tickets)).get(odsCode.toUpperCase()) ?? [];
  reminders.push(...dsptReminders(data, requestersOf, now, t));
  return { reminders, withdrawals, openTicketIds, year };
}

/**
 * What each open ticket has due at `clock.now`, given the rosters and the ledger (read once, for a whole sweep). A ticket
 * not in an open state has nothing due.
 */
export function ticketPlanner(
  data: Pick<DueSources, 'rosters' | 'reminderLedger'>,
  clock: WorkingClock,
  t: ReminderThresholds,
): TicketPlanner {
  const ledger = data.reminderLedger;
  const leads = peopleByScope(data.rosters, 'icsLead');
  const channels = data.rosters
    .filter((e) => e.kind === 'helpdeskChannel')
    .map((e): Recipient => ({ kind: 'channel', conversationKey: channelKey(e.id) }));

  return (ticket) => {
    const reminders: DueReminder[] = [];
    if (!OPEN.has(ticket.state)) return { reminders };
    const since = waitSince(ticket);
    const sinceMs = Date.parse(since);
    if (!Number.isFinite(sinceMs)) return { reminders };
    const hours = clock.hoursSince(sinceMs);
    // `dueAfter`: when this ordinal fell due (the threshold itself, or for the ICS's daily reminders the nth day after it).
    const add = (kind: ReminderKind, ordinal: number, recipients: Recipient[], threshold: number, dueAfter = threshold) => {
      if (ordinal <= sentOrdinal(ledger, ticket.id, since, kind)) return;
      reminders.push({
        key: `${ticket.id}:${kind}:${ordinal}`,
        kind,
        ordinal,
        ticketId: ticket.id,
        ticketVersion: ticket.version,
        since,
        recipients,
        text: reminderText(kind, ticket, hours, t.workingDayHours),
        why: `${ticket.state} for ${round(hours)} working hours since ${since} (threshold ${threshold})`,
        waitedHours: round(hours),
        dueAfterHours: dueAfter,
      });
    };
    let withdrawal: DueWithdrawal | undefined;
    switch (ticket.state) {
      case 'awaitingIcsApproval': {
        if (hours >= t.icsRemindAfterHours) {
          const ordinal = 1 + Math.floor((hours - t.icsRemindAfterHours) / t.icsRemindEveryHours);
          add(
            'icsApproval',
            ordinal,
            leads.get(ticket.organisation?.icbCode ?? '') ?? [],
            t.icsRemindAfterHours,
            t.icsRemindAfterHours + (ordinal - 1) * t.icsRemindEveryHours,
          );
        }
        if (hours >= t.icsEscalateAfterHours) add('icsEscalation', 1, channels, t.icsEscalateAfterHours);
        break;
      }
      case 'awaitingHelpdesk':
        if (!ticket.assignee && hours >= t.unassignedAfterHours) add('unassigned', 1, channels, t.unassignedAfterHours);
        break;
      case 'assigned':
        if (ticket.assignee && hours >= t.assigneeRemindAfterHours) {
          add('assigneeReminder', 1, [{ kind: 'person', aadObjectId: ticket.assignee.aadObjectId }], t.assigneeRemindAfterHours);
        }
        if (hours >= t.assigneeEscalateAfterHours) add('assignedEscalation', 1, channels, t.assigneeEscalateAfterHours);
        break;
      case 'needsInformation':
        if (hours >= t.withdrawAfterHours) {
          withdrawal = {
            ticketId: ticket.id,
            version: ticket.version,
            why: `unanswered for ${round(hours)} working hours since ${since} (threshold ${t.withdrawAfterHours})`,
          };
        } else if (hours >= t.requesterNudgeAfterHours) {
          add('requesterNudge', 1, [requesterOf(ticket)], t.requesterNudgeAfterHours);
        }
        break;
      default:
        break;
    }
    return withdrawal ? { reminders, withdrawal } : { reminders };
  };
}

/** The fewest working hours after which any ticket has something due: a ticket whose wait is younger (in any hours) has nothing. */
export function shortestWait(t: ReminderThresholds): number {
  return Math.min(
    t.icsRemindAfterHours,
    t.icsEscalateAfterHours,
    t.unassignedAfterHours,
    t.assigneeRemindAfterHours,
    t.assigneeEscalateAfterHours,
    t.requesterNudgeAfterHours,
    t.withdrawAfterHours,
  );
}

function peopleByScope(rosters: readonly RosterEntry[], kind: 'icsLead'): Map<string, Recipient[]> {
  const map = new Map<string, Recipient[]>();
  for (const entry of rosters) {
    if (entry.kind !== kind || !entry.scope) continue;
    map.set(entry.scope, [...(map.get(entry.scope) ?? []), { kind: 'person', aadObjectId: entry.id }]);
  }
  return map;
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}
