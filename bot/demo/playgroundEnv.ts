/** The environment `npm run playground` starts the Microsoft 365 Agents Playground with (scripts/playground.ts). */
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PlaygroundEnvOptions {
  /** The environment to start from (normally process.env). */
  env: Record<string, string | undefined>;
  /** A folder of this checkout's own (under var/) for the no-op opener and the playground's log. */
  workDir: string;
}

export interface PlaygroundEnv {
  env: Record<string, string | undefined>;
  /** True when a no-op xdg-open was put first on PATH because none was found. */
  addedNoOpOpener: boolean;
}

/**
 * The environment for the Agents Playground. The playground opens its page with xdg-open and, where there is none (containers, servers),
 * exits right after "Listening"; a no-op one keeps it running and the person opens the address themselves.
 * Its log goes under workDir rather than ./devTools in the checkout.
 */
export function playgroundEnv({ env, workDir }: PlaygroundEnvOptions): PlaygroundEnv {
  mkdirSync(workDir, { recursive: true });
  const next = {
    ...env,
    M365_AGENTS_PLAYGROUND_LOGFILE: env.M365_AGENTS_PLAYGROUND_LOGFILE ?? path.join(workDir, 'm365agentsplayground.log'),
  };
  if (process.platform === 'win32' || process.platform === 'darwin' || findOnPath('xdg-open', env.PATH ?? '')) {
    return { env: next, addedNoOpOpener: false };
  }
  const binDir = path.join(workDir, 'bin');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(
    path.join(binDir, 'xdg-open'),
    '#!/bin/sh\n# No browser here: the Agents Playground prints its address; open it yourself.\nexit 0\n',
    { mode: 0o755 },
  );
  return { env: { ...next, PATH: [binDir, env.PATH].filter(Boolean).join(path.delimiter) }, addedNoOpOpener: true };
}

/** The full path of an executable on PATH, or undefined. */
export function findOnPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next folder
    }
  }
  return undefined;
}
