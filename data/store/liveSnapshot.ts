import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreCorruptError } from '../errors.js';
import { emptyLiveFile, validateLiveFile, type LiveFile } from './liveFile.js';
import { CURRENT_SCHEMA_VERSION, migrateLiveFile } from './migrations.js';

/**
 * The live records as last committed, read without opening the store: no lock, no write, no migration on disk.
 * For look-ups (the admin CLI) that must work while the bot is running and owns the folder.
 * The writer replaces live.json by rename, so this sees one whole commit, never half of one.
 */
export async function readLiveSnapshot(dir: string): Promise<LiveFile> {
  const file = path.join(path.resolve(dir), 'live.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyLiveFile(CURRENT_SCHEMA_VERSION);
    throw err;
  }
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new StoreCorruptError(`The data file ${file} is not valid JSON, so it could not be read. It was left untouched.`, { file });
  }
  return validateLiveFile(migrateLiveFile(document, file).document, file);
}
