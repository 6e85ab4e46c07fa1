import { readFileSync } from 'node:fs';
import { startControlSocket } from './admin/controlSocket.js';
import { runAdmin } from './admin/runAdmin.js';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { ConversationState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { AppError } from '../data/errors.js';
import { openLowdbStore } from '../data/store/lowdbStore.js';
import { openMemoryStore } from '../data/store/memoryStore.js';
import type { Store } from '../data/store/store.js';
import { createWorkflow, type Workflow } from '../data/workflow/workflow.js';
import { AccessRequestDialog } from '../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog } from '../dialogs/accessRequest/addUsersDialog.js';
import type { DialogServices } from '../dialogs/dialogServices.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { createAttachmentReader, httpsUnder, onThisMachine } from './attachments/attachmentReader.js';
import { isLocalMode, isLoopbackHost, type Config } from './config.js';
import { seedDemoIfFresh } from './demo/seedDemo.js';
import { InFlight } from './inFlight.js';
import { errorKind, type Logger } from './log.js';
import { createCardSender } from './notify/cardSender.js';
import { createMailer } from './notify/mailer.js';
import { createNotifier } from './notify/notifier.js';
import { createTeamsSender } from './notify/teamsSender.js';
import { createOrdClient } from './ods/ordClient.js';
import { startReminderScheduler } from './reminders/scheduler.js';
import { runSweep } from './reminders/sweep.js';
import { directorySweepLock } from './reminders/sweepLock.js';
import { soleProcessJobLock, type JobLock, type JobName } from './jobs/jobLock.js';
import { startPeriodicJob } from './jobs/periodicJob.js';
import { postgresJobLock } from './jobs/postgresJobLock.js';
import { openDatabase } from './openDatabase.js';
import { logBackgroundFailure } from './storeUnavailable.js';
import { createServer } from './server.js';
import { createMetrics, timedSweep } from './metrics/metrics.js';
import { registerMetricsRoute } from './metrics/metricsRoute.js';
import { registerStoreGauges } from './metrics/storeGauges.js';
import { timedStore } from './metrics/timedStore.js';
import { createSpreadsheetReader } from './spreadsheet/attachedSpreadsheet.js';
import { buildUsersTemplate } from './spreadsheet/usersTemplate.js';
import { storeCalendar } from './storeCalendar.js';
import { createAdapter } from './teams/adapter.js';
import { BotStateStorage, expireIdleBotState } from './teams/botStateStorage.js';
import { createCardInvokeHandler } from './teams/cardInvoke.js';
import { createDialogTurns, memberEmail, USERS_TEMPLATE_PATH } from './teams/dialogTurns.js';
import { OnboardingBot } from './teams/onboardingBot.js';
import { handleTurnErrors } from './teams/turnErrors.js';
import { checkingWorkflow, createAutomaticCheckRuns } from './tickets/automaticCheckRuns.js';
import { ensureChannelConversation } from './tickets/channels.js';
import { recordRequesterUpdate } from './tickets/requesterUpdates.js';
import { soleProcessCardSyncLock } from './tickets/cardSyncLock.js';
import { postgresCardSyncLock } from './tickets/postgresCardSyncLock.js';
import { createTicketCards } from './tickets/ticketCards.js';
import { createTabTokenVerifier } from './web/tabToken.js';
import { registerHelpdeskTab } from './web/tabRoutes.js';

/** How often closed tickets are moved out of the live file (every write re-serialises it, so it must stay small). */
const ARCHIVE_EVERY_MS = 60 * 60 * 1000;
/** How soon a bank-holiday import reaches every instance on a database (the CLI changes the database, not the bots). */
const CALENDAR_REFRESH_MS = 5 * 60 * 1000;

export interface RunningApp {
  server: restify.Server;
  store: Store;
  port: number;
  workflow: Workflow;
  /** Stops taking requests, lets in-flight turns finish (up to the configured timeout), flushes and closes the store. */
  stop(): Promise<{ drained: boolean }>;
}

/** The package version, reported by /healthz. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

/**
 * The one place the service is put together, in order: config → store → calendar → notifier → workflow → ticket cards →
 * reminders → dialogs → activity handler → server; then it starts, and stop() takes it down in the reverse order.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  refuseOpenBotOnPublicAddress(config);
  const clock = () => new Date();
  /** The database the instances share (STORE=postgres), whose locks keep work that must happen once to one instance. */
  const sharedDatabase = config.store === 'postgres' ? config.databaseUrl : undefined;
  // The numbers GET /metrics serves (docs/operations.md), on this app's own registry; every store write is timed.
  const metrics = createMetrics();
  const store = timedStore(await openStore(config, logger), metrics);
  const calendar = await storeCalendar(store);
  registerStoreGauges(metrics.registry, { store, calendar, clock });
  const adapter = createAdapter(config);
  const teams = createTeamsSender(adapter, config.bot.appId);
  // One ODS client for the conversations and the helpdesk's automatic checks: its cache and rate limit are shared.
  const ods = createOrdClient({ baseUrl: config.odsBaseUrl, logger });

  // Messages to people: recorded in the store first, then Teams with retries, e-mail as the fallback.
  const mailer = createMailer(config.smtp, config.smtp.caFile ? { tls: { ca: readFileSync(config.smtp.caFile, 'utf8') } } : {});
  const notifier = createNotifier({
    store,
    teams,
    mailer,
    clock,
    logger,
    queueStepMs: config.notifyRetryMs,
    leaseMs: config.notifyLeaseMs,
    metrics,
  });

  // The workflow. The manager's update is recorded in the same write as the step and handed to the notifier once it is
  // on disk, without waiting: a slow delivery to one manager (Teams throttling, then e-mail) never holds up anyone's cards.
  const recording = createWorkflow({
    store,
    clock,
    onListenerError: (err, where) =>
      logger.error('ticket event handling failed', { error: errorKind(err), ticketId: where.ticketId, verb: where.verb }),
    withTransition: (tx, event) => recordRequesterUpdate(tx, event, clock(), config.helpdesk),
    deliver: (key) => {
      void notifier.deliver(key);
    },
  });
  const automaticChecks = createAutomaticCheckRuns({ store, workflow: recording, ods, clock, logger });
  const workflow = checkingWorkflow(recording, automaticChecks);

  // Ticket cards: every copy posted where it belongs and updated on every event.
  const ensureChannel = (key: string) => ensureChannelConversation(store, key, config.teamsServiceUrl, config.bot.appId, clock());
  const cardSender = createCardSender({ store, teams, clock, logger });
  // Instances sharing a database sync one ticket's cards one at a time, so a missing copy is posted once.
  const syncLock = sharedDatabase ? postgresCardSyncLock(sharedDatabase) : soleProcessCardSyncLock();
  const cards = createTicketCards({ store, workflow, sender: cardSender, ensureChannel, logger, now: clock, syncLock });
  workflow.onEvent((event) => cards.sync(event.ticket.id));

  // Reminders: thresholds from REMINDER_* (bot/reminders/thresholds.ts); one instance at a time sweeps (jobLock, below).
  const sweep = () =>
    timedSweep(metrics, clock, () =>
      runSweep({
        store,
        calendar,
        clock,
        logger,
        thresholds: config.reminders,
        notifier,
        workflow,
        ensureChannel,
        // The escalation lines on the tickets' cards: every posted copy is updated.
        syncCard: (ticketId) => cards.sync(ticketId),
      }),
    );
  // Work that must happen once runs on one instance at a time: across the instances sharing a database (a lock per
  // job), or in the one process that owns the data folder (the sweep keeps its lock file there, as it always has).
  const jobLock = (job: JobName): JobLock => {
    const onLost = () => logger.warn('the lock of a job that runs on one instance was lost; will try to take it again', { job });
    if (sharedDatabase) return postgresJobLock(sharedDatabase, job, { onLost });
    return job === 'reminder-sweep' ? directorySweepLock(config.dataDir, { onLost }) : soleProcessJobLock();
  };

  // The care home manager's conversations and the services they use.
  const allowedAttachment = httpsUnder(config.attachmentHosts);
  const dialogServices: DialogServices = {
    store,
    workflow,
    ods,
    calendar,
    clock,
    memberEmail,
    helpdesk: config.helpdesk,
    // Loopback downloads only in local mode (the Agents Playground and tests serve files from this machine).
    spreadsheets: createSpreadsheetReader(
      createAttachmentReader({
        isAllowedUrl: (url) => allowedAttachment(url) || (isLocalMode(config) && onThisMachine(url)),
      }),
    ),
    usersTemplateUrl: new URL(USERS_TEMPLATE_PATH.slice(1), config.publicBaseUrl).toString(),
  };
  const mainDialog = new MainDialog(dialogServices, {
    accessRequest: new AccessRequestDialog(dialogServices),
    addStaff: new AddUsersDialog(dialogServices),
  });

  // The activity handler: dialog state lives in the store; card buttons go to the card handlers.
  const conversationState = new ConversationState(new BotStateStorage(store));
  handleTurnErrors(adapter, { logger, conversationState, store });
  const dialogTurns = createDialogTurns({
    main: mainDialog,
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    store,
    logger,
  });
  const cardInvoke = createCardInvokeHandler({ workflow, store, now: clock, helpdesk: config.helpdesk, automaticChecks, metrics });
  const bot = new OnboardingBot(conversationState, store, dialogTurns, cardInvoke, metrics);

  // The server: the Bot Framework endpoint, health, the users template and the helpdesk tab.
  const inFlight = new InFlight();
  let stopping: Promise<{ drained: boolean }> | undefined;
  let usersTemplate: Promise<Buffer> | undefined;
  const server = createServer({
    adapter,
    bot,
    store,
    inFlight,
    logger,
    version: VERSION,
    authenticated: !isLocalMode(config),
    limits: config.http,
    isStopping: () => stopping !== undefined,
    usersTemplate: () => (usersTemplate ??= buildUsersTemplate()),
  });
  registerMetricsRoute(server, { metrics, authenticated: !isLocalMode(config), token: config.metricsToken, logger });
  registerHelpdeskTab(server, {
    config,
    store,
    logger,
    now: clock,
    calendar,
    verifier: createTabTokenVerifier(config.tab),
    automaticChecks,
  });

  // Start. Deliveries first: a timer retries what could not be delivered and (on one instance) re-syncs every open
  // ticket's cards, so a card that could not be posted (Teams down, a lead who had not yet spoken to the bot) is posted later.
  notifier.start(config.notifyRetryMs);
  cardSender.start(config.notifyRetryMs);
  const resync = startPeriodicJob({
    job: 'card-resync',
    everyMs: config.notifyRetryMs,
    lock: jobLock('card-resync'),
    logger,
    failure: 'could not post ticket cards',
    run: () => cards.syncAll(),
  });
  /** Stops the timers and waits for deliveries and event handling in progress; what is left stays pending in the store. */
  const stopDeliveries = async () => {
    const resyncStopped = resync.stop();
    // The senders first: they cut their retry waits short, so draining the card updates cannot run into the hard stop.
    await Promise.all([notifier.stop(), cardSender.stop()]);
    await Promise.race([Promise.all([workflow.drain(), resyncStopped]), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    await syncLock.close();
    mailer?.close();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (err) {
    await stopDeliveries();
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(
      'listen-failed',
      code === 'EADDRINUSE'
        ? `Port ${config.port} on ${config.host} is already in use: stop what is using it, or set PORT to another port.`
        : `Cannot listen on ${config.host}:${config.port} (${code ?? errorKind(err)}): check HOST and PORT.`,
    );
  }
  const port = (server.address() as AddressInfo).port;
  announceMode(config, logger);
  logger.info(`listening on http://localhost:${port}`, { port, version: VERSION, store: config.store });
  await seedDemoIfFresh({ config, store, logger, port }); // local mode with an empty store only: bot/demo/seedDemo.ts
  // Admin commands while the bot runs: the CLI sends them here, and they run on this store (bot/admin/controlSocket.ts).
  // lowdb and memory only: on a database the CLI is one more client and needs no bot to run its commands.
  const control =
    config.store === 'postgres'
      ? undefined
      : await startControlSocket(config.dataDir, async ({ argv, actor }, say) => {
          const io = { env: {}, out: (line: string) => say({ out: line }), err: (line: string) => say({ err: line }) };
          const code = await runAdmin(argv, io, { store, actor, config });
          // An import may have brought new bank holidays: the reminders and the tab count working hours with them from now on.
          await calendar.refresh();
          return code;
        }).catch((err: unknown) => {
          // Not fatal: the bot serves people as before, and admin changes wait for it to stop (as they did before the socket).
          logger.warn('admin commands cannot reach this bot while it runs', { error: errorKind(err) });
          return undefined;
        });

  // On a database an import by the CLI reaches no bot directly: every instance reads the bank holidays again every few minutes.
  const calendarTimer =
    config.store === 'postgres'
      ? setInterval(
          () => void calendar.refresh().catch((err: unknown) => logBackgroundFailure(logger, 'could not read the bank holidays', err)),
          CALENDAR_REFRESH_MS,
        ).unref()
      : undefined;

  // Closed tickets become 'archived' through the workflow (audited, every copy's card updated), then leave the live
  // file; on one instance, so two never act on the same closed tickets.
  const archive = startPeriodicJob({
    job: 'archive',
    everyMs: ARCHIVE_EVERY_MS,
    lock: jobLock('archive'),
    logger,
    failure: 'could not archive closed tickets',
    run: async () => {
      const moved = await archiveClosed(workflow, store);
      if (moved > 0) logger.info('archived closed tickets', { moved });
      const forgotten = await expireIdleBotState(store, new Date());
      if (forgotten > 0) logger.info('forgot idle conversations', { forgotten });
    },
  });
  const reminders = startReminderScheduler({ cron: config.reminders.cron, lock: jobLock('reminder-sweep'), logger, sweep });

  const stop = () => {
    stopping ??= (async () => {
      clearInterval(calendarTimer);
      const archiveStopped = archive.stop();
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const drained = await inFlight.drained(config.shutdownTimeoutMs);
      if (!drained) logger.warn('shutdown timeout: some turns were still running', { inFlight: inFlight.size });
      server.server.closeAllConnections();
      await closed;
      await control?.close();
      await Promise.all([reminders.stop(), archiveStopped]);
      await stopDeliveries();
      await store.close();
      return { drained };
    })();
    return stopping;
  };
  return { server, store, port, workflow, stop };
}

/**
 * Without an app id anyone who reaches the bot can post as anyone (and a fresh one is seeded with demo tickets):
 * that is for this machine only, unless the operator says in so many words that an open bot should be reachable.
 */
function refuseOpenBotOnPublicAddress(config: Config): void {
  if (!isLocalMode(config) || isLoopbackHost(config.host) || config.allowUnauthenticated) return;
  throw new AppError(
    'unauthenticated-public',
    `HOST is ${config.host}, which other machines can reach, but no MicrosoftAppId is set, so anyone there could post as anyone: set MicrosoftAppId, or HOST=127.0.0.1, or ALLOW_UNAUTHENTICATED=true if an open bot there is really meant.`,
  );
}

/** Says in the log whether requests are authenticated, loudly when they are not. */
function announceMode(config: Config, logger: Logger): void {
  if (isLocalMode(config)) {
    logger.warn(
      'LOCAL MODE: no MicrosoftAppId is set, so requests are NOT authenticated. Use this only on your own machine (Agents Playground, Emulator, tests).',
    );
    if (!isLoopbackHost(config.host))
      logger.warn('ALLOW_UNAUTHENTICATED=true: this unauthenticated bot answers every machine that can reach it', { host: config.host });
  } else {
    logger.info('authenticated mode: every request must carry a valid Bot Framework token', { appType: config.bot.appType });
  }
}

/**
 * Opens the store STORE names: the lowdb files in DATA_DIR (a file-system failure becomes one line naming DATA_DIR; store
 * errors already say what is wrong), or memory, which keeps nothing once the process ends.
 */
async function openStore(config: Config, logger: Logger): Promise<Store> {
  if (config.store === 'memory') {
    logger.warn(
      'STORE=memory: records are kept in memory only, so nothing will be kept when the bot stops (tickets, rosters, conversations)',
    );
    return openMemoryStore();
  }
  if (config.store === 'postgres' && config.databaseUrl) {
    return openDatabase({
      url: config.databaseUrl,
      // One line when the database goes away and one when it is back, however many requests fail in between: the
      // requests themselves are answered 503 without a line each (bot/storeUnavailable.ts).
      onOutage: (event) =>
        event.kind === 'down'
          ? logger.error('the database cannot be reached: requests are answered 503 until it is back', { reason: event.reason })
          : logger.info('the database can be reached again: requests are served', {
              downForSeconds: Math.round(event.downForMs / 1000),
            }),
    });
  }
  const dataDir = config.dataDir;
  try {
    return await openLowdbStore({ dir: dataDir });
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? errorKind(err);
    throw new AppError(
      'data-dir-unusable',
      `The data folder ${dataDir} (DATA_DIR) cannot be used (${code}): it must be a folder this process can write.`,
    );
  }
}

async function archiveClosed(workflow: Workflow, store: Store): Promise<number> {
  const closed = await store.tickets.list({ states: ['closed'] });
  for (const { id: ticketId } of closed) await workflow.act({ ticketId, verb: 'archive', actor: { kind: 'system' } });
  await workflow.drain();
  return store.archiveClosedTickets();
}
