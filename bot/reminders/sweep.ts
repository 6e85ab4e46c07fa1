/**
 * One reminder sweep: withdraw what has waited too long, then record every digest and the reminders it covers in ONE
 * store update, then deliver. A stop after the update leaves the digests pending for the notifier's retry, and the
 * reminders already recorded: nothing repeats and nothing is skipped.
 */
import { isChannelKey } from '../../data/conversationKeys.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import type { Store } from '../../data/store/store.js';
import { errorKind, type Logger } from '../log.js';
import { addNotificationToData, pendingNotification, type Notifier } from '../notify/notifier.js';
import type { Workflow } from '../../data/workflow/workflow.js';
import { buildDigests } from './digests.js';
import { dsptCodesDue, dueReminders, type DueWithdrawal } from './dueReminders.js';
import { londonToday } from '../../data/rules/londonTime.js';
import { readLedger, writeLedger } from './ledger.js';
import { recordReminderMarks } from './reminderMarks.js';
import type { ReminderThresholds } from './thresholds.js';

export interface SweepDeps {
  store: Store;
  calendar: WorkingCalendar;
  notifier: Pick<Notifier, 'deliver'>;
  workflow: Pick<Workflow, 'act'>;
  thresholds: ReminderThresholds;
  clock: () => Date;
  logger?: Logger;
  /** Makes sure a channel has a stored conversation before a digest to it is delivered (the host's ensureChannelConversation). */
  ensureChannel?: (conversationKey: string) => Promise<void>;
  /**
   * Updates every posted copy of a ticket's card called once the reminders marked on it are
   * on disk. A copy missed here (a stop in between) is caught by the ticket cards' periodic re-sync.
   */
  syncCard?: (ticketId: string) => Promise<void>;
}

export interface SweepResult {
  /** Set when the sweep did nothing because it is outside working hours. */
  skipped?: 'outsideWorkingHours';
  digests: number;
  reminders: number;
  withdrawn: number;
}

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** One sweep at `deps.clock()` (nothing outside working hours); the clock is injected so time can be fixed. */
export async function runSweep(deps: SweepDeps): Promise<SweepResult> {
  const logger = deps.logger ?? silent;
  const now = deps.clock();
  if (!deps.calendar.isWorkingTime(now)) return { skipped: 'outsideWorkingHours', digests: 0, reminders: 0, withdrawn: 0 };

  const first = await findCandidates(deps, now);
  let withdrawn = 0;
  for (const w of first.withdrawals) {
    // The requester's notice is recorded by the workflow's withTransition in the same write as the withdrawal, and
    // handed to the notifier by the workflow after it.
    const outcome = await deps.workflow.act({
      ticketId: w.ticketId,
      verb: 'withdraw',
      actor: { kind: 'system' },
      expectedVersion: w.version,
    });
    if (outcome.ok) withdrawn += 1;
    else logger.info('reminder withdrawal not applied', { ticketId: w.ticketId, code: outcome.code });
  }
  if (!first.work) return { digests: 0, reminders: 0, withdrawn };

  // Worked out again inside the update, so what is recorded is exactly what the data says at the moment of writing.
  const { digests, marked } = await deps.store.update((tx) => {
    // Only the candidates are worked out again: tickets with something due, and for a DSPT renewal the organisation's
    // tickets (their requesters receive it).
    const tickets = tx.scan.tickets.filter(
      (t) =>
        first.ticketIds.has(t.id) ||
        first.dsptCodes.has(String((t as { organisation?: { odsCode?: string } }).organisation?.odsCode ?? '').toUpperCase()),
    );
    const dsptStatuses = tx.scan.dsptStatuses.filter((r) => first.dsptCodes.has(r.odsCode.toUpperCase()));
    const due = dueReminders({ ...tx.scan, tickets, dsptStatuses }, deps.calendar, now, deps.thresholds);
    const sendable = due.reminders.filter((r) => r.recipients.length > 0);
    const built = buildDigests(sendable, now);
    for (const digest of built) {
      addNotificationToData(tx.data, pendingNotification(digest.notification, now));
      tx.audit({
        actor: 'system',
        action: 'reminder.digest',
        details: { key: digest.notification.key, recipient: digest.recipientKey, reminders: digest.reminders.map((r) => r.key) },
      });
    }
    writeLedger(tx.data, sendable, first.openTicketIds, due.year);
    const marked = recordReminderMarks(tx, sendable, now, deps.thresholds.workingDayHours);
    return { digests: built.map((d) => ({ key: d.notification.key, recipientKey: d.recipientKey, count: d.reminders.length })), marked };
  });

  for (const channel of new Set(digests.map((d) => d.recipientKey).filter(isChannelKey))) {
    try {
      await deps.ensureChannel?.(channel);
    } catch (err) {
      // The digest stays pending and the notifier tries again later.
      logger.warn('reminder channel not ready', { conversationKey: channel, error: errorKind(err) });
    }
  }
  await Promise.all(digests.map((d) => deps.notifier.deliver(d.key)));
  await Promise.all(
    [...marked].map((ticketId) =>
      deps.syncCard?.(ticketId).catch((err: unknown) => {
        logger.warn('reminder card update failed', { ticketId, error: errorKind(err) });
      }),
    ),
  );
  const reminders = digests.reduce((sum, d) => sum + d.count, 0);
  if (digests.length > 0) logger.info('reminders sent', { digests: digests.length, reminders, withdrawn });
  return { digests: digests.length, reminders, withdrawn };
}

/** Tickets looked at per slice of the first pass; between slices the event loop is free (a slice takes a few milliseconds). */
const SLICE = 5_000;

interface Candidates {
  ticketIds: Set<string>;
  openTicketIds: Set<string>;
  withdrawals: DueWithdrawal[];
  /** Organisations with a DSPT renewal reminder due. */
  dsptCodes: Set<string>;
  work: boolean;
}

/**
 * The first pass, outside any update and in slices: which tickets have something due, which are open, what to withdraw.
 * Reads through store.scan (no write-guard proxies). The update then works out only these candidates again, on the data
 * as it is at that moment, so a sweep with nothing due costs no write and never holds the event loop for long.
 */
async function findCandidates(deps: SweepDeps, now: Date): Promise<Candidates> {
  const ticketIds = new Set<string>();
  const openTicketIds = new Set<string>();
  const withdrawals: DueWithdrawal[] = [];
  const total = deps.store.scan((data) => data.tickets.length);
  for (let start = 0; start < total; start += SLICE) {
    const part = deps.store.scan((data) =>
      dueReminders({ ...data, tickets: data.tickets.slice(start, start + SLICE), dsptStatuses: [] }, deps.calendar, now, deps.thresholds),
    );
    for (const reminder of part.reminders) if (reminder.ticketId && reminder.recipients.length > 0) ticketIds.add(reminder.ticketId);
    for (const id of part.openTicketIds) openTicketIds.add(id);
    withdrawals.push(...part.withdrawals);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return deps.store.scan((data) => {
    const dsptCodes = dsptCodesDue(data, now, deps.thresholds);
    const ledger = readLedger(data);
    const year = londonToday(now).slice(0, 4);
    const stale =
      Object.keys(ledger.tickets).some((id) => !openTicketIds.has(id)) || Object.values(ledger.dspt).some((entry) => entry?.year !== year);
    return { ticketIds, openTicketIds, withdrawals, dsptCodes, work: ticketIds.size > 0 || dsptCodes.size > 0 || stale };
  });
}
