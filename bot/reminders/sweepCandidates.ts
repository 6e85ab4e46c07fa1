/**
 * The sweep's first pass, before anything is written: what is due now, from the open tickets that can have something
 * due (streamed, a batch at a time), the rosters, the ledger and, in the DSPT season, the organisations due a renewal
 * reminder; and which ledger entries are no longer needed.
 */
import type { DueReminder, DueWithdrawal, Recipient } from './dueReminders.js';
import { dsptCodesDue, dsptReminders, dsptSeason, shortestWait, ticketPlanner } from './dueReminders.js';
import { requestersByOdsCode } from './dsptReminders.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import { londonToday } from '../../data/rules/londonTime.js';
import type { ReminderLedger, WorkflowTicket } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';
import { OPEN_STATES } from '../../data/workflow/transitions.js';
import type { ReminderThresholds } from './thresholds.js';
import { workingClock } from './workingClock.js';

export interface Candidates {
  /** Reminders due and not yet sent, each with at least one recipient, in the tickets' order, then the DSPT ones. */
  reminders: DueReminder[];
  withdrawals: DueWithdrawal[];
  /** Ledger entries no longer needed: of tickets that are not candidates, and DSPT entries of other years. */
  staleTickets: string[];
  staleDspt: string[];
}

const HOUR_MS = 3_600_000;
/** Candidates whose ledger entries are read in one go. */
const PLAN_BATCH = 500;

export async function findCandidates(store: Store, calendar: WorkingCalendar, now: Date, t: ReminderThresholds): Promise<Candidates> {
  const [leads, channels, ledgerIds, dspt] = await Promise.all([
    store.rosters.list({ kind: 'icsLead' }),
    store.rosters.list({ kind: 'helpdeskChannel' }),
    store.reminders.ticketIds(),
    store.reminders.dsptEntries(),
  ]);
  // Filled a batch of candidates at a time: the whole ledger holds an entry per waiting ticket (50,000 on a large store).
  const ledger: ReminderLedger = { tickets: {}, dspt };
  // The clock reaches back as far as it ever counts, so no ticket is needed to build it.
  const clock = workingClock(calendar, now, 0, t.workingDayHours);
  const plan = ticketPlanner({ rosters: [...leads, ...channels], reminderLedger: ledger }, clock, t);
  /*
   * A ticket has something due only once its wait has lasted the shortest threshold in working hours, so at least as
   * long in wall-clock hours; its wait began no earlier than its state did (an action that moves it records both). So
   * only tickets whose state began by then are read: a ledger entry of any other ticket belongs to an earlier wait.
   */
  const enteredBy = new Date(now.getTime() - shortestWait(t) * HOUR_MS + 1).toISOString();
  const reminders: DueReminder[] = [];
  const withdrawals: DueWithdrawal[] = [];
  const candidates = new Set<string>();
  const planBatch = async (batch: WorkflowTicket[]) => {
    Object.assign(ledger.tickets, await store.reminders.tickets(batch.map((ticket) => ticket.id)));
    for (const ticket of batch) {
      candidates.add(ticket.id);
      const due = plan(ticket);
      for (const reminder of due.reminders) if (reminder.recipients.length > 0) reminders.push(reminder);
      if (due.withdrawal) withdrawals.push(due.withdrawal);
    }
  };
  let batch: WorkflowTicket[] = [];
  for await (const ticket of store.tickets.stream({ states: OPEN_STATES, stateEnteredBefore: enteredBy })) {
    batch.push(ticket);
    if (batch.length === PLAN_BATCH) {
      await planBatch(batch);
      batch = [];
    }
  }
  await planBatch(batch);

  if (dsptSeason(now, t)) {
    const dsptStatuses = await store.reference.dsptStatuses();
    const codes = dsptCodesDue({ dsptStatuses, reminderLedger: ledger }, now, t);
    // An organisation's requesters, from its tickets in any state: a renewal concerns whoever asked for access.
    const requesters = new Map<string, Recipient[]>();
    for (const code of codes) requesters.set(code, requestersByOdsCode(await store.tickets.list({ odsCode: code })).get(code) ?? []);
    const due = dsptReminders(
      { dsptStatuses: dsptStatuses.filter((r) => codes.has(r.odsCode.toUpperCase())), reminderLedger: ledger },
      (odsCode) => requesters.get(odsCode.toUpperCase()) ?? [],
      now,
      t,
    );
    reminders.push(...due);
  }

  const year = londonToday(now).slice(0, 4);
  return {
    reminders,
    withdrawals,
    staleTickets: ledgerIds.filter((id) => !candidates.has(id)),
    staleDspt: Object.entries(ledger.dspt)
      .filter(([, entry]) => entry.year !== year)
      .map(([code]) => code),
  };
}
