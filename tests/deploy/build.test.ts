import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildService, type BuildResult } from '../../scripts/build.js';
import { startBotProcess, stopBot, type BotProcess } from '../helpers/botProcess.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };

describe('the build that npm start runs the service from', () => {
  // Inside the project (the compiled code finds node_modules as the source does), and not dist/, which a developer may be running.
  const outDir = path.join(ROOT, `.build-test-${process.pid}`);
  let result: BuildResult;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    result = await buildService(outDir);
  }, 60_000);
  afterAll(async () => {
    if (bot) await stopBot(bot);
    await rm(outDir, { recursive: true, force: true });
  });

  it('compiles every service file with the same layout and copies what the code reads at run time', () => {
    expect(result.compiled).toBeGreaterThan(100);
    for (const file of [
      'bot/index.js',
      'bot/app.js',
      'cards/cardTemplates.js',
      'dialogs/mainDialog.js',
      'data/store/lowdbStore.js',
      'package.json',
    ]) {
      expect(existsSync(path.join(outDir, file))).toBe(true);
    }
    // Read beside the code through import.meta.url: card templates, reference data, the tab's page and its browser sources.
    for (const file of ['cards/templates/welcome.json', 'bot/web/page/tab.html', 'bot/web/page/tab.ts']) {
      expect(existsSync(path.join(outDir, file))).toBe(true);
    }
    expect(existsSync(path.join(outDir, 'bot/web/page/tab.js'))).toBe(false);
    expect(existsSync(path.join(outDir, 'tests'))).toBe(false);
  });

  it('starts on plain node, reports its version and answers a manager', async () => {
    bot = await startBotProcess({}, { entry: path.join(outDir, 'bot', 'index.js') });
    const health = (await fetch(`${bot.url}/healthz`).then((r) => r.json())) as { status: string; version: string };
    expect(health).toMatchObject({ status: 'ok', version: pkg.version });
    const answer = (await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'm1',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        text: 'request access',
        from: { id: '29:manager', aadObjectId: 'aad-manager', name: 'A Manager' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:build-test', conversationType: 'personal', tenantId: 'tenant' },
      }),
    }).then((r) => r.json())) as { activities: Array<{ text?: string }> };
    expect(answer.activities.map((a) => a.text ?? '').join('\n')).toMatch(/ODS code/);
    // The tab's script is bundled from the copied browser sources on first request.
    const script = await fetch(`${bot.url}/tab/tab.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(1000);
  }, 60_000);

  it('is what npm start runs, after building', () => {
    expect(pkg.scripts.prestart).toBe('npm run build');
    expect(pkg.scripts.build).toBe('node --import tsx scripts/build.ts');
    expect(pkg.scripts.start).toMatch(/^node (--[\w-]+=\S+ )*dist\/bot\/index\.js$/);
  });

  it('refuses to build outside the project, or into a folder of source or data that the build would empty', async () => {
    for (const folder of [
      '/tmp/elsewhere',
      ROOT,
      path.join(ROOT, 'bot'),
      path.join(ROOT, 'var'),
      path.join(ROOT, 'node_modules'),
      path.join(ROOT, 'dist', 'bot'),
    ]) {
      await expect(buildService(folder)).rejects.toThrow(/must be dist\/ or a \.build-… folder/);
    }
    expect(existsSync(path.join(ROOT, 'bot', 'index.ts'))).toBe(true);
  });
});
