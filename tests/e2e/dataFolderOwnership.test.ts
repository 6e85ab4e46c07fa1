import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { DataFolderBusyError, LOCK_FILE } from '../../data/store/writerLock.js';
import { startBotProcess, type BotProcess } from '../helpers/botProcess.js';

const admin = (dataDir: string, ...argv: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bot/admin/cli.ts', ...argv], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });

let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot) {
    bot.kill('SIGKILL');
    await bot.exited;
    rmSync(bot.dataDir, { recursive: true, force: true });
    bot = undefined;
  }
});

describe('one writer per data folder', () => {
  it('refuses an admin change while the bot runs, with one line saying what to do, and still answers look-ups', async () => {
    bot = await startBotProcess();
    const change = admin(bot.dataDir, 'roster', 'add', 'helpdeskAgent', '9c1e2d3f-0000-4000-8000-000000000002');
    expect(change.status).toBe(1);
    expect(change.stderr.trim().split('\n')).toHaveLength(1);
    expect(change.stderr).toMatch(
      /Another process \(pid \d+ on .+\) is using the data folder .* stop it, run this again, then start the bot/,
    );

    const lookup = admin(bot.dataDir, 'roster', 'list', '--json');
    expect(lookup.status).toBe(0);
    // The list is whatever the running bot last saved (a fresh local start seeds demo rosters moments after it listens).
    expect(Array.isArray(JSON.parse(lookup.stdout))).toBe(true);
    expect(admin(bot.dataDir, 'email', 'jane@nhs.net').status).toBe(0);
  });

  it('lets the next process take over at once when the last writer was killed', async () => {
    bot = await startBotProcess();
    bot.kill('SIGKILL');
    await bot.exited;
    expect(existsSync(path.join(bot.dataDir, LOCK_FILE))).toBe(true);
    const store = await openLowdbStore({ dir: bot.dataDir });
    await store.close();
    expect(existsSync(path.join(bot.dataDir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second writer in another process and lets it in once the first has stopped', async () => {
    bot = await startBotProcess();
    await expect(openLowdbStore({ dir: bot.dataDir })).rejects.toBeInstanceOf(DataFolderBusyError);
    bot.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    const change = admin(bot.dataDir, 'roster', 'add', 'helpdeskAgent', '9c1e2d3f-0000-4000-8000-000000000002');
    expect(change.status).toBe(0);
  });
});
