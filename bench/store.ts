/**
 * `npm run bench:store`: write latency and throughput of the lowdb store with 1,000 and 5,000 live tickets
 * (~1 KB each) and an audit trail of 100,000 events, plus the longest event-loop stall while it runs.
 * Prints a table and replaces the "Store" section of docs/performance.md. Not a test: figures depend on the machine.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { WorkflowTicket } from '../data/model.js';
import { openLowdbStore, type LowdbStore } from '../data/store/lowdbStore.js';
import { makeWorkflowTicket, people } from '../tests/fixtures/workflowFixtures.js';
import { machineLine, writePerformanceSections } from './performanceDoc.js';

const SIZES = [1000, 5000];
const AUDIT_EVENTS = 100_000;
const SEQUENTIAL_WRITES = 500;
const CONCURRENT_WRITES = 3000;
const IN_FLIGHT = 50;
const TARGET_P99_MS = 20;
const TARGET_STALL_MS = 50;

interface Result {
  tickets: number;
  liveFileMb: number;
  openMs: number;
  seqP50: number;
  seqP99: number;
  seqMax: number;
  seqPerSecond: number;
  conP50: number;
  conP99: number;
  conPerSecond: number;
  updatesPerCommit: number;
  auditQueryMs: number;
  stallMs: number;
}

/** The longest time the event loop could not run a timer, by two methods; the larger is reported. */
function stallProbe(): { stop(): number } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let last = performance.now();
  let worstDrift = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstDrift = Math.max(worstDrift, now - last - 5);
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
      return Math.max(worstDrift, histogram.max / 1e6 - 5);
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function seedAudit(file: string, tickets: string[]): Promise<void> {
  const lines: string[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < AUDIT_EVENTS; i += 1) {
    const ticketId = tickets[i % tickets.length];
    lines.push(
      JSON.stringify({
        id: `seed-${i}`,
        at: new Date(start + i * 60_000).toISOString(),
        actor: `aad-${i % 40}`,
        action: 'assign',
        ticketId,
        from: 'awaitingHelpdesk',
        to: 'assigned',
      }),
    );
  }
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** A request the helpdesk is working on, its automatic checks done: about 1 KB as JSON. */
function workingTicket(): WorkflowTicket {
  const checked = { by: 'system', at: '2026-03-02T09:16:00.000Z' } as const;
  return makeWorkflowTicket({
    state: 'assigned',
    assignee: { ...people.agent },
    checklist: { odsVerified: checked, dpiaChecked: checked, dsptChecked: checked, emailDomainsChecked: checked },
  });
}

/** One realistic change: the agent asks the manager for information, or the manager answers, with its audit event. */
function touch(store: LowdbStore, ids: string[], i: number): Promise<unknown> {
  const id = ids[(i * 7919) % ids.length];
  return store.transaction(async (tx) => {
    const ticket = await tx.tickets.get(id);
    if (!ticket) throw new Error(`missing ${id}`);
    const read = ticket.version;
    const from = ticket.state;
    const asking = from === 'assigned';
    ticket.state = asking ? 'needsInformation' : 'assigned';
    ticket.version += 1;
    ticket.updatedAt = new Date().toISOString();
    await tx.tickets.update(ticket, read);
    const actor = asking ? people.agent.aadObjectId : people.requester.aadObjectId;
    tx.audit({ actor, action: asking ? 'requestInformation' : 'provideInformation', ticketId: id, from, to: ticket.state });
  });
}

async function measure(size: number): Promise<Result> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-store-'));
  try {
    const tickets = Array.from({ length: size }, workingTicket);
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

    const probe = stallProbe();
    // Warm-up: first writes pay for proxies and cached record JSON being built.
    for (let i = 0; i < 20; i += 1) await touch(store, ids, i);

    const sequential: number[] = [];
    const seqStart = performance.now();
    for (let i = 0; i < SEQUENTIAL_WRITES; i += 1) {
      const t0 = performance.now();
      await touch(store, ids, i);
      sequential.push(performance.now() - t0);
    }
    const seqSeconds = (performance.now() - seqStart) / 1000;

    const concurrent: number[] = [];
    const commitsBefore = store.stats().commits;
    let next = 0;
    const conStart = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < CONCURRENT_WRITES) {
          const i = next++;
          const t0 = performance.now();
          await touch(store, ids, i);
          concurrent.push(performance.now() - t0);
        }
      }),
    );
    const conSeconds = (performance.now() - conStart) / 1000;
    const commits = store.stats().commits - commitsBefore;

    const queryStart = performance.now();
    let found = 0;
    for await (const _ of store.readAudit({ ticketId: ids[42] })) found += 1;
    const auditQueryMs = performance.now() - queryStart;
    if (found === 0) throw new Error('audit query found nothing');

    const stallMs = probe.stop();
    await store.close();
    sequential.sort((a, b) => a - b);
    concurrent.sort((a, b) => a - b);
    return {
      tickets: size,
      liveFileMb,
      openMs,
      seqP50: percentile(sequential, 50),
      seqP99: percentile(sequential, 99),
      seqMax: sequential[sequential.length - 1],
      seqPerSecond: SEQUENTIAL_WRITES / seqSeconds,
      conP50: percentile(concurrent, 50),
      conP99: percentile(concurrent, 99),
      conPerSecond: CONCURRENT_WRITES / conSeconds,
      updatesPerCommit: CONCURRENT_WRITES / commits,
      auditQueryMs,
      stallMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function machine(): string {
  return `${machineLine()}, temp folder ${os.tmpdir()}, load average ${os.loadavg()[0].toFixed(2)} when finished`;
}

function table(results: Result[]): string {
  const f = (n: number, digits = 1) => n.toFixed(digits);
  const rows = [
    '| live tickets | live.json | open | one at a time p50 / p99 / max | one at a time writes/s | 50 in flight p50 / p99 | 50 in flight writes/s | updates per commit | audit query (1 ticket, 100k events) | longest event-loop stall |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.tickets.toLocaleString('en-GB')} | ${f(r.liveFileMb)} MB | ${f(r.openMs, 0)} ms | ${f(r.seqP50)} / ${f(r.seqP99)} / ${f(r.seqMax)} ms | ${f(r.seqPerSecond, 0)} | ${f(r.conP50)} / ${f(r.conP99)} ms | ${f(r.conPerSecond, 0)} | ${f(r.updatesPerCommit)} | ${f(r.auditQueryMs, 0)} ms | ${f(r.stallMs)} ms |`,
    ),
  ];
  return rows.join('\n');
}

async function main(): Promise<void> {
  const results: Result[] = [];
  for (const size of SIZES) {
    process.stdout.write(`measuring ${size} live tickets…\n`);
    results.push(await measure(size));
  }
  const largest = results[results.length - 1];
  // The target is the latency one write sees; with 50 writes queued each also waits for the commit ahead of it (see the doc).
  const met = largest.seqP99 < TARGET_P99_MS && Math.max(...results.map((r) => r.stallMs)) < TARGET_STALL_MS;
  const rendered = table(results);
  process.stdout.write(
    `\n${rendered}\n\ntarget (p99 < ${TARGET_P99_MS} ms at 5,000 tickets, no stall over ${TARGET_STALL_MS} ms): ${met ? 'met' : 'MISSED'}\n`,
  );

  const section = `## Store

Measured by \`npm run bench:store\` (bench/store.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine()}.
Each write is one \`store.transaction()\` that reads a ticket, changes its state, version and updatedAt, writes it back naming the version it read, and records one audit
event, resolving only once live.json (temp file, fsync, rename, directory fsync) and audit.jsonl (append, fsync) are on disk.
The audit trail starts with ${AUDIT_EVENTS.toLocaleString('en-GB')} events; tickets are ~1 KB of realistic fields.
"One at a time" awaits each write before the next (${SEQUENTIAL_WRITES} writes); "50 in flight" keeps 50 writers busy
(${CONCURRENT_WRITES.toLocaleString('en-GB')} writes), which group commit turns into far fewer disk writes.

${rendered}

Target: p99 under ${TARGET_P99_MS} ms at 5,000 live tickets with no event-loop stall over ${TARGET_STALL_MS} ms — **${met ? 'met' : 'missed'}**
(one-at-a-time p99 ${largest.seqP99.toFixed(1)} ms, longest stall ${Math.max(...results.map((r) => r.stallMs)).toFixed(1)} ms).
With 50 writes in flight the p99 is higher (${largest.conP99.toFixed(1)} ms at 5,000) by design: a write that arrives while a
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
  (\`archiveClosedTickets\`). At 50,000 live tickets every commit writes ~50 MB; that is the point to move to a database.
`;
  await writePerformanceSections(section);
  process.stdout.write(`wrote the Store section of docs/performance.md\n`);
}

await main();
