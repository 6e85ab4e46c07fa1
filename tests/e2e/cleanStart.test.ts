import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { startBotProcess, stopBot, type BotProcess } from '../helpers/botProcess.js';
import { SERVICE_NODE_OPTIONS } from '../helpers/serviceBuild.js';

/** Waits until the started service has logged the lines it prints once it has started (the demo seed comes last). */
async function startedOutput(bot: BotProcess): Promise<string> {
  for (let i = 0; i < 50 && !bot.output().includes('demo seeded'); i += 1) await new Promise((r) => setTimeout(r, 100));
  return bot.output();
}

let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot) await stopBot(bot);
  bot = undefined;
});

describe('a clean start (issue 18 point 1)', () => {
  it('prints only its own log lines when started as npm start starts it: no DeprecationWarning from restify', async () => {
    bot = await startBotProcess();
    const output = await startedOutput(bot);
    expect(output).toContain('demo seeded');
    expect(output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'))).toEqual([]);
    expect(output).not.toMatch(/DEP0111|Warning/);
  });

  it('still needs the option: without it, restify makes Node print DEP0111 at every start', async () => {
    bot = await startBotProcess({}, { nodeOptions: [] });
    expect(await startedOutput(bot)).toMatch(/\[DEP0111\] DeprecationWarning: Access to process\.binding\('http_parser'\)/);
  });

  it('hides that one warning only: any other deprecation warning is still printed', () => {
    expect(SERVICE_NODE_OPTIONS).toEqual(['--disable-warning=DEP0111']);
    const run = spawnSync(
      process.execPath,
      [
        ...SERVICE_NODE_OPTIONS,
        '-e',
        "process.emitWarning('another', 'DeprecationWarning', 'DEP0999'); process.emitWarning('x', 'DeprecationWarning', 'DEP0111')",
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toContain('[DEP0999] DeprecationWarning: another');
    expect(run.stderr).not.toContain('DEP0111');
  });
});
