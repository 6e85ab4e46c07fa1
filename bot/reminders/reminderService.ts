/** Wires the reminder sweep into the host: the calendar over the store, the notifier and workflow, the lock on DATA_DIR. */
import type { Store } from '../../data/store/store.js';
import type { Logger } from '../log.js';
import { storeCalendar } from '../storeCalendar.js';
import { ensureChannelConversation } from '../tickets/channels.js';
import type { TicketServices } from '../tickets/ticketServices.js';
import { startReminderScheduler, type ReminderScheduler } from './scheduler.js';
import { runSweep } from './sweep.js';
import { directorySweepLock } from './sweepLock.js';
import type { ReminderThresholds } from './thresholds.js';

export interface ReminderServiceOptions {
  dataDir: string;
  store: Store;
  tickets: Pick<TicketServices, 'notifier' | 'workflow' | 'cards'>;
  thresholds: ReminderThresholds;
  logger: Logger;
  teamsServiceUrl: string;
  botAppId: string;
  clock?: () => Date;
}

/** Used once by bot/app.ts after the ticket services start; stop() before the store closes. */
export function startReminders(options: ReminderServiceOptions): ReminderScheduler {
  const clock = options.clock ?? (() => new Date());
  const calendar = storeCalendar(options.store);
  const lock = directorySweepLock(options.dataDir, { onLost: () => options.logger.warn('reminders: the sweep lock was lost; will try to take it again') });
  return startReminderScheduler({
    cron: options.thresholds.cron, lock, logger: options.logger,
    sweep: () => runSweep({
      store: options.store, calendar, clock, logger: options.logger, thresholds: options.thresholds,
      notifier: options.tickets.notifier, workflow: options.tickets.workflow,
      ensureChannel: (key) => ensureChannelConversation(options.store, key, options.teamsServiceUrl, options.botAppId, clock()),
      // The escalation lines on the tickets' cards (issue 14 point 5): every posted copy is updated.
      syncCard: (ticketId) => options.tickets.cards.sync(ticketId),
    }),
  });
}
