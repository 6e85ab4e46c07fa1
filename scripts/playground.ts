/**
 * `npm run playground`: starts the Microsoft 365 Agents Playground pointed at the bot on this machine, so a person can chat
 * with it as Teams would show it. Start the bot first (`npm start`, local mode). See README "Try it in the Agents Playground".
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, loadDotEnv } from '../bot/config.js';
import { playgroundEnv } from '../bot/demo/playgroundEnv.js';
import { choosePlaygroundPort, playgroundAddressLine, preferredPlaygroundPort } from '../bot/demo/playgroundPort.js';

loadDotEnv();
let port: number;
try {
  port = loadConfig().port;
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`Configuration error: ${err.message}\n`);
  process.exit(1);
}

const endpoint = `http://localhost:${port}/api/messages`;
const { env, addedNoOpOpener } = playgroundEnv({ env: process.env, workDir: fileURLToPath(new URL('../var/playground', import.meta.url)) });
if (addedNoOpOpener) process.stdout.write('No xdg-open here, so no browser will open: go to the address below yourself.\n');
if (!(await botAnswers(port))) {
  process.stdout.write(
    `The bot is not answering on http://localhost:${port} yet: start it with "npm start" in another terminal (the playground waits for it).\n`,
  );
}

const preferred = preferredPlaygroundPort(process.env);
const playgroundPort = await choosePlaygroundPort(preferred);
process.stdout.write(`${playgroundAddressLine(playgroundPort, preferred)}\n`);

// The CLI is started with this same node rather than through PATH, which may hold only the no-op opener's folder first.
const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const child = spawn(process.execPath, [cli, '-e', endpoint, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'], {
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

async function botAnswers(botPort: number): Promise<boolean> {
  try {
    const response = await fetch(`http://localhost:${botPort}/healthz`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}
