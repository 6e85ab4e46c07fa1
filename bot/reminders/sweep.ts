/**
 * One reminder sweep: work out what is due from the open tickets (streamed), withdraw what has waited too long, then
 * record the reminders in batches, each batch one transaction holding its reminders in the ledger, their digests and
 * the marks on their tickets; then deliver. A stop between batches leaves the recorded digests pending for the
 * notifier's retry and the rest unrecorded for the next sweep: nothing repeats and nothing is skipped.
 */
import { setImmediate } from 'node:timers/promises';
import { isChannelKey } from '../../data/conversationKeys.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import type { Store } from '../../data/store/store.js';
import { errorKind, type Logger } from '../log.js';
import type { Notifier } from '../notify/notifier.js';
import type { Workflow } from '../../data/workflow/workflow.js';
import { buildDigests, digestKey } from './digests.js';
import { BATCH_REMINDERS, planBatches, recordBatch, type RecordedBatch } from './sweepBatches.js';
import { findCandidates } from './sweepCandidates.js';
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
  /** Reminders recorded per transaction (BATCH_REMINDERS unless a test asks for fewer). */
  batchSize?: number;
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

  const found = await findCandidates(deps.store, deps.calendar, now, deps.thresholds);
  let withdrawn = 0;
  for (const w of found.withdrawals) {
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

  const digests: RecordedBatch['digests'] = [];
  const marked = new Set<string>();
  // How many digests each recipient has had in this sweep: only a backlog split over batches gives one more than one.
  const parts = new Map<string, number>();
  const batches = planBatches(found.reminders, deps.batchSize ?? BATCH_REMINDERS);
  // Planning a large backlog takes a while: the event loop has a turn before the first batch is built.
  await setImmediate();
  for (const batch of batches) {
    const built = buildDigests(batch, now, (recipientKey) => {
      const part = (parts.get(recipientKey) ?? 0) + 1;
      parts.set(recipientKey, part);
      return digestKey(recipientKey, now, part);
    });
    const recorded = await deps.store.transaction((tx) => recordBatch(tx, batch, built, now, deps.thresholds.workingDayHours));
    digests.push(...recorded.digests);
    for (const id of recorded.marked) marked.add(id);
    // Building the next batch's digests waits for the event loop to have served everyone else.
    await setImmediate();
  }
  if (found.staleTickets.length > 0 || found.staleDspt.length > 0) {
    await deps.store.transaction(async (tx) => {
      for (const id of found.staleTickets) await tx.reminders.setTicket(id, undefined);
      for (const code of found.staleDspt) await tx.reminders.setDspt(code, undefined);
    });
  }

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
