/** The two-instance part of the "PostgreSQL and two instances (issue 17)" section, from bench:instances' figures. */
import { measuredLine, type Measured } from './performanceDoc.js';
import type { CpuShare } from './processCpu.js';
import type { LoadFigures } from './turns.js';

/** Per request, about: transactions committed, WAL flushes to disk, and rows written per table. */
export interface DatabaseWork {
  transactions: number;
  walSyncs: number;
  rowsWritten: Record<string, number>;
}

export interface InstanceRun {
  turn: 'dialog turn' | 'Approve';
  connections: number;
  one: LoadFigures;
  two: LoadFigures;
  /** two ÷ one throughput: each round's own ratio (its pair ran back to back), and their median. */
  ratio: { median: number; rounds: number[] };
  cpuOne: CpuShare;
  cpuTwo: CpuShare;
  /** Per request, about: database transactions committed and WAL flushes to disk (averaged over the rounds). */
  databaseOne: DatabaseWork;
  databaseTwo: DatabaseWork;
}

export interface InstanceResults {
  /** The PostgreSQL server's version is in the machine. */
  measured: Measured;
  /** Where the PostgreSQL server ran. */
  database: string;
  serviceCommand: string;
  seconds: number;
  rounds: number;
  tickets: number;
  conversations: number;
  approvalsSent: number;
  ticketsApproved: number;
  /** Rounds that started although other work kept the machine busy (waited 30 s for it to go quiet). */
  noisyRounds: number;
  /** The services' error log messages and the proxies' failed forwards, with how often each came. */
  problemsLogged: Record<string, number>;
  runs: InstanceRun[];
}

/** CPU milliseconds per request of the services together, PostgreSQL, and the proxy with the load generator. */
function perRequest(cpu: CpuShare, requestsPerSecond: number): string {
  const ms = (percent: number) => ((10 * percent) / requestsPerSecond).toFixed(1);
  const sum = (names: string[]) => names.reduce((total, name) => total + (cpu.groups[name] ?? 0), 0);
  return `${ms(sum(['instance A', 'instance B']))} / ${ms(sum(['PostgreSQL']))} / ${ms(sum(['proxy', 'load generator (autocannon)']))} ms`;
}

function cpuCells(cpu: CpuShare, names: string[], database: DatabaseWork, requestsPerSecond: number): string {
  const written = Object.entries(database.rowsWritten ?? {})
    .map(([table, rows]) => `${table} ${rows}`)
    .join(', ');
  return [
    ...names.map((name) => `${cpu.groups[name] ?? '–'}%`),
    `${cpu.rest}%`,
    `${cpu.idle}%`,
    perRequest(cpu, requestsPerSecond),
    database.transactions,
    database.walSyncs,
    written || 'none',
  ].join(' | ');
}

function approveLine(results: InstanceResults): string {
  const approve = results.runs.find((r) => r.turn === 'Approve');
  const busiest = approve?.cpuOne.groups['instance A'];
  if (!approve || busiest === undefined || busiest >= 90) return '';
  return ` Approve is not held by one process's core (its instance
runs at ${busiest}% with one instance) but by its ~${approve.databaseOne.transactions} database transactions a request, ~${approve.databaseOne.walSyncs} WAL flushes among
them (its writes: the ticket with its audit event and the notifications it queues).`;
}

/** Where the time goes, in words, from the dialog turn at the most connections measured. */
function timeLine(results: InstanceResults): string {
  const run = results.runs.filter((r) => r.turn === 'dialog turn').at(-1);
  if (!run) return '';
  const ms = (percent: number, perSecond: number) => ((10 * percent) / perSecond).toFixed(1);
  const services = (cpu: CpuShare) => (cpu.groups['instance A'] ?? 0) + (cpu.groups['instance B'] ?? 0);
  const postgres = (cpu: CpuShare) => cpu.groups.PostgreSQL ?? 0;
  return `What the figures say (dialog turn, ${run.connections} connections): with one instance its process uses ${run.cpuOne.groups['instance A']}% of a core (a Node
process runs its JavaScript on one core) while ${run.cpuOne.idle}% of a core sits idle; with two, the machine is full (${run.cpuTwo.idle}% idle) and
each request costs more CPU: the services ${ms(services(run.cpuOne), run.one.requestsPerSecond)} → ${ms(services(run.cpuTwo), run.two.requestsPerSecond)} ms, PostgreSQL ${ms(postgres(run.cpuOne), run.one.requestsPerSecond)} → ${ms(postgres(run.cpuTwo), run.two.requestsPerSecond)} ms (two processes, twice
the database connections, the proxy and autocannon all take turns on two cores). The idle share the second instance can use
is about what that extra cost takes, so two ÷ one stays near 1 here.${approveLine(results)} With a core per instance and the database on its own
host, as in the Azure deployment, the second instance adds a core instead of sharing one: not measured here.`;
}

function errorsLine(errors: Record<string, number>): string {
  // Warnings are not problems here (an older run may have counted them): local mode with dead addresses warns on every send.
  const entries = Object.entries(errors).filter(([message]) => !message.startsWith('warn:'));
  if (entries.length === 0) return 'The services logged no error and the proxy forwarded every request.';
  return `Logged by the services and the proxy: ${entries.map(([message, count]) => `"${message}" ×${count}`).join('; ')}.`;
}

/** The text, or a line saying how to measure it. */
export function instancesText(results: InstanceResults | undefined): string {
  if (!results) return '### Two instances\n\nNot measured yet (`npm run bench:instances`).\n';
  const headline = results.runs.filter((r) => r.turn === 'dialog turn');
  const met = headline.length > 0 && headline.every((r) => r.ratio.median >= 1);
  const names = Object.keys(results.runs[0].cpuOne.groups);
  const throughput = results.runs.map(
    (r) =>
      `| ${r.turn} | ${r.connections} | ${r.one.requestsPerSecond} | ${r.one.p50Ms} / ${r.one.p99Ms} ms | ${r.two.requestsPerSecond} | ${r.two.p50Ms} / ${r.two.p99Ms} ms | **${r.ratio.median}** (${r.ratio.rounds.join(', ')}) | ${r.one.errors + r.one.non2xx + r.two.errors + r.two.non2xx} |`,
  );
  const cpu = results.runs.flatMap((r) => [
    `| ${r.turn}, ${r.connections} connections, one instance | ${cpuCells(r.cpuOne, names, r.databaseOne, r.one.requestsPerSecond)} |`,
    `| ${r.turn}, ${r.connections} connections, two instances | ${cpuCells(r.cpuTwo, names, r.databaseTwo, r.two.requestsPerSecond)} |`,
  ]);
  return `### Two instances

Measured by \`npm run bench:instances\` (bench/instances.ts) on ${results.measured.date}: ${measuredLine(results.measured)};
PostgreSQL: ${results.database}.
One database with ${results.tickets.toLocaleString('en-GB')} live tickets awaiting ICS approval and ${results.conversations.toLocaleString('en-GB')} conversations, each at the ODS code question of an
access request (started through the proxy, so either instance may hold the next turn). Two processes of the built service
(\`${results.serviceCommand}\`, STORE=postgres, local mode, pool of 10 connections each) sit behind a round-robin proxy
(bench/roundRobinProxy.ts, node:http, kept-alive connections to the instances); "one" is the same proxy in front of one of
them, so the proxy's cost is on both sides. autocannon, the proxy, both services and PostgreSQL share the machine's cores.
The dialog turn is the one of the Turns section ("help" inside the access request: one dialog-state read, nothing
written); Approve is the approveOrganisation invoke by an ICS lead, each on a different ticket (a ticket transaction with
its audit event, committed to disk). ${results.rounds} rounds of ${results.seconds} s per row and side, one/two alternating and the order swapped
each round; each figure is the median of its rounds, and two ÷ one the median of each round's own ratio (rounds in brackets).
Before each round the benchmark waits up to 30 s for the machine to be nearly idle (this VM is shared): ${results.noisyRounds} of ${results.runs.length * results.rounds} rounds
started without it. ${errorsLine(results.problemsLogged)}
${results.ticketsApproved.toLocaleString('en-GB')} of the ${results.approvalsSent.toLocaleString('en-GB')} approvals sent moved a ticket${results.approvalsSent > results.tickets ? ' (more were sent than there were tickets: the later ones met decided tickets)' : ''}.

| turn | connections | one instance req/s | one p50 / p99 | two instances req/s | two p50 / p99 | two ÷ one | failed requests |
| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${throughput.join('\n')}

Where the time goes: CPU per process during the runs (from /proc/<pid>/stat, averaged over the rounds), as a share of one
core: ${results.measured.machine.cores} CPUs make ${results.measured.machine.cores * 100}%. "Rest of machine" is everything else that ran meanwhile (on this shared machine,
other work too); "idle" is what no one used. The last three columns come from the server's counters (pg_stat_database,
pg_stat_wal, pg_stat_user_tables), which lag by up to a second: close, not exact. A read outside a transaction counts as one transaction.

| run | ${names.join(' | ')} | rest of machine | idle | CPU per request: services / PostgreSQL / proxy + autocannon | database transactions per request | WAL flushes per request | rows written per request |
| :--- | ${names.map(() => '---:').join(' | ')} | ---: | ---: | ---: | ---: | ---: | :--- |
${cpu.join('\n')}

${timeLine(results)}

Target: two instances at least as fast as one on this ${results.measured.machine.cores}-core machine (dialog turn) — **${met ? 'met' : 'missed'}**
(two ÷ one ${headline.map((r) => `${r.ratio.median} at ${r.connections} connections`).join(', ')}).
`;
}
