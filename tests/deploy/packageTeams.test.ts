import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from '@jest/globals';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { packageTeams } from '../../scripts/packageTeams.js';
import { ConfigError } from '../../bot/config.js';

const ENV = { MicrosoftAppId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', PUBLIC_BASE_URL: 'https://ucp-onboarding.azurewebsites.net/' };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-teams-package-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function unzip(file: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(file));
}

async function png(zip: JSZip, name: string): Promise<PNG> {
  const entry = zip.file(name);
  if (!entry) throw new Error(`${name} is missing`);
  return PNG.sync.read(await entry.async('nodebuffer'));
}

describe('npm run package:teams', () => {
  it('writes a zip holding exactly manifest.json, color.png and outline.png at its root', async () => {
    const outFile = path.join(dir, 'build', 'ucp-onboarding.zip');
    const { file, manifest } = await packageTeams({ env: ENV, outFile });
    expect(file).toBe(outFile);
    const zip = await unzip(file);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const inZip = JSON.parse(await zip.file('manifest.json')!.async('string')) as unknown;
    expect(inZip).toEqual(manifest);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('draws a 192×192 colour icon, opaque NHS blue behind a white mark', async () => {
    const { file } = await packageTeams({ env: ENV, outFile: path.join(dir, 'p.zip') });
    const icon = await png(await unzip(file), 'color.png');
    expect([icon.width, icon.height]).toEqual([192, 192]);
    const at = (x: number, y: number): number[] => [...icon.data.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
    expect(at(96, 20)).toEqual([0x00, 0x5e, 0xb8, 255]);
    let white = 0;
    for (let i = 0; i < icon.data.length; i += 4)
      if (icon.data[i] === 255 && icon.data[i + 1] === 255 && icon.data[i + 2] === 255 && icon.data[i + 3] === 255) white += 1;
    expect(white).toBeGreaterThan(1000);
  });

  it('draws a 32×32 outline icon that is white where drawn and fully transparent everywhere else', async () => {
    const { file } = await packageTeams({ env: ENV, outFile: path.join(dir, 'p.zip') });
    const icon = await png(await unzip(file), 'outline.png');
    expect([icon.width, icon.height]).toEqual([32, 32]);
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < icon.data.length; i += 4) {
      const [r, g, b, a] = icon.data.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else {
        expect([r, g, b, a]).toEqual([255, 255, 255, 255]);
        white += 1;
      }
    }
    expect(white).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(500);
    expect(icon.data[3]).toBe(0);
  });

  it('refuses clearly and writes nothing when MicrosoftAppId or PUBLIC_BASE_URL is missing', async () => {
    const outFile = path.join(dir, 'never.zip');
    await expect(packageTeams({ env: { PUBLIC_BASE_URL: ENV.PUBLIC_BASE_URL }, outFile })).rejects.toThrow(ConfigError);
    await expect(packageTeams({ env: { MicrosoftAppId: ENV.MicrosoftAppId }, outFile })).rejects.toThrow(/PUBLIC_BASE_URL is empty/);
    expect(existsSync(outFile)).toBe(false);
  });
});
