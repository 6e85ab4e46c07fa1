/**
 * `npm run package:teams`: writes deploy/teams/build/ucp-onboarding.zip, the Teams app package (manifest.json, color.png,
 * outline.png at the zip root) for the installation described by MicrosoftAppId and PUBLIC_BASE_URL (environment or .env).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { ConfigError, loadDotEnv } from '../bot/config.js';
import { AppError } from '../data/errors.js';
import { fillManifest, readManifestTemplate, teamsSettingsFromEnv, type TeamsManifest } from '../deploy/teams/fillManifest.js';
import { colorIcon, outlineIcon } from '../deploy/teams/icons.js';
import { manifestProblems } from '../deploy/teams/validateManifest.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the package goes unless told otherwise (ignored by git: one package per installation). */
export const DEFAULT_PACKAGE_FILE = path.join(ROOT, 'deploy', 'teams', 'build', 'ucp-onboarding.zip');
const TEMPLATE_FILE = path.join(ROOT, 'deploy', 'teams', 'manifest.template.json');

/** A manifest the official schema refuses: the package is not written. */
export class InvalidManifestError extends AppError {
  constructor(readonly problems: string[]) {
    super('invalid-manifest', `the filled manifest does not match the Teams schema:\n  ${problems.join('\n  ')}`, { problems });
  }
}

/** Builds and writes the app package. Throws ConfigError for a missing or bad setting. */
export async function packageTeams(
  options: { env?: Record<string, string | undefined>; outFile?: string } = {},
): Promise<{ file: string; manifest: TeamsManifest }> {
  const env = options.env ?? process.env;
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = fillManifest(readManifestTemplate(TEMPLATE_FILE), teamsSettingsFromEnv(env, version));
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new InvalidManifestError(problems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', colorIcon());
  zip.file('outline.png', outlineIcon());
  const file = path.resolve(options.outFile ?? DEFAULT_PACKAGE_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { file, manifest };
}

async function main(): Promise<void> {
  loadDotEnv();
  try {
    const { file, manifest } = await packageTeams();
    process.stdout.write(`Teams app package written: ${path.relative(process.cwd(), file)} (app version ${String(manifest.version)}).\n`);
    process.stdout.write(
      'Upload it in the Teams admin centre (Manage apps > Upload new app) or the Developer Portal; see deploy/README.md.\n',
    );
  } catch (err) {
    if (err instanceof ConfigError || err instanceof InvalidManifestError) {
      process.stderr.write(`cannot package the Teams app: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
