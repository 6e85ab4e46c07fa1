import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Where tests/globalSetup.mjs builds the service for the end-to-end tests (a `.build-…` folder, as scripts/build.ts requires). */
export const SERVICE_BUILD = path.join(ROOT, '.build-test-service');

/** The compiled service's entry point. */
export const SERVICE_ENTRY = path.join(SERVICE_BUILD, 'bot', 'index.js');

/**
 * Node's options in `npm start` ("node <options> dist/bot/index.js"), so the tests start the service exactly as it runs
 * (the Dockerfile and the Bicep template are held to the same command by tests/deploy).
 */
export const SERVICE_NODE_OPTIONS: readonly string[] = (() => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(' ');
  if (words[0] !== 'node' || words.at(-1) !== 'dist/bot/index.js')
    throw new Error(`package.json's start script is not "node <options> dist/bot/index.js": ${pkg.scripts.start}`);
  return words.slice(1, -1);
})();
