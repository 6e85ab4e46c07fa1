/** DSPT renewal reminders: organisations whose published status runs out on 30 June, reminded on the configured dates. */
import type { WorkflowTicket } from '../../data/model.js';
import { parsePublishedStatus, renewalDue } from '../../data/rules/dspt.js';
import { londonToday } from '../../data/rules/londonTime.js';
import type { DueReminder, DueSources, Recipient } from './dueReminders.js';
import { sentDspt } from './ledger.js';
import { reminderText } from './reminderWording.js';
import type { ReminderThresholds } from './thresholds.js';

/** How many of this year's DSPT reminder dates have come by `now` (0 also after 30 June: nothing is sent then). */
function dsptOrdinal(now: Date, t: ReminderThresholds): number {
  const today = londonToday(now);
  const year = today.slice(0, 4);
  if (today > `${year}-06-30`) return 0;
  return t.dsptReminderDates.filter((mmdd) => `${year}-${mmdd}` <= today).length;
}

/** Whether any DSPT renewal reminder can be due at `now` (the sweep then reads the DSPT statuses). */
export function dsptSeason(now: Date, t: ReminderThresholds): boolean {
  return dsptOrdinal(now, t) > 0;
}

/**
 * The ODS codes with a DSPT renewal reminder due and not yet sent (whoever would receive it): the sweep looks only at
 * those organisations' tickets for their requesters.
 */
export function dsptCodesDue(data: Pick<DueSources, 'dsptStatuses' | 'reminderLedger'>, now: Date, t: ReminderThresholds): Set<string> {
  const today = londonToday(now);
  const year = today.slice(0, 4);
  const ordinal = dsptOrdinal(now, t);
  const codes = new Set<string>();
  if (ordinal === 0) return codes;
  for (const record of data.dsptStatuses) {
    const renewal = renewalDue(parsePublishedStatus(record, today), today);
    if (renewal.basis !== 'statusYear' || !renewal.endsThisYear || renewal.overdue) continue;
    if (ordinal > sentDspt(data.reminderLedger, record.odsCode, year)) codes.add(record.odsCode.toUpperCase());
  }
  return codes;
}

/**
 * DSPT renewal: organisations whose stored status runs out on 30 June this year, reminded on each configured date.
 * `requestersOf` gives an organisation's requesters (by ODS code, any case).
 */
export function dsptReminders(
  data: Pick<DueSources, 'dsptStatuses' | 'reminderLedger'>,
  requestersOf: (odsCode: string) => Recipient[],
  now: Date,
  t: ReminderThresholds,
): DueReminder[] {
  const today = londonToday(now);
  const year = today.slice(0, 4);
  const ordinal = dsptOrdinal(now, t);
  if (ordinal === 0 || data.dsptStatuses.length === 0) return [];
  const out: DueReminder[] = [];
  for (const record of data.dsptStatuses) {
    const renewal = renewalDue(parsePublishedStatus(record, today), today);
    if (renewal.basis !== 'statusYear' || !renewal.endsThisYear || renewal.overdue) continue;
    if (ordinal <= sentDspt(data.reminderLedger, record.odsCode, year)) continue;
    const recipients = requestersOf(record.odsCode);
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
      why: `DSPT status "${record.status}" is due for renewal on ${renewal.dueOn}; reminder ${ordinal} of ${t.dsptReminderDates.length} (${now.toISOString()})`,
    });
  }
  return out;
}

/** The requesters of these tickets by ODS code (upper case), each person once. */
export function requestersByOdsCode(tickets: Iterable<WorkflowTicket>): Map<string, Recipient[]> {
  const map = new Map<string, Recipient[]>();
  for (const ticket of tickets) {
    const code = ticket.organisation?.odsCode?.toUpperCase();
    if (!code || !ticket.requester?.aadObjectId) continue;
    const list = map.get(code) ?? [];
    if (!list.some((r) => r.kind === 'person' && r.aadObjectId === ticket.requester.aadObjectId)) list.push(requesterOf(ticket));
    map.set(code, list);
  }
  return map;
}

export function requesterOf(ticket: WorkflowTicket): Recipient {
  return {
    kind: 'person',
    aadObjectId: ticket.requester.aadObjectId,
    ...(ticket.requester.email ? { email: ticket.requester.email } : {}),
  };
}
