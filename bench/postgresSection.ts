/**
 * The "PostgreSQL and two instances (issue 17)" section of docs/performance.md. Two benchmarks feed it — the store writes
 * (`npm run bench:store`, either store) and the two-instance turns (`npm run bench:instances`) — so each keeps its figures
 * in bench/postgresResults.json (with `--write`) and the section is rendered from both whenever either runs.
 */
import { measuredLine, readResults, type BenchRun, type Measured } from './performanceDoc.js';
import type { InstanceResults } from './instancesSection.js';
import type { CpuShare } from './processCpu.js';
import { instancesText } from './instancesSection.js';
import type { WriteFigures } from './storeWrites.js';

const RESULTS = new URL('./postgresResults.json', import.meta.url);
export const TARGET_P99_MS = 20;

export interface StoreRow extends WriteFigures {
  tickets: number;
  /** Time to open the store (lowdb reads and parses the live file; PostgreSQL connects and checks the schema). */
  openMs: number;
  liveFileMb?: number;
  auditQueryMs: number;
  /** CPU during the writes, as shares of one core: the benchmark, PostgreSQL, and other work on the machine ("rest"). */
  cpu?: CpuShare;
}

export interface StoreRun {
  /** PostgreSQL runs: the server's version is in the machine. */
  measured: Measured;
  /** PostgreSQL runs: where the server ran. */
  database?: string;
  rows: StoreRow[];
  /** PostgreSQL: the largest size again with synchronous_commit off, to show what waiting for the disk costs. */
  withoutDiskWait?: StoreRow;
}

export interface PostgresResults {
  writes: { postgres?: StoreRun; lowdb?: StoreRun };
  instances?: InstanceResults;
}

/**
 * Puts a benchmark's part of the figures (`writes` or `instances`) with the others saved and publishes the section
 * rendered from them all; with `--write`, saves that part.
 */
export async function publishPostgresResults<Key extends keyof PostgresResults>(
  run: BenchRun,
  key: Key,
  change: (part: PostgresResults[Key]) => PostgresResults[Key],
): Promise<void> {
  const results = { writes: {}, ...(await readResults(RESULTS)) } as PostgresResults;
  results[key] = change(results[key]);
  await run.saveResult(key, results[key], RESULTS);
  await run.publish(postgresSection(results));
}

const f = (n: number, digits = 1) => n.toFixed(digits);

function cpuCell(r: StoreRow): string {
  if (!r.cpu) return '–';
  return `${Object.values(r.cpu.groups).join('% / ')}% / ${r.cpu.rest}%`;
}

function writeRows(store: string, rows: StoreRow[]): string[] {
  return rows.map(
    (r) =>
      `| ${store} | ${r.tickets.toLocaleString('en-GB')} | ${r.sequentialWrites} | ${f(r.seqP50)} / ${f(r.seqP99)} / ${f(r.seqMax)} ms | ${f(r.seqPerSecond, 0)} | ${r.concurrentWrites} | ${f(r.conP50)} / ${f(r.conP99)} ms | ${f(r.conPerSecond, 0)} | ${f(r.stallMs)} ms | ${cpuCell(r)} |`,
  );
}

function writesText(results: PostgresResults): string {
  const { postgres, lowdb } = results.writes;
  if (!postgres) return 'Store writes: not measured yet (`npm run bench:store -- --store postgres`).\n';
  const largest = postgres.rows.reduce((a, b) => (b.tickets > a.tickets ? b : a));
  const met = largest.tickets >= 50_000 && largest.seqP99 <= TARGET_P99_MS;
  const lowdbLargest = lowdb?.rows.find((r) => r.tickets === largest.tickets);
  const lowdbLine = lowdbLargest
    ? `The lowdb rows are from \`npm run bench:store\` on ${lowdb!.measured.date} (${measuredLine(lowdb!.measured)}); at ${lowdbLargest.tickets.toLocaleString('en-GB')} tickets only ${lowdbLargest.sequentialWrites} + ${lowdbLargest.concurrentWrites} writes are timed (each rewrites a ~${f(lowdbLargest.liveFileMb ?? 0, 0)} MB file), so its p99 is close to its maximum.`
    : 'lowdb has no row at this size yet (`npm run bench:store` measures it).';
  return `### Store writes

Measured by \`npm run bench:store -- --store postgres\` (bench/store.ts, bench/storeWrites.ts) on ${postgres.measured.date}: ${measuredLine(postgres.measured)};
PostgreSQL: ${postgres.database}. The write is the one the lowdb Store section times: one \`store.transaction()\` that reads a
ticket, writes it back with \`UPDATE … WHERE id = $1 AND version = $2\`, and appends one audit event; it resolves once the
server has acknowledged COMMIT (fsync on, synchronous commit on: the change is on disk). The database is seeded in bulk
(bench/postgresSeed.ts: ${largest.tickets === 50_000 ? '5,000 tickets, measured, then 45,000 more, measured again' : 'the tickets of each row'}) with
an audit trail of 100,000 events; the store's pool has 10 connections, as the service's has. "50 in flight" keeps 50
writers busy, so 40 of them wait for a connection.

| store | live tickets | one at a time: writes | p50 / p99 / max | writes/s | 50 in flight: writes | p50 / p99 | writes/s | longest event-loop stall | CPU: benchmark / PostgreSQL / other work |
| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${[
  ...writeRows('PostgreSQL', postgres.rows),
  ...(postgres.withoutDiskWait ? writeRows('PostgreSQL, COMMIT not waiting for the disk (diagnostic)', [postgres.withoutDiskWait]) : []),
  ...(lowdb
    ? writeRows(
        'lowdb',
        lowdb.rows.filter((r) => r.tickets >= 5000),
      )
    : []),
].join('\n')}

${lowdbLine}

Target: write p99 ≤ ${TARGET_P99_MS} ms at 50,000 live tickets — **${met ? 'met' : 'missed'}** (PostgreSQL, one at a time: p99 ${f(largest.seqP99)} ms at ${largest.tickets.toLocaleString('en-GB')}${lowdbLargest ? `; lowdb ${f(lowdbLargest.seqP99)} ms` : ''}).

Where a write's time goes:
- The work of a write does not grow with the number of tickets: it finds one row through an index, rewrites it and its
  index entries, adds one audit row, and the commit writes a few kilobytes of WAL, where lowdb rewrites the whole live
  file (one at a time p50 ${postgres.rows.map((r) => `${f(r.seqP50)} ms at ${r.tickets.toLocaleString('en-GB')}`).join(', ')}).
  A write is five round trips on one connection (BEGIN, SELECT, UPDATE, INSERT into audit, COMMIT) and the COMMIT's WAL
  flush.${diskLine(postgres)}
- The last column is CPU during the writes as a share of one core (2 cores = 200%): the benchmark process, the PostgreSQL
  server (all its processes), and other work on this shared machine. Other work shows in the tail first (p99, max, longest
  stall): a process waiting for a core is a write waiting, and the benchmark's own event loop stalls with it (the
  benchmark itself only sends queries and parses rows). Each measurement waits up to 30 s for the machine to go quiet.
- 50 in flight share the pool's 10 connections, so p50 there is mostly waiting for a connection; throughput is what it
  buys (PostgreSQL flushes several commits with one fdatasync when they arrive together).
`;
}

/** What the diagnostic row (COMMIT not waiting for the disk) says about the flush, if it was measured. */
function diskLine(run: StoreRun): string {
  const without = run.withoutDiskWait;
  const same = without && run.rows.find((r) => r.tickets === without.tickets);
  if (!without || !same) return '';
  return ` With \`synchronous_commit = off\` (the diagnostic row: COMMIT returns before the flush; not durable, never how the
  service runs) the p50 at ${without.tickets.toLocaleString('en-GB')} is ${f(without.seqP50)} ms instead of ${f(same.seqP50)} ms: the wait for the disk is ~${f(same.seqP50 - without.seqP50)} ms of a median write${
    same.seqP50 - without.seqP50 < 0.3 * same.seqP50
      ? ', so on this machine a write is the round trips and the CPU behind them (both processes woken five times), not the disk'
      : ''
  }.`;
}

/** The whole section, from whatever has been measured so far. */
export function postgresSection(results: PostgresResults): string {
  return `## PostgreSQL and two instances (issue 17)

${writesText(results)}
${instancesText(results.instances)}`;
}
