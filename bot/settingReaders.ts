/** Reading one environment variable as a checked setting: a bad value is a ConfigError naming the variable, in one line. */
import { AppError } from '../data/errors.js';

/** A bad setting: the message names the variable and says what is wrong, in one line. */
export class ConfigError extends AppError {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super('bad-setting', `${variable} ${problem}`, { variable });
  }
}

/** The environment the settings are read from (process.env, or a test's own). */
export type Env = Record<string, string | undefined>;

export function hostList(env: Env, name: string, fallback: string[]): string[] {
  const raw = text(env, name);
  if (raw === '') return fallback;
  const hosts = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const bad = hosts.find((h) => !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(h));
  if (bad !== undefined || hosts.length === 0)
    throw new ConfigError(name, `must be a comma-separated list of host names such as sharepoint.com (got "${clip(raw)}")`);
  return hosts;
}

export function url(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) || fallback;
  if (!/^https?:\/\/[^\s/]+/.test(raw)) throw new ConfigError(name, `must be an http(s) URL (got "${clip(raw)}")`);
  return raw.endsWith('/') ? raw : `${raw}/`;
}

export function exactUrl(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) || fallback;
  if (!/^https?:\/\/[^\s/]+/.test(raw)) throw new ConfigError(name, `must be an http(s) URL (got "${clip(raw)}")`);
  return raw;
}

/** Keys that sign tokens are only trusted over HTTPS; the address is used exactly as given. */
export function httpsUrl(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) || fallback;
  if (!/^https:\/\/[^\s/]+/.test(raw)) throw new ConfigError(name, `must be an https URL (got "${clip(raw)}")`);
  return raw;
}

export function text(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${clip(raw)}")`);
  }
  return Number(raw);
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === '') return fallback;
  const found = allowed.find((value) => value.toLowerCase() === raw.toLowerCase());
  if (!found) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${clip(raw)}")`);
  return found;
}

/** Values are echoed to help the operator, but never in full: a mistyped secret should not land in a log. */
export function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}
