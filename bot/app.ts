import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { ConversationState } from 'botbuilder';
import { AppError } from '../data/errors.js';
import { openLowdbStore, type LowdbStore } from '../data/store/lowdbStore.js';
import type { Store } from '../data/store/store.js';
import type { Workflow } from '../data/workflow/workflow.js';
import { createAdapter } from './teams/adapter.js';
import { isLocalMode, isLoopbackHost, type Config } from './config.js';
import { InFlight } from './inFlight.js';
import { errorKind, type Logger } from './log.js';
import { OnboardingBot } from './teams/onboardingBot.js';
import { BotStateStorage, expireIdleBotState } from './teams/botStateStorage.js';
import { createServer } from './server.js';
import { startTicketServices } from './tickets/ticketServices.js';
import { createDialogTurns } from './teams/dialogTurns.js';
import { buildUsersTemplate } from './spreadsheet/usersTemplate.js';
import { handleTurnErrors } from './teams/turnErrors.js';
import { startReminders } from './reminders/reminderService.js';
import { seedDemoIfFresh } from './demo/seedDemo.js';
import { registerHelpdeskTab } from './web/tabRoutes.js';
import { createOrdClient } from './ods/ordClient.js';

/** How often closed tickets are moved out of the live file (every write re-serialises it, so it must stay small). */
const ARCHIVE_EVERY_MS = 60 * 60 * 1000;

export interface RunningApp {
  server: restify.Server;
  store: Store;
  port: number;
  workflow: Workflow;
  /** Stops taking requests, lets in-flight turns finish (up to the configured timeout), flushes and closes the store. */
  stop(): Promise<{ drained: boolean }>;
}

/** The package version, reported by /healthz. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Opens the store, builds the bot and starts listening. Used by bot/index.ts and by tests that need a real server. */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  refuseOpenBotOnPublicAddress(config);
  const store = await openStore(config.dataDir);
  const inFlight = new InFlight();
  const adapter = createAdapter(config);
  // One ODS client for the conversations and the helpdesk's automatic checks: its cache and rate limit are shared.
  const ods = createOrdClient({ baseUrl: config.odsBaseUrl, logger });
  const tickets = startTicketServices(config, store, adapter, logger, ods);
  const conversationState = new ConversationState(new BotStateStorage(store));
  handleTurnErrors(adapter, { logger, conversationState, store });
  let stopping: Promise<{ drained: boolean }> | undefined;
  let usersTemplate: Promise<Buffer> | undefined;
  const server = createServer({
    adapter, bot: new OnboardingBot(conversationState, store, createDialogTurns(config, store, tickets.workflow, conversationState, logger, ods), tickets.cardInvoke),
    store, inFlight, logger, version: VERSION, authenticated: !isLocalMode(config), limits: config.http,
    isStopping: () => stopping !== undefined,
    usersTemplate: () => (usersTemplate ??= buildUsersTemplate()),
  });
  registerHelpdeskTab(server, { config, store, logger, automaticChecks: tickets.automaticChecks });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (err) {
    await tickets.stop();
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('listen-failed', code === 'EADDRINUSE'
      ? `Port ${config.port} on ${config.host} is already in use: stop what is using it, or set PORT to another port.`
      : `Cannot listen on ${config.host}:${config.port} (${code ?? errorKind(err)}): check HOST and PORT.`);
  }
  const port = (server.address() as AddressInfo).port;
  if (isLocalMode(config)) {
    logger.warn('LOCAL MODE: no MicrosoftAppId is set, so requests are NOT authenticated. Use this only on your own machine (Agents Playground, Emulator, tests).');
    if (!isLoopbackHost(config.host)) logger.warn('ALLOW_UNAUTHENTICATED=true: this unauthenticated bot answers every machine that can reach it', { host: config.host });
  } else {
    logger.info('authenticated mode: every request must carry a valid Bot Framework token', { appType: config.bot.appType });
  }
  logger.info(`listening on http://localhost:${port}`, { port, version: VERSION });
  await seedDemoIfFresh({ config, store, logger, port }); // local mode with an empty store only: bot/demo/seedDemo.ts

  // Closed tickets become 'archived' through the workflow (audited, every copy's card updated), then leave the live file.
  const archive = () => archiveClosed(tickets.workflow, store).then(
    async (moved) => {
      if (moved > 0) logger.info('archived closed tickets', { moved });
      const forgotten = await expireIdleBotState(store, new Date());
      if (forgotten > 0) logger.info('forgot idle conversations', { forgotten });
    },
    (err: unknown) => logger.error('could not archive closed tickets', { error: errorKind(err) }),
  );
  void archive();
  // Reminder thresholds come from REMINDER_* variables (bot/reminders/thresholds.ts); one instance per DATA_DIR sweeps.
  const reminders = startReminders({
    dataDir: config.dataDir, store, tickets, thresholds: config.reminders, logger,
    teamsServiceUrl: config.teamsServiceUrl, botAppId: config.bot.appId,
  });
  const archiveTimer = setInterval(() => void archive(), ARCHIVE_EVERY_MS);
  archiveTimer.unref();

  const stop = () => {
    stopping ??= (async () => {
      clearInterval(archiveTimer);
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const drained = await inFlight.drained(config.shutdownTimeoutMs);
      if (!drained) logger.warn('shutdown timeout: some turns were still running', { inFlight: inFlight.size });
      server.server.closeAllConnections();
      await closed;
      await reminders.stop();
      await tickets.stop();
      await store.close();
      return { drained };
    })();
    return stopping;
  };
  return { server, store, port, workflow: tickets.workflow, stop };
}

/**
 * Without an app id anyone who reaches the bot can post as anyone (and a fresh one is seeded with demo tickets):
 * that is for this machine only, unless the operator says in so many words that an open bot should be reachable.
 */
function refuseOpenBotOnPublicAddress(config: Config): void {
  if (!isLocalMode(config) || isLoopbackHost(config.host) || config.allowUnauthenticated) return;
  throw new AppError('unauthenticated-public', `HOST is ${config.host}, which other machines can reach, but no MicrosoftAppId is set, so anyone there could post as anyone: set MicrosoftAppId, or HOST=127.0.0.1, or ALLOW_UNAUTHENTICATED=true if an open bot there is really meant.`);
}

/** Opens the store, turning a file-system failure into one line that names DATA_DIR (store errors already say what is wrong). */
async function openStore(dataDir: string): Promise<LowdbStore> {
  try {
    return await openLowdbStore({ dir: dataDir });
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? errorKind(err);
    throw new AppError('data-dir-unusable', `The data folder ${dataDir} (DATA_DIR) cannot be used (${code}): it must be a folder this process can write.`);
  }
}

async function archiveClosed(workflow: Workflow, store: Store): Promise<number> {
  const closed = store.read((data) => data.tickets.filter((t) => t.state === 'closed').map((t) => t.id));
  for (const ticketId of closed) await workflow.act({ ticketId, verb: 'archive', actor: { kind: 'system' } });
  await workflow.drain();
  return store.archiveClosedTickets();
}
