import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { createLogger, errorKind } from './log.js';
import type { RunningApp } from './app.js';

/** Past this, a stop that has not finished is abandoned: orchestrators kill at 10 s, and a clean exit must come first. */
const HARD_STOP_MS = 9_800;

/** Entry point: read settings, start, and on SIGTERM/SIGINT stop taking work, finish turns, flush the store and exit 0. */
async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`Configuration error: ${err.message}`);
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // Signals are handled from the first moment: one that arrives while the service is still starting waits for the start,
  // then stops it cleanly, rather than killing the process half-way through opening the store.
  let started: Promise<RunningApp> | undefined;
  const shutdown = (signal: string) => {
    logger.info('stopping', { signal });
    // A second signal while stopping is ignored: the first one's deadline already bounds the wait.
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
    process.on('SIGTERM', () => undefined);
    process.on('SIGINT', () => undefined);
    setTimeout(() => {
      logger.error('stop did not finish in time; exiting without a clean flush', { afterMs: HARD_STOP_MS });
      process.exit(1);
    }, HARD_STOP_MS).unref();
    if (!started) {
      logger.info('stopped before the service had opened anything');
      process.exit(0);
    }
    started
      .then((app) => app.stop())
      .then(
        ({ drained }) => {
          logger.info('stopped', { drained });
          process.exit(0);
        },
        (err: unknown) => {
          logger.error('could not stop cleanly', { error: errorKind(err) });
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    // Loaded here, not at the top: a broken reference file or store refuses the start with one line, not a stack.
    const { startApp } = await import('./app.js');
    started = startApp(config, logger);
    await started;
  } catch (err) {
    const { AppError } = await import('../data/errors.js');
    fail(`Cannot start: ${err instanceof AppError ? err.message : errorKind(err)}`);
  }
}

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

void main();
