import { readFileSync } from 'node:fs';
import type { Store } from '../../data/store/store.js';
import type { Config } from '../config.js';
import type { OnboardingAdapter } from '../teams/adapter.js';
import { createCardInvokeHandler } from '../teams/cardInvoke.js';
import { errorKind, type Logger } from '../log.js';
import { createMailer } from '../notify/mailer.js';
import { createCardSender, type CardSender } from '../notify/cardSender.js';
import { createNotifier, type Notifier } from '../notify/notifier.js';
import { createTeamsSender } from '../notify/teamsSender.js';
import { createWorkflow, type Workflow } from '../../data/workflow/workflow.js';
import type { OdsDirectory } from '../../dialogs/dialogServices.js';
import { checkingWorkflow, createAutomaticCheckRuns, type AutomaticCheckRuns } from './automaticCheckRuns.js';
import { ensureChannelConversation } from './channels.js';
import { recordRequesterUpdate } from './requesterUpdates.js';
import { createTicketCards, type TicketCards } from './ticketCards.js';

export interface TicketServices {
  workflow: Workflow;
  notifier: Notifier;
  cardSender: CardSender;
  cards: TicketCards;
  automaticChecks: AutomaticCheckRuns;
  cardInvoke: ReturnType<typeof createCardInvokeHandler>;
  /** Stops the timers and waits for deliveries and event handling in progress; what is left stays pending in the store. */
  stop(): Promise<void>;
}

/**
 * Wires the ticket workflow to Teams and e-mail: every applied transition updates each posted copy of the ticket's card
 * and tells the requester what matters to them; a timer retries what could not be delivered.
 */
export function startTicketServices(
  config: Config, store: Store, adapter: OnboardingAdapter, logger: Logger, ods: OdsDirectory, clock: () => Date = () => new Date(),
): TicketServices {
  const mailer = createMailer(config.smtp, config.smtp.caFile ? { tls: { ca: readFileSync(config.smtp.caFile, 'utf8') } } : {});
  const teams = createTeamsSender(adapter, config.bot.appId);
  const notifier = createNotifier({ store, teams, mailer, clock, logger, queueStepMs: config.notifyRetryMs });
  // The manager's update is recorded in the same write as the step and handed to the notifier once it is on disk: a slow
  // delivery to one manager (Teams throttling, then e-mail) never holds up anyone's cards.
  const recording = createWorkflow({
    store, clock,
    onListenerError: (err, where) => logger.error('ticket event handling failed', { error: errorKind(err), ticketId: where.ticketId, verb: where.verb }),
    withTransition: (tx, event) => recordRequesterUpdate(tx.data, event, clock(), config.helpdesk),
    deliver: (key) => { void notifier.deliver(key); },
  });
  const automaticChecks = createAutomaticCheckRuns({ store, workflow: recording, ods, clock, logger });
  const workflow = checkingWorkflow(recording, automaticChecks);
  const cardSender = createCardSender({ store, teams, clock, logger });
  const cards = createTicketCards({
    store, workflow, sender: cardSender, logger, now: clock,
    ensureChannel: (key) => ensureChannelConversation(store, key, config.teamsServiceUrl, config.bot.appId, clock()),
  });
  workflow.onEvent((event) => cards.sync(event.ticket.id));

  notifier.start(config.notifyRetryMs);
  cardSender.start(config.notifyRetryMs);
  const syncAll = () => cards.syncAll().catch((err: unknown) => logger.error('could not post ticket cards', { error: errorKind(err) }));
  void syncAll();
  const timer = setInterval(() => void syncAll(), config.notifyRetryMs);
  timer.unref();

  return {
    workflow, notifier, cardSender, cards, automaticChecks,
    cardInvoke: createCardInvokeHandler({ workflow, store, now: clock, helpdesk: config.helpdesk, automaticChecks }),
    async stop() {
      clearInterval(timer);
      // The senders first: they cut their retry waits short, so draining the card updates cannot run into the hard stop.
      await Promise.all([notifier.stop(), cardSender.stop()]);
      await Promise.race([workflow.drain(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      mailer?.close();
    },
  };
}
