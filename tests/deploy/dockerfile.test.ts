import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from '@jest/globals';

// `docker build` cannot run here: this reads the Dockerfile as its instructions and checks the rules the image must keep.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions in order, continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [keyword, ...rest] = l.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const all = instructions(dockerfile);
const finalStage = all.slice(all.map((i) => i.keyword).lastIndexOf('FROM'));

describe('the Dockerfile', () => {
  it('builds every stage from the current Node LTS slim image', () => {
    const bases = all.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(' ')[0]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toBe('node:22-bookworm-slim');
  });

  it('installs production dependencies with npm ci --omit=dev and takes node_modules from that install', () => {
    const depsFrom = all.findIndex((i) => i.keyword === 'FROM' && i.args === 'node:22-bookworm-slim AS deps');
    expect(depsFrom).toBeGreaterThan(-1);
    const depsStage = all.slice(
      depsFrom + 1,
      all.findIndex((i, at) => at > depsFrom && i.keyword === 'FROM'),
    );
    expect(depsStage.some((i) => i.keyword === 'RUN' && /^npm ci --omit=dev\b/.test(i.args))).toBe(true);
    expect(finalStage.some((i) => i.keyword === 'COPY' && i.args === '--from=deps /app/node_modules ./node_modules')).toBe(true);
    expect(finalStage.some((i) => i.keyword === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
  });

  it('runs as the unprivileged node user from before the service starts', () => {
    const users = finalStage.filter((i) => i.keyword === 'USER');
    expect(users.map((u) => u.args)).toEqual(['node']);
    const userAt = finalStage.findIndex((i) => i.keyword === 'USER');
    const cmdAt = finalStage.findIndex((i) => i.keyword === 'CMD');
    expect(userAt).toBeGreaterThan(-1);
    expect(userAt).toBeLessThan(cmdAt);
    expect(finalStage.slice(userAt).some((i) => i.keyword === 'RUN')).toBe(false);
  });

  it('keeps the data folder in a volume owned by that user, and listens on 3978', () => {
    const env = finalStage
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/DATA_DIR=\/data\b/);
    expect(finalStage.find((i) => i.keyword === 'VOLUME')?.args).toBe('["/data"]');
    expect(finalStage.some((i) => i.keyword === 'RUN' && i.args.includes('chown node:node /data'))).toBe(true);
    expect(finalStage.find((i) => i.keyword === 'EXPOSE')?.args).toBe('3978');
  });

  it('never opens an unauthenticated bot on its own: HOST=0.0.0.0 without MicrosoftAppId refuses to start unless ALLOW_UNAUTHENTICATED is set, and the image does not set it', () => {
    const env = finalStage
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/HOST=0\.0\.0\.0\b/);
    expect(all.filter((i) => /ALLOW_UNAUTHENTICATED|MicrosoftAppId/.test(i.args))).toEqual([]);
    // The health check asks from inside the container (loopback), so it still reads the full answer in authenticated mode.
    expect(finalStage.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('http://127.0.0.1:');
  });

  it('checks health on /healthz with Node itself (the slim image has no curl)', () => {
    const health = finalStage.find((i) => i.keyword === 'HEALTHCHECK');
    expect(health?.args).toMatch(
      /CMD \["node", "-e", ".*fetch\('http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 3978\) \+ '\/healthz'\)/,
    );
    expect(health?.args).toMatch(/process\.exit\(r\.ok \? 0 : 1\)/);
    expect(all.some((i) => /\bcurl\b|\bwget\b/.test(i.args))).toBe(false);
  });

  it('builds dist/ as npm start does before starting, while still root (the service cannot change its own code)', () => {
    const buildAt = finalStage.findIndex((i) => i.keyword === 'RUN' && i.args.startsWith('node --import tsx scripts/build.ts'));
    expect(buildAt).toBeGreaterThan(finalStage.findIndex((i) => i.keyword === 'COPY' && i.args === '. .'));
    expect(buildAt).toBeLessThan(finalStage.findIndex((i) => i.keyword === 'USER'));
    expect(pkg.scripts.build).toBe('node --import tsx scripts/build.ts');
    expect(dockerignore).toContain('dist');
  });

  it('starts the bot the way npm start does, in exec form so the bot receives SIGTERM', () => {
    const cmd = JSON.parse(finalStage.find((i) => i.keyword === 'CMD')?.args ?? '[]') as string[];
    expect(cmd.join(' ')).toBe(pkg.scripts.start);
    expect(cmd[0]).toBe('node');
    expect(pkg.dependencies.tsx).toBeDefined();
  });

  it('puts no secret in the image', () => {
    expect(dockerfile).not.toMatch(/MicrosoftAppPassword|SMTP_PASSWORD|ARG .*(SECRET|PASSWORD|TOKEN)/i);
    for (const ignored of ['node_modules', 'var', '.env', 'tests', '.git']) expect(dockerignore).toContain(ignored);
  });

  it('has every package the service imports at run time, from dependencies or copied in explicitly', () => {
    const copied = new Set(
      finalStage
        .filter((i) => i.keyword === 'COPY' && i.args.startsWith('--from=esbuild'))
        .map((i) => i.args.split(' ')[1].replace('/app/node_modules/', '')),
    );
    const missing: string[] = [];
    for (const file of sourceFiles(['bot', 'cards', 'dialogs', 'data'])) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/^import (?!type )[^;]*?from '([^'.][^']*)'|import\('([^'.][^']*)'\)/gm)].map(
        (m) => m[1] ?? m[2],
      );
      for (const spec of specifiers) {
        if (spec.startsWith('node:')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (pkg.dependencies[name] === undefined && !copied.has(name)) missing.push(`${path.relative(ROOT, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

function sourceFiles(folders: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.ts')) found.push(full);
    }
  };
  for (const folder of folders) walk(path.join(ROOT, folder));
  return found;
}
