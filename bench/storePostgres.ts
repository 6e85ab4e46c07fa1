/**
 * `npm run bench:store -- --store postgres`: the write of bench/storeWrites.ts on the PostgreSQL store at 5,000 and then
 * 50,000 live tickets, in a schema of its own in DATABASE_URL's database or in a throwaway cluster started (and removed)
 * here. Prints the "PostgreSQL and two instances (issue 17)" section of docs/performance.md; with `--write`, saves the
 * figures in bench/postgresResults.json and rewrites that section.
 */
import { performance } from 'node:perf_hooks';
import { openPostgresStore } from '../data/store/postgresStore.js';
import type { BenchRun } from './performanceDoc.js';
import { benchDatabase, bulkInsertAudit, bulkInsertTickets } from './postgresSeed.js';
import { publishPostgresResults, TARGET_P99_MS, type StoreRow } from './postgresSection.js';
import { processWithChildren, share, snapshot, waitForQuiet, type ProcessGroup } from './processCpu.js';
import { timeWrites, workingTicket } from './storeWrites.js';

const SIZES = [5000, 50_000];
const AUDIT_EVENTS = 100_000;
const COUNTS = { sequential: 2000, concurrent: 5000 };
/** Before each measurement, wait (up to 30 s) for this shared machine to be nearly idle. */
const QUIET_CORES = 0.3;
const QUIET_WAIT_MS = 30_000;

/** Opens the store on `url` and times the writes, with the CPU each group used meanwhile. */
async function measureOnce(url: string, ids: string[], groups: Record<string, ProcessGroup>): Promise<StoreRow> {
  const openStart = performance.now();
  const store = await openPostgresStore({ url });
  const openMs = performance.now() - openStart;
  try {
    const health = await store.health();
    if (health.liveTickets !== ids.length) throw new Error(`expected ${ids.length} live tickets, the store has ${health.liveTickets}`);
    await waitForQuiet(QUIET_CORES, QUIET_WAIT_MS);
    const before = await snapshot(groups);
    let auditQueryMs = 0;
    const figures = await timeWrites(store, ids, COUNTS, {
      during: async () => {
        const queryStart = performance.now();
        let found = 0;
        for await (const _ of store.readAudit({ ticketId: ids[42] })) found += 1;
        auditQueryMs = performance.now() - queryStart;
        if (found === 0) throw new Error('audit query found nothing');
      },
    });
    return { tickets: ids.length, openMs, auditQueryMs, ...figures, cpu: share(before, await snapshot(groups)) };
  } finally {
    await store.close();
  }
}

function summary(r: StoreRow): string {
  const f = (n: number) => n.toFixed(1);
  return `${r.tickets}: one at a time p50 / p99 / max ${f(r.seqP50)} / ${f(r.seqP99)} / ${f(r.seqMax)} ms, ${r.seqPerSecond.toFixed(0)}/s; 50 in flight p50 / p99 ${f(r.conP50)} / ${f(r.conP99)} ms, ${r.conPerSecond.toFixed(0)}/s; stall ${f(r.stallMs)} ms; CPU ${JSON.stringify(r.cpu)}`;
}

export async function measurePostgres(run: BenchRun, log: (line: string) => void): Promise<void> {
  const database = await benchDatabase();
  const rows: StoreRow[] = [];
  let withoutDiskWait: StoreRow | undefined;
  try {
    log(`PostgreSQL ${database.serverVersion} (${database.source})`);
    const groups: Record<string, ProcessGroup> = {
      benchmark: async () => [process.pid],
      ...(database.postmasterPid ? { PostgreSQL: processWithChildren(database.postmasterPid) } : {}),
    };
    // Opening once creates the tables (migrations); the rows then go in in bulk.
    await (await openPostgresStore({ url: database.url })).close();
    const ids: string[] = [];
    for (const size of SIZES) {
      const tickets = Array.from({ length: size - ids.length }, workingTicket);
      const seedStart = performance.now();
      await bulkInsertTickets(database.url, tickets);
      ids.push(...tickets.map((t) => t.id));
      if (ids.length === tickets.length) await bulkInsertAudit(database.url, ids, AUDIT_EVENTS);
      log(`seeded ${ids.length} live tickets in ${Math.round(performance.now() - seedStart)} ms; measuring…`);
      rows.push(await measureOnce(database.url, ids, groups));
      log(summary(rows[rows.length - 1]));
    }
    // Where the time goes: the same writes with COMMIT not waiting for the WAL to reach the disk (not durable; never
    // how the service runs), so the difference is the cost of the flush.
    const url = new URL(database.url);
    url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c synchronous_commit=off`);
    withoutDiskWait = await measureOnce(url.toString(), ids, groups);
    log(`without waiting for the disk: ${summary(withoutDiskWait)}`);
  } finally {
    await database.remove();
  }
  const largest = rows[rows.length - 1];
  log(`target (p99 ≤ ${TARGET_P99_MS} ms at 50,000 tickets): ${largest.seqP99 <= TARGET_P99_MS ? 'met' : 'MISSED'}`);
  const postgres = { measured: run.measured(database.serverVersion), database: database.source, rows, withoutDiskWait };
  await publishPostgresResults(run, 'writes', (writes) => ({ ...writes, postgres }));
}
