/**
 * `npm run bench:tab-search`: the helpdesk tab's search over real HTTP, one request at a time, against the compiled service
 * (as `npm start` runs it) in local mode: at 5,000 live tickets, then with 50,000 archived tickets as well. Prints the
 * "Helpdesk tab search" section of docs/performance.md (p50/p95/max per kind of search, the machine and its load average);
 * with `--write`, puts it there and saves the figures in bench/results.json. Not a test: figures depend on the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TicketState, WorkflowTicket } from '../data/model.js';
import { openLowdbStore } from '../data/store/lowdbStore.js';
import { measuredLine, startBenchRun } from './performanceDoc.js';
import { serviceCommand } from './turns.js';

const run = startBenchRun();
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LIVE = Number(process.env.BENCH_LIVE ?? 5_000);
const ARCHIVED = Number(process.env.BENCH_ARCHIVED ?? 50_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const TARGET_P95_MS = 200;
const NOW = Date.now();
const LIVE_STATES: TicketState[] = ['submitted', 'awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation', 'resolved'];
const ICBS = ['QMJ', 'QMF', 'QRV', 'QKK', 'QWE'];
const FIRST = ['Grace', 'Zoë', 'Tomasz', 'Aisha', 'Seán', 'Priya', 'Oluwaseun', 'Marta', 'James', 'Chloé', 'Ibrahim', 'Niamh'];
const LAST = ['Adeyemi', 'Brontë', 'Nowak', 'Rahman', "O'Neill", 'Natarajan', 'Okafor', 'Kowalska', 'Smith', 'Dubois', 'Hussain', 'Byrne'];
const HOMES = [
  'Rosewood Court',
  "St Mary's",
  'Meadowbank',
  'Hillside',
  'Riverside',
  'Oak Lodge',
  'Sunnyview',
  'Birchwood House',
  'The Willows',
];

// A ticket as the bot writes one (organisation, requester, two staff asked for), so archive lines have a realistic size.
function ticket(n: number, state: TicketState): WorkflowTicket {
  const at = new Date(NOW - (n % 40) * 86_400_000 - (n % 9) * 3_600_000).toISOString();
  const person = (k: number) => `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`;
  return {
    id: `UCP-${String(n).padStart(6, '0')}`,
    kind: n % 3 === 0 ? 'addUsers' : 'organisationAccess',
    state,
    version: 4,
    createdAt: at,
    updatedAt: at,
    stateEnteredAt: at,
    priority: 'normal',
    requester: { aadObjectId: `aad-requester-${n}`, name: person(n), email: `manager${n}@nhs.net` },
    organisation: {
      odsCode: `V${n.toString(36).toUpperCase().padStart(4, '0')}`,
      name: `${HOMES[n % HOMES.length]} Care Home ${Math.floor(n / HOMES.length)}`,
      icbCode: ICBS[n % ICBS.length],
      borough: 'Lewisham',
      postcode: 'SE13 5AB',
      location: 'london',
      namedInDpia: true,
      dsptStatus: '25/26 Standards Met',
    },
    users: [0, 1].map((k) => ({
      name: person(n + k + 7),
      jobTitle: 'Senior Carer',
      role: 'Non-Clinical',
      email: `staff${n}-${k}@nhs.net`,
    })),
    ...(state === 'assigned' ? { assignee: { aadObjectId: `aad-agent-${n % 12}`, name: 'Alex Agent' } } : {}),
    checklist: {},
    cardCopies: [],
  };
}

async function seed(dir: string, archived: number): Promise<void> {
  const store = await openLowdbStore({ dir });
  if (archived > 0) {
    await store.transaction(async (tx) => {
      for (let n = 1; n <= archived; n += 1) await tx.tickets.insert(ticket(n, 'closed'));
    });
    await store.archiveClosedTickets();
  }
  await store.transaction(async (tx) => {
    for (let i = 0; i < LIVE; i += 1) await tx.tickets.insert(ticket(archived + 1 + i, LIVE_STATES[i % LIVE_STATES.length]));
    await tx.rosters.insert({ kind: 'helpdeskAgent', id: 'aad-agent-1', displayName: 'Alex Agent', addedAt: new Date(NOW).toISOString() });
  });
  await store.close();
}

/** Starts the compiled service as `npm start` does, on a free port in local mode; resolves with its port and a stop function. */
async function startService(dir: string, args: string[]): Promise<{ port: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      NODE_ENV: 'production',
    },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`the service exited:\n${output}`)));
  });
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Figures {
  label: string;
  query: string;
  rows: number;
  total: number;
  p50: number;
  p95: number;
  max: number;
}

async function time(port: number, label: string, query: string): Promise<Figures> {
  const url = `http://127.0.0.1:${port}${query}`;
  let rows = 0;
  let total = 0;
  for (let i = 0; i < 3; i += 1) await (await fetch(url)).arrayBuffer();
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const t0 = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    ms.push(performance.now() - t0);
    if (!response.ok) throw new Error(`${query} answered ${response.status}: ${body}`);
    if (query.includes('.csv')) {
      rows = body.split('\r\n').length - 2;
      total = rows;
    } else
      ({
        rows: { length: rows },
        paging: { total },
      } = JSON.parse(body) as { rows: unknown[]; paging: { total: number } });
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  return { label, query, rows, total, p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1] };
}

// Each search as an agent would type it; the numbers and names exist in the synthetic data.
function searches(archived: number): Array<[string, string]> {
  const live = archived + 1 + 4321;
  const old = Math.min(12_345, Math.ceil(archived / 2));
  const list: Array<[string, string]> = [
    ['open queue, page 1 (no search)', '/api/tab/tickets'],
    ['open queue, page 40', '/api/tab/tickets?page=40'],
    ['ticket number, exact', `/api/tab/tickets?q=UCP-${String(live).padStart(6, '0')}`],
    ['ticket number, partial', `/api/tab/tickets?q=${String(live).slice(-3)}`],
    ['ODS code, lower case', `/api/tab/tickets?q=${`V${live.toString(36).padStart(4, '0')}`.toLowerCase()}`],
    ['organisation, part of name', '/api/tab/tickets?q=rose%20wood'],
    ['requester, no accents', '/api/tab/tickets?q=zoe%20bronte'],
    ['CSV of the open queue', '/api/tab/tickets.csv'],
  ];
  if (archived > 0) {
    list.push(
      ['all + archive: ticket number, UCP-…', `/api/tab/tickets?state=all&q=UCP-${String(old).padStart(6, '0')}`],
      ['all + archive: ticket number, digits', `/api/tab/tickets?state=all&q=${old}`],
      ['all + archive: requester', '/api/tab/tickets?state=all&q=zoe%20bronte'],
      ['all + archive: ODS code', `/api/tab/tickets?state=all&q=${`V${old.toString(36).padStart(4, '0')}`.toLowerCase()}`],
      ['all + archive: no search, page 1', '/api/tab/tickets?state=all'],
      ['all + archive: one ICS, no search', '/api/tab/tickets?state=all&ics=QKK'],
    );
  }
  return list;
}

process.stdout.write('building the service (dist/)…\n');
const command = await serviceCommand(); // builds dist/, as npm start's prestart does
const results: Array<{ scenario: string; figures: Figures[]; archiveMb: number }> = [];
for (const archived of [0, ARCHIVED]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-tab-search-'));
  try {
    process.stdout.write(`seeding ${LIVE.toLocaleString('en-GB')} live and ${archived.toLocaleString('en-GB')} archived tickets…\n`);
    await seed(dir, archived);
    const archiveMb = (await stat(path.join(dir, 'archive.jsonl'))).size / 1_048_576;
    const service = await startService(dir, command.args);
    try {
      const figures: Figures[] = [];
      for (const [label, query] of searches(archived)) figures.push(await time(service.port, label, query));
      results.push({ scenario: `${LIVE.toLocaleString('en-GB')} live, ${archived.toLocaleString('en-GB')} archived`, figures, archiveMb });
    } finally {
      await service.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const measured = run.measured();
const lines = [
  '## Helpdesk tab search (issue 14)',
  '',
  `Measured by \`npm run bench:tab-search\` (bench/tabSearch.ts) on ${measured.date}: ${measuredLine(measured)}.`,
  `${SAMPLES} requests per row, one at a time, after 3 warm-up requests, over HTTP on 127.0.0.1 to the compiled service`,
  'in local mode; the time is to the last byte.',
];
for (const { scenario, figures, archiveMb } of results) {
  lines.push(
    '',
    `### ${scenario} (archive.jsonl ${archiveMb.toFixed(1)} MB)`,
    '',
    '| search | rows / total | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const f of figures)
    lines.push(`| ${f.label} | ${f.rows} / ${f.total.toLocaleString('en-GB')} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} |`);
}
const liveOnly = results[0].figures.filter((f) => !f.label.startsWith('CSV'));
const worst = Math.max(...liveOnly.map((f) => f.p95));
const met = worst < TARGET_P95_MS;
lines.push(
  '',
  `Target at ${LIVE.toLocaleString('en-GB')} live tickets: p95 under ${TARGET_P95_MS} ms for every search — **${met ? 'met' : 'missed'}** (worst p95 ${ms(worst)}).`,
  'Searching the archive reads `archive.jsonl` in full (lines are skipped unparsed only for an ICS filter or a ticket number).',
);
await run.publish(lines.join('\n'));
await run.saveResult('tabSearch', { measured, samples: SAMPLES, scenarios: results, targets: { worstLiveP95Ms: worst, met } });
