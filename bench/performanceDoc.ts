/**
 * What every benchmark shares about publishing its figures. A run prints the markdown of its sections of
 * docs/performance.md ("## Store", "## Reminders", …) and touches no tracked file; with `--write` it also replaces those
 * sections where they stand (every other section, hand-written ones included, stays as it is) and saves its entry in its
 * results file (bench/results.json, or bench/postgresResults.json for the PostgreSQL section). Each section and entry
 * records the machine and its load average at the start and at the end of the run, so a reader can tell a busy machine.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOC = new URL('../docs/performance.md', import.meta.url);
export const RESULTS = new URL('./results.json', import.meta.url);
const WRITE_FLAG = '--write';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os?: string;
  /** The PostgreSQL server's version, for runs that use one. */
  postgres?: string;
}

/** Where and when a run was measured. Load averages are 1, 5 and 15 minutes (os.loadavg()). */
export interface Measured {
  date: string;
  machine: Machine;
  /** Absent only from entries saved before runs recorded it. */
  load?: { start?: number[]; end: number[] };
}

/** One benchmark run: whether it writes, and the machine's load when it began. */
export interface BenchRun {
  readonly write: boolean;
  /** The command line with `--write` taken out, for a benchmark's own options. */
  readonly args: string[];
  /** The machine now and the load at the start and now: call it when the measuring is over. */
  measured(postgres?: string): Measured;
  /** Prints the sections; with `--write`, also puts them in docs/performance.md. */
  publish(sections: string): Promise<void>;
  /** With `--write`, saves `entry` under `key` in a results file (by default bench/results.json), keeping the other keys. */
  saveResult(key: string, entry: unknown, file?: URL): Promise<void>;
}

/** Splits `--write` from the rest of a benchmark's command line. */
export function parseBenchArgs(argv: string[]): { write: boolean; args: string[] } {
  return { write: argv.includes(WRITE_FLAG), args: argv.filter((arg) => arg !== WRITE_FLAG) };
}

/** Called once at the top of each benchmark, before it measures anything (tests pass their own output and files). */
export function startBenchRun(options: { argv?: string[]; out?: (text: string) => void; doc?: URL } = {}): BenchRun {
  const { argv = process.argv.slice(2), out = (text: string) => process.stdout.write(text), doc = DOC } = options;
  const { write, args } = parseBenchArgs(argv);
  const start = os.loadavg();
  return {
    write,
    args,
    measured: (postgres) => ({
      date: new Date().toISOString().slice(0, 10),
      machine: thisMachine(postgres),
      load: { start, end: os.loadavg() },
    }),
    publish: async (sections) => {
      out(`\n${sections.trimEnd()}\n\n`);
      if (!write) {
        out(`(docs/performance.md not changed: run with ${WRITE_FLAG} to put this there)\n`);
        return;
      }
      await writeFile(doc, replaceSections(await readFile(doc, 'utf8').catch(() => '# Performance\n'), sections));
      out(`wrote ${headings(sections).join(', ')} in docs/performance.md\n`);
    },
    saveResult: async (key, entry, file = RESULTS) => {
      if (!write) return;
      await writeFile(file, `${JSON.stringify({ ...(await readResults(file)), [key]: entry }, null, 2)}\n`);
      out(`wrote "${key}" in ${path.relative(process.cwd(), fileURLToPath(file))}\n`);
    },
  };
}

export async function readResults(file: URL = RESULTS): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export function thisMachine(postgres?: string): Machine {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    ...(postgres ? { postgres } : {}),
  };
}

/** The sentence every written section gives its run: "2 CPUs, …, Node v20…; load average (1 / 5 / 15 min) … at the start, … at the end". */
export function measuredLine(measured: Measured): string {
  const m = measured.machine;
  const machine = [
    `${m.cores} CPUs`,
    m.cpu,
    `Node ${m.node}`,
    ...(m.os ? [m.os] : []),
    ...(m.postgres ? [`PostgreSQL ${m.postgres}`] : []),
  ].join(', ');
  const load = measured.load;
  if (!load) return machine;
  const figures = (l: number[]) => l.map((n) => n.toFixed(2)).join(' / ');
  const at = load.start ? `${figures(load.start)} at the start, ${figures(load.end)} at the end` : `${figures(load.end)} at the end`;
  return `${machine}; load average (${load.end.length > 1 ? '1 / 5 / 15 min' : '1 min'}) ${at}`;
}

/** Replaces each "## Heading" section of `sections` in `text` where it is, or appends it. */
export function replaceSections(text: string, sections: string): string {
  let result = text;
  for (const section of sections.split(/^(?=## )/m).filter((s) => s.startsWith('## '))) {
    const heading = section.split('\n', 1)[0];
    const start = result.search(new RegExp(`^${escapeRegExp(heading)}\\s*$`, 'm'));
    if (start < 0) {
      result = `${result.trimEnd()}\n\n${section.trimEnd()}\n`;
      continue;
    }
    const next = result.slice(start + 3).search(/^## /m);
    const end = next < 0 ? result.length : start + 3 + next;
    result = `${result.slice(0, start)}${section.trimEnd()}\n${next < 0 ? '' : '\n'}${result.slice(end)}`;
  }
  return result;
}

function headings(sections: string): string[] {
  return [...sections.matchAll(/^## (.+)$/gm)].map((match) => `"${match[1]}"`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
