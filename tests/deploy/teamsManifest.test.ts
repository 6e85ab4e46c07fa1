import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from '@jest/globals';
import { fillManifest, readManifestTemplate, teamsSettingsFromEnv, type TeamsManifest } from '../../deploy/teams/fillManifest.js';
import { manifestProblems, SCHEMA_FILE } from '../../deploy/teams/validateManifest.js';
import { actionFromText } from '../../dialogs/base/menuActions.js';

const TEMPLATE = fileURLToPath(new URL('../../deploy/teams/manifest.template.json', import.meta.url));
const APP_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';

function filled(env: Record<string, string> = {}): TeamsManifest {
  const settings = teamsSettingsFromEnv(
    { MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://ucp-onboarding.azurewebsites.net', ...env },
    '0.1.0',
  );
  return fillManifest(readManifestTemplate(TEMPLATE), settings);
}

interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}
interface StaticTab {
  contentUrl: string;
  scopes: string[];
}

describe('the Teams app manifest', () => {
  it('validates against the official v1.30 schema shipped in the repo', () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('is refused by the schema check when the bot id is not a GUID or a property is unknown', () => {
    const manifest = filled();
    const broken = JSON.parse(JSON.stringify(manifest)) as TeamsManifest & { bots: Bot[] };
    broken.bots[0].botId = 'not-a-guid';
    (broken as Record<string, unknown>).colour = 'blue';
    const problems = manifestProblems(broken);
    expect(problems.some((p) => p.startsWith('/bots/0/botId'))).toBe(true);
    expect(problems.some((p) => p.includes('additional properties'))).toBe(true);
  });

  it('fills every placeholder, including inside URLs', () => {
    const text = JSON.stringify(filled());
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain(APP_ID);
  });

  it('offers Start, Check readiness, Request access, Leavers, Status and Help, each one the bot understands when typed', () => {
    const bot = (filled().bots as unknown as Bot[])[0];
    const commands = bot.commandLists.flatMap((list) => list.commands);
    expect(commands.map((c) => c.title)).toEqual(['Start', 'Check readiness', 'Request access', 'Leavers', 'Status', 'Help']);
    for (const command of commands) {
      expect(actionFromText(command.title)).toBeDefined();
      expect(command.description.length).toBeGreaterThan(10);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('puts the bot in personal, team and group chat scopes, able to receive the multiple-user spreadsheet as a file', () => {
    const bot = (filled().bots as unknown as Bot[])[0];
    expect(bot.botId).toBe(APP_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(true);
  });

  it('points the helpdesk tab at <PUBLIC_BASE_URL>tab, allows only that host, and names the SSO resource for the tab', () => {
    const manifest = filled({ PUBLIC_BASE_URL: 'https://ucp.example.nhs.uk/onboarding' });
    const tab = (manifest.staticTabs as unknown as StaticTab[])[0];
    expect(tab.contentUrl).toBe('https://ucp.example.nhs.uk/onboarding/tab');
    expect([...tab.scopes].sort()).toEqual(['personal', 'team']);
    expect(manifest.validDomains).toEqual(['ucp.example.nhs.uk']);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://ucp.example.nhs.uk/${APP_ID}` });
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('uses no draft-04 keyword whose meaning changed, so the draft-07 validator reads the schema as Microsoft meant', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as unknown;
    const found: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (typeof record.exclusiveMinimum === 'boolean' || typeof record.exclusiveMaximum === 'boolean') found.push(`${at} exclusive bound`);
      if (typeof record.id === 'string') found.push(`${at} id`);
      for (const [key, value] of Object.entries(record)) walk(value, `${at}/${key}`);
    };
    walk(schema, '');
    expect(found).toEqual([]);
    expect((schema as { $schema: string }).$schema).toBe('http://json-schema.org/draft-04/schema#');
  });
});
