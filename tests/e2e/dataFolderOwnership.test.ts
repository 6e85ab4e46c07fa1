import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLowdbStore } from '../../data/store/lowdbStore.js';
import { DataFolderBusyError, LOCK_FILE } from '../../data/store/writerLock.js';
import { makeWorkflowTicket } from '../fixtures/workflowFixtures.js';
import { runBotExpectingFailure, startBotProcess, type BotProcess } from '../helpers/botProcess.js';
import { seedRecords } from '../helpers/storeFixtures.js';

const AGENT = '9c1e2d3f-0000-4000-8000-000000000002';
const CHANNEL = '19:helpdesk@thread.tacv2';

/** What the agent's copy of the ticket card shows when Teams refreshes it (an Action.Execute invoke, as Teams sends it). */
async function refreshAsAgent(url: string, ticketId: string, version: number): Promise<string> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'inv-refresh',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: '29:agent-alex', aadObjectId: AGENT, name: 'Alex Agent' },
      recipient: { id: '28:bot' },
      conversation: { id: CHANNEL, conversationType: 'channel' },
      value: { action: { type: 'Action.Execute', verb: 'refreshCard', data: { ticketId, version } } },
    }),
  });
  expect(response.status).toBe(200);
  return JSON.stringify(await response.json());
}

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
  it('makes an admin change while the bot runs through the bot itself, and still answers look-ups', async () => {
    bot = await startBotProcess();
    const change = admin(bot.dataDir, 'roster', 'add', 'helpdeskAgent', AGENT, '--name', 'Alex Agent');
    expect(change.stderr).toBe('');
    expect(change.status).toBe(0);
    expect(change.stdout).toContain('Added');

    const lookup = admin(bot.dataDir, 'roster', 'list', '--json');
    expect(lookup.status).toBe(0);
    expect((JSON.parse(lookup.stdout) as { id: string }[]).map((entry) => entry.id)).toContain(AGENT);
    expect(admin(bot.dataDir, 'email', 'jane@nhs.net').status).toBe(0);
  });

  it('a roster change while the bot runs takes effect on the next card action, without a restart (issue 17 point 9)', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ucp-bot-'));
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const seeded = await openLowdbStore({ dir: dataDir });
    await seedRecords(seeded, { tickets: [ticket], rosters: [{ kind: 'helpdeskChannel', id: CHANNEL, addedAt: ticket.createdAt }] });
    await seeded.close();
    bot = await startBotProcess({ DATA_DIR: dataDir });

    const before = await refreshAsAgent(bot.url, ticket.id, ticket.version);
    expect(before).not.toContain('"Assign"');
    expect(admin(dataDir, 'roster', 'add', 'helpdeskAgent', AGENT, '--name', 'Alex Agent').status).toBe(0);
    const after = await refreshAsAgent(bot.url, ticket.id, ticket.version);
    expect(after).toContain('"Assign"');
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

  it('refuses to start a second bot on the same data folder in one line naming the first and what to do', async () => {
    bot = await startBotProcess();
    const { code, output } = await runBotExpectingFailure({ DATA_DIR: bot.dataDir });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Cannot start: Another process \\(pid ${bot.child.pid} on .+\\) is using the data folder ${bot.dataDir}, and only one ` +
            'process may write it at a time\\. Starting a bot: only one bot may run on a data folder, so stop that process first',
        ),
      ),
    ]);
  });

  it('refuses a second writer in another process and lets it in once the first has stopped', async () => {
    bot = await startBotProcess();
    await expect(openLowdbStore({ dir: bot.dataDir })).rejects.toBeInstanceOf(DataFolderBusyError);
    bot.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    const change = admin(bot.dataDir, 'roster', 'add', 'helpdeskAgent', AGENT);
    expect(change.status).toBe(0);
  });
});
