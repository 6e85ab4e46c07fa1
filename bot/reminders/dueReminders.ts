/**
 * What is due at one moment: the reminders, escalations and system withdrawals, from the live data, the
 * working-hours calendar and now. Pure: nothing is read from outside and nothing is written.
 */
import { channelKey } from '../../data/conversationKeys.js';
import type { WorkflowTicket } from '../../data/model.js';
import { parsePublishedStatus, renewalDue } from '../../data/rules/dspt.js';
import { londonToday } from '../../data/rules/londonTime.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import type { LiveData } from '../../data/store/store.js';
import { readLedger, sentDspt, sentOrdinal, type ReminderLedger } from './ledger.js';
import type { ReminderThresholds } from './thresholds.js';
import { OPEN_STATES } from '../../data/workflow/transitions.js';
import { waitSince } from '../../data/workflow/waitSince.js';
import { workingClock, type WorkingClock } from './workingClock.js';
import { reminderText, type ReminderKind } from './reminderWording.js';

export type { ReminderKind };

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

/** Everything due at `now`, not yet sent; pure, so it can run inside the sweep's store update. */
export function dueReminders(data: Readonly<LiveData>, calendar: WorkingCalendar, now: Date, t: ReminderThresholds): DueResult {
  const tickets = data.tickets;
  const ledger = readLedger(data);
  const openTicketIds = new Set<string>();
  let earliest = now.getTime();
  const open: { ticket: WorkflowTicket; since: string; sinceMs: number }[] = [];
  for (const ticket of tickets) {
    if (!OPEN.has(ticket.state)) continue;
    openTicketIds.add(ticket.id);
    const since = waitSince(ticket);
    const sinceMs = Date.parse(since);
    if (!Number.isFinite(sinceMs)) continue;
    if (sinceMs < earliest) earliest = sinceMs;
    open.push({ ticket, since, sinceMs });
  }
  const clock = workingClock(calendar, now, earliest, t.workingDayHours);
  const leads = peopleByScope(data, 'icsLead');
  const channels = data.rosters
    .filter((e) => e.kind === 'helpdeskChannel')
    .map((e): Recipient => ({ kind: 'channel', conversationKey: channelKey(e.id) }));
  const reminders: DueReminder[] = [];
  const withdrawals: DueWithdrawal[] = [];

  for (const { ticket, since, sinceMs } of open) {
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
          withdrawals.push({
            ticketId: ticket.id,
            version: ticket.version,
            why: `unanswered for ${round(hours)} working hours since ${since} (threshold ${t.withdrawAfterHours})`,
          });
        } else if (hours >= t.requesterNudgeAfterHours) {
          add('requesterNudge', 1, [requesterOf(ticket)], t.requesterNudgeAfterHours);
        }
        break;
      default:
        break;
    }
  }
  const today = londonToday(now);
  const year = today.slice(0, 4);
  reminders.push(...dsptReminders(data, ledger, today, t, clock));
  return { reminders, withdrawals, openTicketIds, year };
}

/**
 * The ODS codes with a DSPT renewal reminder due and not yet sent (whoever would receive it): the sweep's first pass uses
 * it to look only at those organisations' tickets for their requesters.
 */
export function dsptCodesDue(data: Readonly<LiveData>, now: Date, t: ReminderThresholds): Set<string> {
  const today = londonToday(now);
  const year = today.slice(0, 4);
  const ordinal = t.dsptReminderDates.filter((mmdd) => `${year}-${mmdd}` <= today).length;
  const codes = new Set<string>();
  if (ordinal === 0 || today > `${year}-06-30`) return codes;
  const ledger = readLedger(data);
  for (const record of data.dsptStatuses) {
    const renewal = renewalDue(parsePublishedStatus(record, today), today);
    if (renewal.basis !== 'statusYear' || !renewal.endsThisYear || renewal.overdue) continue;
    if (ordinal > sentDspt(ledger, record.odsCode, year)) codes.add(record.odsCode.toUpperCase());
  }
  return codes;
}

/** DSPT renewal: organisations whose stored status runs out on 30 June this year, reminded on each configured date. */
function dsptReminders(
  data: Readonly<LiveData>,
  ledger: ReminderLedger,
  today: string,
  t: ReminderThresholds,
  clock: WorkingClock,
): DueReminder[] {
  const year = today.slice(0, 4);
  const ordinal = t.dsptReminderDates.filter((mmdd) => `${year}-${mmdd}` <= today).length;
  if (ordinal === 0 || today > `${year}-06-30` || data.dsptStatuses.length === 0) return [];
  let requesters: Map<string, Recipient[]> | undefined;
  const out: DueReminder[] = [];
  for (const record of data.dsptStatuses) {
    const renewal = renewalDue(parsePublishedStatus(record, today), today);
    if (renewal.basis !== 'statusYear' || !renewal.endsThisYear || renewal.overdue) continue;
    if (ordinal <= sentDspt(ledger, record.odsCode, year)) continue;
    requesters ??= requestersByOdsCode(data);
    const recipients = requesters.get(record.odsCode.toUpperCase()) ?? [];
    if (recipients.length === 0) continue;
    out.push({
      key: `dspt:${record.odsCode}:${year}:${ordinal}`,
      kind: 'dsptRenewal',
      ordinal,
      odsCode: record.odsCode,
      year,
      recipients,
      text: reminderText(
        'dsptRenewal',
        { organisation: { name: record.name, odsCode: record.odsCode }, dueOn: renewal.dueOn },
        0,
        t.workingDayHours,
      ),
      why: `DSPT status "${record.status}" is due for renewal on ${renewal.dueOn}; reminder ${ordinal} of ${t.dsptReminderDates.length} (${clock.now.toISOString()})`,
    });
  }
  return out;
}

function requestersByOdsCode(data: Readonly<LiveData>): Map<string, Recipient[]> {
  const map = new Map<string, Recipient[]>();
  for (const ticket of data.tickets) {
    const code = ticket.organisation?.odsCode?.toUpperCase();
    if (!code || !ticket.requester?.aadObjectId) continue;
    const list = map.get(code) ?? [];
    if (!list.some((r) => r.kind === 'person' && r.aadObjectId === ticket.requester.aadObjectId)) list.push(requesterOf(ticket));
    map.set(code, list);
  }
  return map;
}

function requesterOf(ticket: WorkflowTicket): Recipient {
  return {
    kind: 'person',
    aadObjectId: ticket.requester.aadObjectId,
    ...(ticket.requester.email ? { email: ticket.requester.email } : {}),
  };
}

function peopleByScope(data: Readonly<LiveData>, kind: 'icsLead'): Map<string, Recipient[]> {
  const map = new Map<string, Recipient[]>();
  for (const entry of data.rosters) {
    if (entry.kind !== kind || !entry.scope) continue;
    map.set(entry.scope, [...(map.get(entry.scope) ?? []), { kind: 'person', aadObjectId: entry.id }]);
  }
  return map;
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}
