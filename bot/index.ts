import { startApp } from './app.js';
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { createLogger, errorKind } from './log.js';
import { AppError } from '../data/errors.js';

/** Entry point: read settings, start, and on SIGTERM/SIGINT stop taking work, finish turns, flush the store and exit 0. */
async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let app;
  try {
    app = await startApp(config, logger);
  } catch (err) {
    // A store that cannot be read safely (corrupt, newer schema) stops the start with its own clear message.
    process.stderr.write(`Cannot start: ${err instanceof AppError || (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? (err as Error).message : errorKind(err)}\n`);
    process.exit(1);
  }

  const shutdown = (signal: string) => {
    logger.info('stopping', { signal });
    // A second signal while stopping is ignored: the first one's deadline already bounds the wait.
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
    process.on('SIGTERM', () => undefined);
    process.on('SIGINT', () => undefined);
    app.stop().then(
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
}

void main();
