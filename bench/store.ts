/**
 * `npm run bench:store [-- --store lowdb|postgres]`: write latency and throughput of a store, plus the longest event-loop
 * stall while it runs (the write: bench/storeWrites.ts). lowdb (the default): 1,000, 5,000 and 50,000 live tickets (~1 KB
 * each) and an audit trail of 100,000 events; the "Store" section of docs/performance.md. postgres: 5,000 and
 * 50,000 live tickets (bench/storePostgres.ts). Both also give their figures to the "PostgreSQL and two instances"
 * section. They print their sections; with `--write` they put them in the doc and save their figures (bench/performanceDoc.ts).
 * Not a test: figures depend on the machine.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openLowdbStore } from '../data/store/lowdbStore.js';
import { measuredLine, startBenchRun } from './performanceDoc.js';
import { publishPostgresResults, type StoreRow } from './postgresSection.js';
import { waitForQuiet } from './processCpu.js';
import { measurePostgres } from './storePostgres.js';
import { seedAuditEvent, timeWrites, workingTicket } from './storeWrites.js';

/** Writes timed per size: at 50,000 each lowdb write rewrites ~50 MB (about half a second), so far fewer are timed. */
const SIZES = [
  { tickets: 1000, sequential: 500, concurrent: 3000 },
  { tickets: 5000, sequential: 500, concurrent: 3000 },
  { tickets: 50_000, sequential: 50, concurrent: 250 },
];
const run = startBenchRun();
const AUDIT_EVENTS = 100_000;
const TARGET_P99_MS = 20;
const TARGET_STALL_MS = 50;
const TARGET_TICKETS = 5000;

async function seedAudit(file: string, tickets: string[]): Promise<void> {
  const lines = Array.from({ length: AUDIT_EVENTS }, (_, i) => JSON.stringify(seedAuditEvent(i, tickets)));
  await writeFile(file, `${lines.join('\n')}\n`);
}

async function measureLowdb(size: (typeof SIZES)[number]): Promise<StoreRow> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-store-'));
  try {
    const tickets = Array.from({ length: size.tickets }, workingTicket);
    const ids = tickets.map((t) => t.id);
    await seedAudit(path.join(dir, 'audit.jsonl'), ids);
    let store = await openLowdbStore({ dir });
    await store.transaction(async (tx) => {
      for (const ticket of tickets) await tx.tickets.insert(ticket);
    });
    await store.close();

    const openStart = performance.now();
    store = await openLowdbStore({ dir });
    const openMs = performance.now() - openStart;
    const liveFileMb = (await readFile(path.join(dir, 'live.json'))).length / 1e6;

    const opened = store;
    await waitForQuiet(0.3, 30_000);
    let auditQueryMs = 0;
    const figures = await timeWrites(store, ids, size, {
      commits: () => opened.stats().commits,
      during: async () => {
        const queryStart = performance.now();
        let found = 0;
        for await (const _ of opened.readAudit({ ticketId: ids[42] })) found += 1;
        auditQueryMs = performance.now() - queryStart;
        if (found === 0) throw new Error('audit query found nothing');
      },
    });
    await store.close();
    return { tickets: size.tickets, liveFileMb, openMs, auditQueryMs, ...figures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function table(results: StoreRow[]): string {
  const f = (n: number, digits = 1) => n.toFixed(digits);
  const rows = [
    '| live tickets | live.json | open | one at a time writes | one at a time p50 / p99 / max | one at a time writes/s | 50 in flight p50 / p99 | 50 in flight writes/s | updates per commit | audit query (1 ticket, 100k events) | longest event-loop stall |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.tickets.toLocaleString('en-GB')} | ${f(r.liveFileMb ?? 0)} MB | ${f(r.openMs, 0)} ms | ${r.sequentialWrites} | ${f(r.seqP50)} / ${f(r.seqP99)} / ${f(r.seqMax)} ms | ${f(r.seqPerSecond, 0)} | ${f(r.conP50)} / ${f(r.conP99)} ms | ${f(r.conPerSecond, 0)} | ${f(r.updatesPerCommit ?? NaN)} | ${f(r.auditQueryMs, 0)} ms | ${f(r.stallMs)} ms |`,
    ),
  ];
  return rows.join('\n');
}

async function lowdbMain(): Promise<void> {
  const results: StoreRow[] = [];
  for (const size of SIZES) {
    process.stdout.write(`measuring ${size.tickets} live tickets…\n`);
    results.push(await measureLowdb(size));
  }
  // The targets are for 5,000 live tickets; 50,000 is there to compare with PostgreSQL.
  const targeted = results.filter((r) => r.tickets <= TARGET_TICKETS);
  const target = targeted[targeted.length - 1];
  const largest = results[results.length - 1];
  const worstStall = Math.max(...targeted.map((r) => r.stallMs));
  // The target is the latency one write sees; with 50 writes queued each also waits for the commit ahead of it (see the doc).
  const met = target.seqP99 < TARGET_P99_MS && worstStall < TARGET_STALL_MS;
  const rendered = table(results);
  const measured = run.measured();

  const section = `## Store

Measured by \`npm run bench:store\` (bench/store.ts, bench/storeWrites.ts) on ${measured.date}: ${measuredLine(measured)}; temp folder ${os.tmpdir()}.
Each write is one \`store.transaction()\` that reads a ticket, changes its state, version and updatedAt, writes it back naming the version it read, and records one audit
event, resolving only once live.json (temp file, fsync, rename, directory fsync) and audit.jsonl (append, fsync) are on disk.
The audit trail starts with ${AUDIT_EVENTS.toLocaleString('en-GB')} events; tickets are ~1 KB of realistic fields.
"One at a time" awaits each write before the next; "50 in flight" keeps 50 writers busy, which group commit turns into far
fewer disk writes. At 50,000 live tickets each commit rewrites a ~${(largest.liveFileMb ?? 0).toFixed(0)} MB file, so only ${largest.sequentialWrites} + ${largest.concurrentWrites} writes are timed
there (its p99 is close to its maximum); that row is for comparing with PostgreSQL (section "PostgreSQL and two instances").

${rendered}

Target: p99 under ${TARGET_P99_MS} ms at 5,000 live tickets with no event-loop stall over ${TARGET_STALL_MS} ms — **${met ? 'met' : 'missed'}**
(one-at-a-time p99 ${target.seqP99.toFixed(1)} ms, longest stall ${worstStall.toFixed(1)} ms up to 5,000 tickets).
With 50 writes in flight the p99 is higher (${target.conP99.toFixed(1)} ms at 5,000) by design: a write that arrives while a
commit is on its way to disk waits for it, then goes in the next one, so its latency is up to two commits. That queueing
is what buys the throughput column: the disk work per commit stays the same while each commit carries ~50 writes.

What decides these figures, and what was done about it:
- Rewriting the whole live file is the cost of the lowdb design. A plain \`JSON.stringify\` of 5,000 tickets (~5 MB) takes
  6–20 ms of event loop on this machine, and encoding the result to bytes about as much again. Each record's JSON is cached
  as bytes, keyed by the record object: the store never changes a record in place (a transaction's changes replace the
  records and collections they touch), so a cached record is always current, and a commit hands the cached buffers to one
  \`writev\`. What remains is mostly the disk (write and fsync ~5 MB, rename, directory fsync, then the audit append and its
  fsync).
- Issue 16 replaced the change-tracking proxies with that copy-on-write document: a transaction reads plain copies, stages its
  writes and, when its function returns, replaces whole fields of the document (undo after a failed write is putting the
  previous fields back). Look-ups by id go through a position map instead of a scan, the file is serialised in slices that
  give the event loop a turn every ~8 ms, and a group of many transactions yields between them. Before (same machine, the
  proxies): p50 / p99 9.0 / 13.2 ms at 5,000 tickets one at a time, longest stall 32.2 ms.
- Latency grows with the live file, not with the audit trail or the archive: keep closed tickets moving out
  (\`archiveClosedTickets\`). At 50,000 live tickets every commit writes ~${(largest.liveFileMb ?? 0).toFixed(0)} MB (one at a time p99 ${largest.seqP99.toFixed(0)} ms, longest
  stall ${largest.stallMs.toFixed(0)} ms): that is the point to move to PostgreSQL.
`;
  await run.publish(section);
  await run.saveResult('store', { measured, rows: results, targets: { p99Ms: target.seqP99, worstStallMs: worstStall, met } });
  await publishPostgresResults(run, 'writes', (writes) => ({ ...writes, lowdb: { measured, rows: results } }));
}

const { values } = parseArgs({ args: run.args, options: { store: { type: 'string', default: 'lowdb' } } });
if (values.store === 'postgres') await measurePostgres(run, (line) => process.stdout.write(`${line}\n`));
else if (values.store === 'lowdb') await lowdbMain();
else throw new Error(`--store must be lowdb or postgres, not "${values.store}"`);
