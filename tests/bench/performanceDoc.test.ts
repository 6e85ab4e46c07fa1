import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measuredLine, parseBenchArgs, replaceSections, startBenchRun } from '../../bench/performanceDoc.js';

const DOC = `# Performance

Intro a person wrote.

## Store

old store figures

## Hand-written notes

kept as they are

## Reminders

old reminder figures
`;

describe('benchmark publishing', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-doc-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes only when --write is given, and leaves the other options to the benchmark', () => {
    expect(parseBenchArgs([])).toEqual({ write: false, args: [] });
    expect(parseBenchArgs(['--store', 'postgres'])).toEqual({ write: false, args: ['--store', 'postgres'] });
    expect(parseBenchArgs(['--write', '--store', 'postgres'])).toEqual({ write: true, args: ['--store', 'postgres'] });
  });

  it('replaces a benchmark section where it stands and keeps every other section', () => {
    const updated = replaceSections(DOC, '## Store\n\nnew store figures\n');
    expect(updated).toBe(DOC.replace('old store figures', 'new store figures'));
  });

  it('appends a section the document does not have yet', () => {
    const updated = replaceSections(DOC, '## Turns\n\nturn figures\n');
    expect(updated).toBe(`${DOC}\n## Turns\n\nturn figures\n`);
  });

  it('names the machine and the load average at the start and at the end of the run', () => {
    const line = measuredLine({
      date: '2026-12-05',
      machine: { cpu: 'Intel(R) Xeon(R) Processor', cores: 2, node: 'v20.20.2', os: 'Linux 6.1', postgres: '15.18' },
      load: { start: [0.5, 0.4, 0.3], end: [1.25, 0.6, 0.35] },
    });
    expect(line).toBe(
      '2 CPUs, Intel(R) Xeon(R) Processor, Node v20.20.2, Linux 6.1, PostgreSQL 15.18; load average (1 / 5 / 15 min) 0.50 / 0.40 / 0.30 at the start, 1.25 / 0.60 / 0.35 at the end',
    );
  });

  it('records this machine and its load in a run measured now', () => {
    const measured = startBenchRun({ argv: [] }).measured('15.18');
    expect(measured.machine).toMatchObject({ cores: os.cpus().length, node: process.version, postgres: '15.18' });
    expect(measured.load?.start).toHaveLength(3);
    expect(measured.load?.end).toHaveLength(3);
    expect(measuredLine(measured)).toMatch(/load average \(1 \/ 5 \/ 15 min\) [\d.]+ \/ [\d.]+ \/ [\d.]+ at the start/);
  });

  it('without --write prints the section and changes no file', async () => {
    const doc = path.join(dir, 'performance.md');
    const results = path.join(dir, 'results.json');
    await writeFile(doc, DOC);
    let printed = '';
    const run = startBenchRun({ argv: [], out: (text) => (printed += text), doc: pathToFileURL(doc) });
    await run.publish('## Store\n\nnew store figures\n');
    await run.saveResult('store', { rows: [1] }, pathToFileURL(results));
    expect(printed).toContain('## Store\n\nnew store figures');
    expect(printed).toContain('run with --write');
    expect(await readFile(doc, 'utf8')).toBe(DOC);
    await expect(readFile(results, 'utf8')).rejects.toThrow();
  });

  it('with --write puts the section in the document and the entry in the results file beside the others', async () => {
    const doc = path.join(dir, 'performance.md');
    const results = path.join(dir, 'results.json');
    await writeFile(doc, DOC);
    await writeFile(results, JSON.stringify({ reminders: { rows: [2] } }));
    const run = startBenchRun({ argv: ['--write'], out: () => undefined, doc: pathToFileURL(doc) });
    await run.publish('## Store\n\nnew store figures\n');
    await run.saveResult('store', { rows: [1] }, pathToFileURL(results));
    expect(await readFile(doc, 'utf8')).toBe(DOC.replace('old store figures', 'new store figures'));
    expect(JSON.parse(await readFile(results, 'utf8'))).toEqual({ reminders: { rows: [2] }, store: { rows: [1] } });
  });
});
