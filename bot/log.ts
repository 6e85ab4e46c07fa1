import type { LogLevel } from './config.js';

/**
 * A tiny structured logger (one JSON object per line on stdout).
 * Callers pass ids and counts, never names, e-mail addresses or message text: logs are not a place for personal data.
 */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export type LogFields = Record<string, string | number | boolean | undefined>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Creates the process logger; `write` is injectable so tests can read what was logged. */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const at =
    (lvl: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (ORDER[lvl] < ORDER[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Names an error for a log line without its message, which may carry data from a request. */
export function errorKind(err: unknown): string {
  // Duck-typed: errors from undici or another realm fail `instanceof Error` but still have a name.
  if (typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string') {
    const { name, code } = err as { name: string; code?: unknown };
    return code ? `${name}:${String(code)}` : name;
  }
  return typeof err;
}
