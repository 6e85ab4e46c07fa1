/**
 * `npm run build` (and before every `npm start`): compiles the service's TypeScript to JavaScript in dist/, file by file
 * with the same folder layout, and copies beside it every other file the code reads at run time (card templates,
 * reference data, the helpdesk tab's page, package.json for the version). The service then runs on plain `node`:
 * loading TypeScript through tsx at run time cost ~40 MB of resident memory (docs/performance.md, Memory).
 */
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folders the service is made of; tests, benchmarks and scripts are not part of it. */
const SOURCE_FOLDERS = ['bot', 'cards', 'dialogs', 'data'];
/** Bundled for the browser by the running service itself (bot/web/tabBundle.ts), so copied as they are. */
const BROWSER_SOURCES = path.join('bot', 'web', 'page');
export const DEFAULT_OUT_DIR = path.join(ROOT, 'dist');

export interface BuildResult {
  outDir: string;
  compiled: number;
  copied: number;
}

/**
 * `outDir` is dist/ or a `.build-…` folder directly in the project:
 * inside it, so the compiled code finds node_modules the way the source does, and never a folder of source or data,
 * because it is emptied first (nothing of an older build lingers).
 */
export async function buildService(outDir: string = DEFAULT_OUT_DIR): Promise<BuildResult> {
  const out = path.resolve(outDir);
  const name = path.basename(out);
  if (path.dirname(out) !== path.resolve(ROOT) || !(name === 'dist' || name.startsWith('.build-'))) {
    throw new Error(`the build folder must be dist/ or a .build-… folder in ${ROOT} (it was ${out}); it is emptied before each build`);
  }
  const compile: string[] = [];
  const copy: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const file of await filesUnder(path.join(ROOT, folder))) {
      const relative = path.relative(ROOT, file);
      if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !relative.startsWith(BROWSER_SOURCES + path.sep)) compile.push(file);
      else if (!file.endsWith('.d.ts')) copy.push(relative);
    }
  }
  await rm(out, { recursive: true, force: true });
  // One file in, one file out, imports left as they are: the source already imports './x.js', which is what lands here.
  await build({ entryPoints: compile, outdir: out, outbase: ROOT, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  for (const relative of [...copy, 'package.json']) {
    const target = path.join(out, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(ROOT, relative), target);
  }
  return { outDir: out, compiled: compile.length, copied: copy.length + 1 };
}

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const result = await buildService(process.argv[2] ?? DEFAULT_OUT_DIR);
    process.stdout.write(
      `built ${path.relative(ROOT, result.outDir) || '.'}/: ${result.compiled} files compiled, ${result.copied} copied (${Date.now() - started} ms)\n`,
    );
  } catch (err) {
    process.stderr.write(`Build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
