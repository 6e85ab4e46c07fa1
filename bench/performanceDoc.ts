/**
 * docs/performance.md is written by the benchmarks, a section each ("## Store", "## Reminders", "## Turns", "## Memory"):
 * a run replaces its own sections where they stand and leaves every other section, hand-written ones included, as it is.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

const DOC = new URL('../docs/performance.md', import.meta.url);

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

export async function readPerformanceDoc(): Promise<string> {
  return readFile(DOC, 'utf8').catch(() => '# Performance\n');
}

/** Writes a benchmark's sections into docs/performance.md once it has its figures. */
export async function writePerformanceSections(sections: string): Promise<void> {
  await writeFile(DOC, replaceSections(await readPerformanceDoc(), sections));
}

/** The machine line every section starts with. */
export function machineLine(): string {
  return `${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
