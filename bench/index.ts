/**
 * `npm run bench`: every benchmark, one after the other so they do not share the CPU: the store (bench/store.ts) and the
 * reminder sweep (bench/reminders.ts), each writing its own section of docs/performance.md, then turns over HTTP and memory
 * (bench/turns.ts). Writes the Turns and Memory sections and bench/results.json with every headline figure.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { readPerformanceDoc, writePerformanceSections } from './performanceDoc.js';
import { runTurns, type LoadFigures, type TurnResults } from './turns.js';

const RESULTS = new URL('./results.json', import.meta.url);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

for (const script of ['bench/store.ts', 'bench/reminders.ts']) {
  process.stdout.write(`— ${script}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status ?? run.signal})`);
}
process.stdout.write('— bench/turns.ts\n');
const turns = await runTurns({
  seconds,
  rounds,
  tickets: 5000,
  conversations: 1000,
  connections: [1, 10, 50],
  log: (line) => process.stdout.write(`${line}\n`),
});
const doc = await readPerformanceDoc();
const machine = {
  nproc: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
};
const at10 = (list: LoadFigures[]) => list.find((f) => f.connections === 10);
const echo10 = at10(turns.echo);
const dialog10 = at10(turns.dialogTurn);
const ratio = turns.throughputRatio.find((r) => r.connections === 10)?.median ?? NaN;
const p99Ratio = echo10 && dialog10 ? dialog10.p99Ms / Math.max(echo10.p99Ms, 1) : NaN;
const targets = {
  throughputRatioAt10: round(ratio),
  throughputMet: ratio >= 0.6,
  p99RatioAt10: round(p99Ratio),
  p99Met: p99Ratio <= 2,
  memoryMb: turns.memory.withConversationsMb,
  memoryMet: turns.memory.withConversationsMb < 250,
};
await writeFile(
  RESULTS,
  `${JSON.stringify({ machine, turns, targets, store: tableRows(doc, 'Store'), reminders: tableRows(doc, 'Reminders') }, null, 2)}\n`,
);
await writePerformanceSections(turnsSection(turns, machine, targets));
process.stdout.write(`wrote bench/results.json and docs/performance.md: ${JSON.stringify(targets)}\n`);

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The headline rows of an existing section's table (written by bench:store / bench:reminders), as header → cell. */
function tableRows(text: string, heading: string): Array<Record<string, string>> {
  const start = text.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start < 0) return [];
  // The section's first table: from its first '|' line to the first line after it that is not one.
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  if (first < 0) return [];
  const after = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  const [header, , ...rows] = lines.slice(first, after < 0 ? lines.length : after);
  if (!header) return [];
  const cells = (l: string) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  return rows.map((row) => Object.fromEntries(cells(header).map((h, i) => [h, cells(row)[i] ?? ''])));
}

function turnsSection(t: TurnResults, m: typeof machine, target: typeof targets): string {
  const rows = t.echo.map((e, i) => {
    const d = t.dialogTurn[i];
    const a = t.cardAction[i];
    const r = t.throughputRatio[i];
    return `| ${e.connections} | ${e.requestsPerSecond} | ${e.p50Ms} / ${e.p99Ms} ms | ${d.requestsPerSecond} | ${d.p50Ms} / ${d.p99Ms} ms | ${r.median} (${r.rounds.join(', ')}) | ${a.requestsPerSecond} | ${a.p50Ms} / ${a.p99Ms} ms |`;
  });
  const met = (ok: boolean) => (ok ? '**met**' : '**missed**');
  return `## Turns

Measured by \`npm run bench\` (bench/turns.ts) on ${m.date}: ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}; autocannon,
load generator, echo bot and service on the same machine in the same run. Every request is a POST /api/messages with
\`deliveryMode: expectReplies\` (the replies come back in the HTTP answer; nothing goes out to a connector).
This machine is a shared VM whose speed drifts by a third from one minute to the next, so echo and dialog runs alternate:
${t.rounds} rounds of ${t.seconds} s each per connection count, every figure the median of its rounds, and dialog ÷ echo the median
of each round's own ratio (its rounds in brackets). Approve is one ${t.seconds} s run per row.
- **Echo bot**: bench/echoBot.ts, a plain botbuilder CloudAdapter + restify bot in local mode answering the text: the SDK's floor.
- **Dialog turn**: the real service, started as \`npm start\` starts it (\`${t.serviceCommand}\`), with ${t.tickets.toLocaleString('en-GB')} live tickets and
  ${t.conversations.toLocaleString('en-GB')} conversations, each first driven to the ODS code question of an access request.
  The measured turn is "help" sent round-robin over those conversations: it loads the dialog state, answers with the help and the
  question again, and leaves the state as it was (so botbuilder writes nothing back).
- **Approve**: \`adaptiveCard/action\` invokes with verb approveOrganisation, each on a different ticket awaiting ICS approval, by an ICS lead
  on the roster (the real workflow change, store write and audit event). ${t.ticketsApproved.toLocaleString('en-GB')} tickets were approved in the run.

| connections | echo req/s | echo p50 / p99 | dialog turn req/s | dialog p50 / p99 | dialog ÷ echo | Approve invokes/s | Approve p50 / p99 |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Targets at 10 connections: dialog turn ≥ 60% of the echo bot's throughput — ${met(target.throughputMet)} (${Math.round(target.throughputRatioAt10 * 100)}%);
p99 ≤ 2× the echo bot's — ${met(target.p99Met)} (${target.p99RatioAt10}×).

## Memory

Resident size (VmRSS from /proc/<pid>/status) of the service process, same run.

| service state | RSS |
| :--- | ---: |
| empty data folder, just started | ${t.memory.emptyStartMb} MB |
| ${t.tickets.toLocaleString('en-GB')} live tickets, just started | ${t.memory.seededStartMb} MB |
| and ${t.conversations.toLocaleString('en-GB')} conversations in an access request | ${t.memory.withConversationsMb} MB |
| after all the load above | ${t.memory.afterLoadMb} MB |

Target: under 250 MB with ${t.tickets.toLocaleString('en-GB')} tickets and ${t.conversations.toLocaleString('en-GB')} conversations — ${met(target.memoryMet)}.
`;
}
