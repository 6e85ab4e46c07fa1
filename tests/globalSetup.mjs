/**
 * Before the tests: builds the service once (scripts/build.ts, as `npm start` does, ~1 s) into .build-test-service/, so the
 * end-to-end tests start the compiled service on plain node — as it runs in production, and ~0.6 s faster per start than
 * compiling TypeScript through tsx each time (tests/helpers/serviceBuild.ts). tests/globalTeardown.mjs removes the folder.
 * It also says, in one line, when the PostgreSQL suites are left out (no TEST_DATABASE_URL; `npm run test:pg` gives them a
 * throwaway cluster), and how long the build took (tests/progressReporter.mjs reports from there on). Plain JavaScript:
 * jest loads its global setup without the TypeScript transform.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default function globalSetup() {
  if (!process.env.TEST_DATABASE_URL)
    console.log('\nPostgreSQL suites skipped (TEST_DATABASE_URL is not set): run them with `npm run test:pg`.');
  // One line, begun before the build and finished after it, so a slow build is seen as such.
  process.stdout.write('Building the service for the end-to-end tests… ');
  const started = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '.build-test-service'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.stdout.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}
