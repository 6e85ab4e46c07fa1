/**
 * `npm run bench:reminders`: one reminder sweep over 10,000 and 50,000 open tickets in a real store — time, peak memory
 * and the longest event-loop stall — for the worst case (the first sweep, everything due at once) and a steady sweep
 * (nothing new due). Delivery is left out (the notifier's own cost): deliver() only collects the keys.
 * Prints a table to paste into docs/performance.md ("Reminders"). Not a test: figures depend on the machine.
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

const SIZES = [10_000, 50_000];
const NOW = new Date('2026-03-16T10:00:00.000Z');
const STATES: TicketState[] = ['awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation'];
const ICBS = ['QMJ', 'QMF', 'QRV', 'QKK', 'QWE'];

function ticket(i: number): WorkflowTicket {
  const at = new Date(NOW.getTime() - (i % 30) * 86_400_000 - (i % 9) * 3_600_000).toISOString();
  const state = STATES[i % STATES.length];
  return {
    id: `UCP-${String(i).padStart(6, '0')}`, kind: 'organisationAccess', state, version: 3, createdAt: at, updatedAt: at, priority: 'normal',
    requester: { aadObjectId: `aad-requester-${i}`, name: 'Grace Adeyemi', email: `manager${i}@nhs.net` },
    organisation: { odsCode: `V${String(i).padStart(4, '0')}`, name: 'Rosewood Court Care Home', icbCode: ICBS[i % ICBS.length], location: 'london', namedInDpia: false },
    ...(state === 'assigned' ? { assignee: { aadObjectId: `aad-agent-${i % 20}`, name: 'Alex Agent' } } : {}),
    checklist: {}, cardCopies: [], lastAction: { by: 'system', at, verb: 'route' },
  };
}

function probe(): { stop(): number } {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return { stop: () => { h.disable(); return h.max / 1e6; } };
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
for (const size of SIZES) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-reminders-'));
  const store = await openLowdbStore({ dir });
  await store.update((tx) => {
    for (let i = 0; i < size; i += 1) tx.data.tickets.push(ticket(i));
    for (const icb of ICBS) tx.data.rosters.push({ kind: 'icsLead', id: `aad-lead-${icb}`, scope: icb, addedAt: NOW.toISOString() });
    tx.data.rosters.push({ kind: 'helpdeskChannel', id: '19:helpdesk@thread.tacv2', addedAt: NOW.toISOString() });
  });
  const calendar = createWorkingCalendar({ holidays: bankHolidays });
  const delivered: string[] = [];
  const deps = {
    store, calendar, thresholds: DEFAULT_THRESHOLDS,
    notifier: { deliver: async (key: string) => { delivered.push(key); return 'queued' as const; } },
    workflow: { act: async () => ({ ok: false as const, code: 'illegal' as const, message: 'bench: withdrawals not applied' }) },
  };
  const due = await measure(async () => store.scan((data) => dueReminders(data, calendar, NOW, DEFAULT_THRESHOLDS)));
  const first = await measure(() => runSweep({ ...deps, clock: () => NOW }));
  const steady = await measure(() => runSweep({ ...deps, clock: () => new Date(NOW.getTime() + 300_000) }));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  rows.push(`| ${size.toLocaleString('en-GB')} | ${due.ms.toFixed(0)} ms (${due.value.reminders.length.toLocaleString('en-GB')} due, ${due.value.withdrawals.length.toLocaleString('en-GB')} withdrawals) / ${due.stallMs.toFixed(0)} ms`
    + ` | ${first.ms.toFixed(0)} ms (${first.value.digests.toLocaleString('en-GB')} digests) / ${first.stallMs.toFixed(0)} ms | ${steady.ms.toFixed(0)} ms / ${steady.stallMs.toFixed(0)} ms | ${peakMb.toFixed(0)} MB |`);
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

const machine = `${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown'}, Node ${process.version}, ${os.type()} ${os.release()}`;
console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}`);
console.log('| open tickets | due computation (time / longest stall) | first sweep, all due (time / stall) | steady sweep, nothing new (time / stall) | peak RSS |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
