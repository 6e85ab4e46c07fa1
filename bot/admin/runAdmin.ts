import { ConfigError, loadConfig, loadDotEnv, type Config } from '../config.js';
import { AppError } from '../../data/errors.js';
import { parseCommandLine, type ParsedArgs } from './args.js';
import type { Store } from '../../data/store/store.js';
import { adminActor, createAdminContext, type AdminContext } from './context.js';
import { sendToRunningBot } from './controlSocket.js';
import { BadRowsError, importCommand } from './importCommands.js';
import { eligibilityCommand, emailCommand, odsCommand, roleCommand, workingHoursCommand } from './lookupCommands.js';
import { remindersCommand } from './reminderCommands.js';
import { reportCommand } from './reportCommands.js';
import { storeCommand } from './storeCommands.js';
import { rosterCommand } from './rosterCommands.js';
import { auditCommand, ticketCommand, ticketsCommand } from './ticketCommands.js';
import { HELP, UsageError } from './usage.js';

/** Where a run reads its settings and writes its output; tests pass their own. */
export interface AdminIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

const processIo: AdminIo = {
  env: process.env,
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

type Command = (ctx: AdminContext, args: ParsedArgs) => Promise<void>;

/** Every admin command, in one place. */
const COMMANDS: Record<string, Command> = {
  roster: rosterCommand,
  import: importCommand,
  role: roleCommand,
  email: emailCommand,
  ods: odsCommand,
  eligibility: eligibilityCommand,
  'working-hours': workingHoursCommand,
  tickets: ticketsCommand,
  ticket: ticketCommand,
  audit: auditCommand,
  reminders: remindersCommand,
  report: reportCommand,
};

/** A command sent to the running bot over its control socket runs there, on the bot's store, as the CLI's user. */
export interface RunningBot {
  store: Store;
  actor: string;
  /** The bot's own settings (its data folder and reminder thresholds). */
  config: Pick<Config, 'dataDir' | 'reminders' | 'store' | 'databaseUrl'>;
}

/**
 * Runs one admin command; returns the exit code (0 done, 2 bad input, 1 anything else). From the CLI, a command goes to
 * the bot when one is running on the same data folder (bot/admin/controlSocket.ts), so the answer is the same either way.
 */
export async function runAdmin(argv: string[], io: AdminIo = processIo, running?: RunningBot): Promise<number> {
  const { out, err } = io;
  let ctx: AdminContext | undefined;
  try {
    const args = parseCommandLine(argv);
    const name = args.positionals[0];
    if (name === undefined || name === 'help') {
      out(HELP);
      return name === undefined ? 2 : 0;
    }
    if (name === 'store') return await runStoreCommand(args, io, running);
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}" (see: npx ucp-admin help)`);
    if (!running && io.env === process.env) loadDotEnv();
    const config = running?.config ?? loadConfig(io.env);
    // lowdb has one writer, so a running bot does the change; a database has room for the CLI as one more client.
    if (!running && config.store !== 'postgres') {
      const answered = await sendToRunningBot(config.dataDir, { argv, actor: adminActor(args.options.as) }, out, err);
      if (answered !== undefined) return answered;
    }
    ctx = createAdminContext(
      { dataDir: config.dataDir, databaseUrl: config.store === 'postgres' ? config.databaseUrl : undefined },
      args.json,
      out,
      config.reminders,
      running?.actor ?? adminActor(args.options.as),
      running?.store,
    );
    await command(ctx, args);
    return 0;
  } catch (error) {
    if (error instanceof BadRowsError) {
      err(error.message);
      error.rows.forEach((row) => err(`  ${row}`));
      return 2;
    }
    return reportFailure(error, err);
  } finally {
    await ctx?.close().catch(() => undefined);
  }
}

/** Exit 2 for bad input, 1 for anything else, with one line saying what went wrong. */
function reportFailure(error: unknown, err: (line: string) => void): number {
  if (error instanceof UsageError || error instanceof ConfigError) {
    err(error.message);
    return 2;
  }
  err(error instanceof AppError ? error.message : `unexpected failure: ${(error as Error).message}`);
  return 1;
}

/**
 * `store copy` runs only here, never in the bot over the control socket: it needs both stores free of other writers,
 * so it opens them itself and is refused while a bot holds either.
 */
async function runStoreCommand(args: ParsedArgs, io: AdminIo, running: RunningBot | undefined): Promise<number> {
  if (running) throw new UsageError('store copy cannot run inside the bot: stop the bot, then run it from the command line.');
  if (io.env === process.env) loadDotEnv();
  const config = loadConfig(io.env);
  return storeCommand(args, { env: io.env, dataDir: config.dataDir, out: io.out });
}
