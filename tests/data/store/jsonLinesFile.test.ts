import { describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { JsonLinesFile } from '../../../data/store/jsonLinesFile.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

async function collect<T>(lines: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('JsonLinesFile', () => {
  it('creates a missing file empty', async () => {
    const file = await JsonLinesFile.open(folder.path('new.jsonl'));
    expect(file.size).toBe(0);
    expect(await readFile(folder.path('new.jsonl'), 'utf8')).toBe('');
  });

  it('cuts a torn last line on open, and keeps a file that ends cleanly as it is', async () => {
    const torn = folder.path('torn.jsonl');
    await writeFile(torn, '{"n":1}\n{"n":2}\n{"n":');
    expect((await JsonLinesFile.open(torn)).size).toBe(16);
    expect(await readFile(torn, 'utf8')).toBe('{"n":1}\n{"n":2}\n');

    const onlyTorn = folder.path('only-torn.jsonl');
    await writeFile(onlyTorn, '{"n":');
    expect((await JsonLinesFile.open(onlyTorn)).size).toBe(0);
  });

  it('reads the last lines across read-chunk boundaries without mangling characters', async () => {
    const file = folder.path('long.jsonl');
    const values = Array.from({ length: 3000 }, (_, i) => ({ n: i, text: `ça coûte €${i} — ✓`.repeat(3) }));
    await writeFile(file, values.map((v) => `${JSON.stringify(v)}\n`).join(''));
    const lines = await JsonLinesFile.open(file);
    expect(await lines.lastLines(1)).toEqual([values[2999]]);
    expect(await lines.lastLines(1500)).toEqual(values.slice(1500));
    expect(await lines.lastLines(5000)).toEqual(values);
    expect(await collect(lines.lines())).toEqual(values);
  });

  it('appends whole lines and streams them back, skipping unwanted lines before parsing', async () => {
    const lines = await JsonLinesFile.open(folder.path('a.jsonl'));
    await lines.append([{ id: 'a' }, { id: 'b' }]);
    await lines.append([{ id: 'c' }]);
    expect(await collect(lines.lines())).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(await collect(lines.lines((line) => !line.includes('"b"')))).toEqual([{ id: 'a' }, { id: 'c' }]);
  });
});
