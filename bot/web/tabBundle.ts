/** The tab's browser script, bundled from TypeScript with esbuild the first time it is asked for, then kept. */
import { fileURLToPath } from 'node:url';
import { onceUntilFailure } from '../onceUntilFailure.js';

const ENTRY = fileURLToPath(new URL('./page/tab.ts', import.meta.url));

/** The tab's script, one bundle per process; a failed build is retried on the next request. */
export function tabBundle(): () => Promise<string> {
  return onceUntilFailure(buildTabScript);
}

/** Bundles page/tab.ts and @microsoft/teams-js into one minified browser script (about 50 KB uncompressed after minify). */
export async function buildTabScript(): Promise<string> {
  // Loaded when needed, so a service without esbuild still starts; only the tab's script is then unavailable.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
