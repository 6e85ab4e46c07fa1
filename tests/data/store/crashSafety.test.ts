import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEvent, Ticket } from '../../../data/model.js';
import { openLowdbStore } from '../../../data/store/lowdbStore.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { seededRandom } from '../../fixtures/seededRandom.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const WRITER = 'tests/helpers/storeCrashWriter.ts';
const KILLS = 20;
/** Twenty writers start one after another, each loading TypeScript through tsx: generous, for a loaded machine. */
const TIMEOUT_MS = 240_000;

interface Acknowledged {
  tickets: string[];
  tally: number;
  archiveRuns: number;
}

/**
 * Starts a writer, kills it with SIGKILL `delayMs` after it acknowledged its first write, and returns what it had
 * acknowledged. Counting from the first acknowledgement, not from "ready", keeps the test meaningful on a busy machine:
 * there the first durable write can take longer than the whole delay, and a kill before it would prove nothing.
 */
async function writeUntilKilled(dir: string, run: number, delayMs: number): Promise<Acknowledged> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(run)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/^ack \S+\n/m.test(stdout)) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then(() => reject(new Error(`the writer stopped before it was killed:\n${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const acked: Acknowledged = { tickets: [], tally: 0, archiveRuns: 0 };
  // Only whole lines count: a line cut by the kill was not fully reported.
  for (const line of stdout.split('\n').slice(0, -1)) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'ack') acked.tickets.push(a);
    if (kind === 'tally') acked.tally = Math.max(acked.tally, Number(b));
    if (kind === 'archived') acked.archiveRuns += 1;
  }
  return acked;
}

describe('crash safety', () => {
  const folder = useStoreFolder();

  it(
    `keeps every acknowledged write, and every acknowledged audit event exactly once, across ${KILLS} kills at random moments`,
    async () => {
      const random = seededRandom(20260302);
      const everyTicket: string[] = [];
      let totalArchiveRuns = 0;

      for (let run = 0; run < KILLS; run += 1) {
        const acked = await writeUntilKilled(folder.dir, run, 20 + Math.floor(random() * 180));
        expect(acked.tickets.length).toBeGreaterThan(0);
        everyTicket.push(...acked.tickets);
        totalArchiveRuns += acked.archiveRuns;

        // The live file parses as it was left by the kill, before anything repairs it.
        const live = JSON.parse(await readFile(folder.path('live.json'), 'utf8')) as { tickets: Ticket[] };
        expect(Array.isArray(live.tickets)).toBe(true);

        const store = await openLowdbStore({ dir: folder.dir });
        try {
          const missing: string[] = [];
          for (const id of everyTicket) if (!(await store.tickets.get(id))) missing.push(id);
          expect(missing).toEqual([]);
          const tally = (await store.tickets.get(`tally-${run}`))?.version;
          expect(tally).toBeGreaterThanOrEqual(acked.tally);

          const lines = (await readFile(folder.path('audit.jsonl'), 'utf8')).split('\n').filter(Boolean);
          const counts = new Map<string, number>();
          for (const line of lines) {
            const id = (JSON.parse(line) as AuditEvent).id;
            counts.set(id, (counts.get(id) ?? 0) + 1);
          }
          expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
          expect(everyTicket.filter((id) => counts.get(`a-${id}`) !== 1)).toEqual([]);
        } finally {
          await store.close();
        }
      }
      // The kills must have landed while archive runs were happening too, or the test proves less than it claims.
      expect(totalArchiveRuns).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
