import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Where tests/globalSetup.mjs builds the service for the end-to-end tests (a `.build-…` folder, as scripts/build.ts requires). */
export const SERVICE_BUILD = path.join(ROOT, '.build-test-service');

/** The compiled service's entry point. */
export const SERVICE_ENTRY = path.join(SERVICE_BUILD, 'bot', 'index.js');
