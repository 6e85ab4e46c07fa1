/**
 * `npm run bench [-- --write]`: every benchmark, one after the other so they do not share the CPU: the store
 * (bench/store.ts) and the reminder sweep (bench/reminders.ts), then turns over HTTP and memory (bench/turns.ts). Each
 * prints its sections of docs/performance.md (Store, PostgreSQL and two instances, Reminders, Turns, Memory); with
 * `--write` each puts them there and saves its figures in bench/results.json (bench/performanceDoc.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measuredLine, startBenchRun, type Measured } from './performanceDoc.js';
import { runTurns, type LoadFigures, type TurnResults } from './turns.js';

const run = startBenchRun();
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

for (const script of ['bench/store.ts', 'bench/reminders.ts']) {
  process.stdout.write(`— ${script}\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, ...(run.write ? ['--write'] : [])], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`${script} failed (exit ${child.status ?? child.signal})`);
}
process.stdout.write('— bench/turns.ts\n');
// The turns' own start: the load average when they begin, not when the store and reminder runs before them began.
const turnsStart = startBenchRun({ argv: [] });
const turns = await runTurns({
  seconds,
  rounds,
  tickets: 5000,
  conversations: 1000,
  connections: [1, 10, 50],
  log: (line) => process.stdout.write(`${line}\n`),
});
const measured = turnsStart.measured();
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
await run.publish(turnsSection(turns, measured, targets));
await run.saveResult('turns', { measured, results: turns, targets });

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function turnsSection(t: TurnResults, m: Measured, target: typeof targets): string {
  const rows = t.echo.map((e, i) => {
    const d = t.dialogTurn[i];
    const a = t.cardAction[i];
    const r = t.throughputRatio[i];
    return `| ${e.connections} | ${e.requestsPerSecond} | ${e.p50Ms} / ${e.p99Ms} ms | ${d.requestsPerSecond} | ${d.p50Ms} / ${d.p99Ms} ms | ${r.median} (${r.rounds.join(', ')}) | ${a.requestsPerSecond} | ${a.p50Ms} / ${a.p99Ms} ms |`;
  });
  const met = (ok: boolean) => (ok ? '**met**' : '**missed**');
  return `## Turns

Measured by \`npm run bench\` (bench/turns.ts) on ${m.date}: ${measuredLine(m)}.
The load generator (autocannon), echo bot and service ran on the same machine in the same run. Every request is a POST /api/messages with
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
