import { describe, expect, it } from '@jest/globals';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { StoreCorruptError } from '../../../data/errors.js';
import { CURRENT_SCHEMA_VERSION } from '../../../data/store/migrations.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

/** Opens a folder whose live.json holds `content`, expecting a refusal; returns the error and the file afterwards. */
async function refusedWith(content: string): Promise<{ error: unknown; after: Buffer; before: Buffer }> {
  const file = folder.path('live.json');
  await writeFile(file, content);
  const before = await readFile(file);
  const error = await folder.open().then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (err: unknown) => err,
  );
  return { error, before, after: await readFile(file) };
}

describe('opening a data folder whose live file cannot be used', () => {
  it.each([
    ['a file cut off mid-way', '{"schemaVersion":1,"tickets":[{"id":"T-1","sta'],
    ['an empty file', ''],
    ['a file that is not an object', '[1,2,3]'],
    ['a file that holds null', 'null'],
  ])('stops the start for %s, names the file, and leaves it byte for byte as it was', async (_name, content) => {
    const { error, before, after } = await refusedWith(content);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toContain(folder.path('live.json'));
    expect((error as Error).message).toContain('left untouched');
    expect(after.equals(before)).toBe(true);
    expect(await readdir(folder.dir)).toEqual(['live.json']);
  });

  it('stops the start for a file written by a newer version, saying so, and leaves it as it was', async () => {
    const { error, before, after } = await refusedWith(JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, tickets: [] }));
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `newer version of the assistant \\(data version ${CURRENT_SCHEMA_VERSION + 1}; this version understands up to ${CURRENT_SCHEMA_VERSION}\\)`,
      ),
    );
    expect(after.equals(before)).toBe(true);
  });

  it('stops the start for a collection of the wrong shape, naming it', async () => {
    const { error, after, before } = await refusedWith(JSON.stringify({ tickets: { 'T-1': {} } }));
    expect((error as Error).message).toMatch(/missing or unexpected content in tickets,/);
    expect(after.equals(before)).toBe(true);
  });

  it('lets the folder be opened once the file is repaired (a refused open does not keep it locked)', async () => {
    await refusedWith('{oops');
    await writeFile(folder.path('live.json'), '{}');
    const store = await folder.open();
    expect(await store.tickets.list()).toEqual([]);
    await store.close();
  });
});
