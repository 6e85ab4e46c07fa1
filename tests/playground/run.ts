/**
 * `npm run test:playground`: the README walkthrough in the real Microsoft 365 Agents Playground, driven in headless
 * Chromium (Debian's /usr/bin/chromium with playwright-core). Starts its own bot and playground on free ports, saves a
 * screenshot after every step under tests/artifacts/playground/, prints one line per step and then
 * "playground: N passed, N failed", and exits non-zero when any step failed. It always stops what it started, and gives up
 * after RUN_LIMIT_MS. .ci/run runs it after `npm test`; `npm test` does not.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PlaygroundPage } from './playgroundPage.js';
import { Report } from './report.js';
import { startServices, type Services } from './services.js';
import { walkthrough } from './walkthrough.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/playground', import.meta.url));
/** The whole run, build included, stays under five minutes; past this the browser is closed and every wait fails. */
const RUN_LIMIT_MS = 270_000;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const started = Date.now();
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  if (!existsSync(CHROMIUM)) {
    log(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)\nplayground: 0 passed, 1 failed`);
    return 1;
  }
  let services: Services | undefined;
  let browser: Browser | undefined;
  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    log(`\nThe run passed its limit of ${RUN_LIMIT_MS / 1000} s: closing the browser.`);
    void browser?.close();
  }, RUN_LIMIT_MS);
  const stopOnSignal = () => {
    void browser?.close();
    void services?.stop().then(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let report: Report | undefined;
  let setupFailure = '';
  try {
    services = await startServices(log);
    log(`bot: ${services.botUrl}  playground: ${services.playgroundUrl}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    // One page for the whole walkthrough: each load of the playground starts a fresh view of its conversations.
    await page.goto(services.playgroundUrl, { timeout: 30_000 });
    await page.getByText('Personal Chat', { exact: true }).first().waitFor({ timeout: 30_000 });
    const playground = new PlaygroundPage(page);
    report = new Report(playground, ARTIFACTS, log);
    await walkthrough(playground, report);
  } catch (err) {
    setupFailure = timedOut ? `stopped after ${RUN_LIMIT_MS / 1000} s` : err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(limit);
    await browser?.close().catch(() => undefined);
    if (services) {
      await writeFile(path.join(ARTIFACTS, 'bot.log'), services.bot.output());
      await writeFile(path.join(ARTIFACTS, 'playground.log'), services.playground.output());
      await services.stop();
    }
  }
  const passed = report?.passedCount ?? 0;
  let failed = report?.failedCount ?? 0;
  if (setupFailure) {
    log(`\nFAIL  the run: ${setupFailure}`);
    failed += 1;
  }
  if (timedOut && !setupFailure) {
    log(`\nFAIL  the run: stopped after ${RUN_LIMIT_MS / 1000} s`);
    failed += 1;
  }
  log(`\nscreenshots and logs: ${path.relative(process.cwd(), ARTIFACTS)}/ (${Math.round((Date.now() - started) / 1000)} s)`);
  log(`playground: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

const code = await main();
// A browser or child that will not let go must not keep CI waiting.
setTimeout(() => process.exit(code), 2_000).unref();
process.exitCode = code;
