/**
 * `npm run bench:reminders`: one reminder sweep over 10,000 and 50,000 open tickets in a real (lowdb) store — time, the
 * store's commits, peak memory and the longest event-loop stall — for the worst case (the first sweep, everything due at
 * once, recorded in batches) and a steady sweep (nothing new due). Delivery is left out (the notifier's own cost):
 * deliver() only collects the keys.
 * Prints the "Reminders" section of docs/performance.md; with `--write`, puts it there and saves the figures in
 * bench/results.json. Not a test: figures depend on the machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openLowdbStore } from '../data/store/lowdbStore.js';
import { bankHolidays } from '../data/reference/index.js';
import { createWorkingCalendar } from '../data/rules/workingHours.js';
import type { TicketState, WorkflowTicket } from '../data/model.js';
import { runSweep } from '../bot/reminders/sweep.js';
import { DEFAULT_THRESHOLDS } from '../bot/reminders/thresholds.js';
import { dueReminders } from '../bot/reminders/dueReminders.js';
import { measuredLine, startBenchRun } from './performanceDoc.js';
import { BATCH_REMINDERS } from '../bot/reminders/sweepBatches.js';

const run = startBenchRun();
const SIZES = [10_000, 50_000];
const NOW = new Date('2026-03-16T10:00:00.000Z');
const STATES: TicketState[] = ['awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation'];
const ICBS = ['QMJ', 'QMF', 'QRV', 'QKK', 'QWE'];

function ticket(i: number): WorkflowTicket {
  const at = new Date(NOW.getTime() - (i % 30) * 86_400_000 - (i % 9) * 3_600_000).toISOString();
  const state = STATES[i % STATES.length];
  return {
    id: `UCP-${String(i).padStart(6, '0')}`,
    kind: 'organisationAccess',
    state,
    version: 3,
    createdAt: at,
    updatedAt: at,
    priority: 'normal',
    requester: { aadObjectId: `aad-requester-${i}`, name: 'Grace Adeyemi', email: `manager${i}@nhs.net` },
    organisation: {
      odsCode: `V${String(i).padStart(4, '0')}`,
      name: 'Rosewood Court Care Home',
      icbCode: ICBS[i % ICBS.length],
      location: 'london',
      namedInDpia: false,
    },
    ...(state === 'assigned' ? { assignee: { aadObjectId: `aad-agent-${i % 20}`, name: 'Alex Agent' } } : {}),
    checklist: {},
    cardCopies: [],
    lastAction: { by: 'system', at, verb: 'route' },
  };
}

function probe(): { stop(): number } {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return {
    stop: () => {
      h.disable();
      return h.max / 1e6;
    },
  };
}

async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; stallMs: number; value: T }> {
  const p = probe();
  // Let the probe's timer start before the work: a block that begins in the same tick would not be seen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { ms, stallMs: p.stop(), value };
}

const rows: string[] = [];
const figures: Array<Record<string, number>> = [];
const largest: { firstMs: number; firstStallMs: number; firstCommits: number; steadyMs: number; steadyStallMs: number; due: number } = {
  firstMs: 0,
  firstCommits: 0,
  firstStallMs: 0,
  steadyMs: 0,
  steadyStallMs: 0,
  due: 0,
};
for (const size of SIZES) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-reminders-'));
  const store = await openLowdbStore({ dir });
  await store.transaction(async (tx) => {
    for (let i = 0; i < size; i += 1) await tx.tickets.insert(ticket(i));
    for (const icb of ICBS) await tx.rosters.put({ kind: 'icsLead', id: `aad-lead-${icb}`, scope: icb, addedAt: NOW.toISOString() });
    await tx.rosters.put({ kind: 'helpdeskChannel', id: '19:helpdesk@thread.tacv2', addedAt: NOW.toISOString() });
  });
  const calendar = createWorkingCalendar({ holidays: bankHolidays });
  const delivered: string[] = [];
  const deps = {
    store,
    calendar,
    thresholds: DEFAULT_THRESHOLDS,
    notifier: {
      deliver: async (key: string) => {
        delivered.push(key);
        return 'queued' as const;
      },
    },
    workflow: { act: async () => ({ ok: false as const, code: 'illegal' as const, message: 'bench: withdrawals not applied' }) },
  };
  const sources = async () => ({
    tickets: await store.tickets.list(),
    rosters: await store.rosters.list(),
    dsptStatuses: [],
    reminderLedger: await store.reminders.all(),
  });
  // The copies it reads are dropped before the sweeps, so they do not weigh on the sweeps' garbage collection.
  const due = await (async () => {
    const data = await sources();
    const measured = await measure(async () => dueReminders(data, calendar, NOW, DEFAULT_THRESHOLDS));
    return {
      ms: measured.ms,
      stallMs: measured.stallMs,
      value: { reminders: measured.value.reminders.length, withdrawals: measured.value.withdrawals.length },
    };
  })();
  const commitsBefore = store.stats().commits;
  const first = await measure(() => runSweep({ ...deps, clock: () => NOW }));
  const firstCommits = store.stats().commits - commitsBefore;
  const steady = await measure(() => runSweep({ ...deps, clock: () => new Date(NOW.getTime() + 300_000) }));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  Object.assign(largest, {
    firstMs: first.ms,
    firstStallMs: first.stallMs,
    firstCommits,
    steadyMs: steady.ms,
    steadyStallMs: steady.stallMs,
    due: due.value.reminders,
  });
  figures.push({
    openTickets: size,
    dueMs: due.ms,
    dueStallMs: due.stallMs,
    due: due.value.reminders,
    withdrawals: due.value.withdrawals,
    firstSweepMs: first.ms,
    firstSweepStallMs: first.stallMs,
    firstSweepDigests: first.value.digests,
    firstSweepCommits: firstCommits,
    steadySweepMs: steady.ms,
    steadySweepStallMs: steady.stallMs,
    peakRssMb: peakMb,
  });
  rows.push(
    `| ${size.toLocaleString('en-GB')} | ${due.ms.toFixed(0)} ms (${due.value.reminders.toLocaleString('en-GB')} due, ${due.value.withdrawals.toLocaleString('en-GB')} withdrawals) / ${due.stallMs.toFixed(0)} ms` +
      ` | ${first.ms.toFixed(0)} ms (${first.value.digests.toLocaleString('en-GB')} digests, ${firstCommits} commits) / ${first.stallMs.toFixed(0)} ms | ${steady.ms.toFixed(0)} ms / ${steady.stallMs.toFixed(0)} ms | ${peakMb.toFixed(0)} MB |`,
  );
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

const header =
  '| open tickets | due computation, one pass (time / longest stall) | first sweep, everything due (time / stall) | steady sweep, nothing new (time / stall) | peak RSS |\n| ---: | ---: | ---: | ---: | ---: |';
const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en-GB')} ms`;
const steadyMet = largest.steadyMs < 250 && largest.steadyStallMs < 50;
const firstMet = largest.firstStallMs <= 100;
const measured = run.measured();
await run.publish(`## Reminders

Measured by \`npm run bench:reminders\` (bench/reminders.ts) on ${measured.date}: ${measuredLine(measured)}.
A lowdb store in a temp folder with N open tickets spread over four states and 30 days; the sweep at Monday 16 March 2026 10:00.
"First sweep" is the worst case (nothing recorded yet: everything due, recorded in batches of transactions, one digest per
person); "steady" is the next sweep five minutes later (nothing new due). Delivery is left out (the notifier's own cost).

${header}
${rows.join('\n')}

Targets at ${SIZES[SIZES.length - 1].toLocaleString('en-GB')}: the steady sweep under 250 ms with no stall over 50 ms — **${steadyMet ? 'met' : 'missed'}** (${fmt(largest.steadyMs)},
longest stall ${fmt(largest.steadyStallMs)}); the first sweep, all ${largest.due.toLocaleString('en-GB')} reminders due at once, with no stall over 100 ms —
**${firstMet ? 'met' : 'not met'}** (${fmt(largest.firstMs)} in ${largest.firstCommits} commits, longest stall ${fmt(largest.firstStallMs)}).

How the sweep keeps the event loop free:
- It reads its candidates from \`store.tickets.stream\` (open tickets whose state began before the shortest threshold), a
  batch of tickets at a time, and works each out on its own; nothing holds every ticket in one array.
- It records in batches of ${BATCH_REMINDERS} reminders, each batch one transaction holding its reminders' ledger entries, their digests and
  the marks on their tickets, so nothing is recorded without its digest. Reminders that share a recipient share a batch (one
  digest per person per sweep); only a recipient group with more than a batch due at once (the helpdesk channel here) gets a
  digest per batch.
- Each commit still rewrites the whole live file (~50 MB at 50,000 tickets): the time is mostly those writes. A database
  store writes only the changed rows.
`);
await run.saveResult('reminders', { measured, rows: figures, targets: { steadyMet, firstMet } });
