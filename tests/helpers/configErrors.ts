import { expect } from '@jest/globals';
import { ConfigError, loadConfig } from '../../bot/config.js';

/** Loads these settings and checks the start would stop with one line naming `variable` and saying `problem`. */
export function expectConfigRefused(env: Record<string, string>, variable: string, problem: string): void {
  let error: unknown;
  try {
    loadConfig(env);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).variable).toBe(variable);
  expect((error as ConfigError).message).toContain(problem);
}
