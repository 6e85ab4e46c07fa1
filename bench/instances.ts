/**
 * `npm run bench:instances`: the turn benchmark's dialog turn and Approve invokes against one PostgreSQL database served by
 * two instances of the built service behind a round-robin proxy (bench/roundRobinProxy.ts), against one instance behind
 * the same proxy, so the proxy's cost is on both sides. Rounds alternate one/two to share this VM's drift; CPU per process
 * is read from /proc around every run. Prints the "PostgreSQL and two instances (issue 17)" section of
 * docs/performance.md; with `--write`, saves the figures in bench/postgresResults.json and rewrites that section.
 * Not a test: figures depend on the machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../data/store/postgresStore.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../tests/fixtures/workflowFixtures.js';
import { startBenchRun } from './performanceDoc.js';
import { benchDatabase, bulkInsertTickets } from './postgresSeed.js';
import { publishPostgresResults } from './postgresSection.js';
import type { InstanceResults, InstanceRun } from './instancesSection.js';
import { processWithChildren, share, snapshot, waitForQuiet, type CpuShare, type ProcessGroup } from './processCpu.js';
import {
  activity,
  DEAD_URL,
  load,
  median,
  middle,
  serviceCommand,
  startChild,
  startConversations,
  type Child,
  type LoadFigures,
} from './turns.js';

const run = startBenchRun();
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = [10, 50];
const TICKETS = 20_000;
const CONVERSATIONS = 1000;
/** Before each round, wait (up to 30 s) for this shared machine to be nearly idle. */
const QUIET_CORES = 0.3;
const QUIET_WAIT_MS = 30_000;
const log = (line: string) => process.stdout.write(`${line}\n`);

/**
 * The error lines the services logged and the proxies' failed forwards, counted by message (messages only: they carry
 * no secrets). Warnings are left out: in local mode with dead Teams and ODS addresses the services warn on every send.
 */
function problemsLogged(...processes: Child[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const each of processes)
    for (const line of each.output().split('\n')) {
      const entry = /^\{.*\}$/.test(line) ? (JSON.parse(line) as { level?: string; msg?: string; proxyError?: string }) : undefined;
      const problem =
        entry?.proxyError !== undefined ? `proxy: ${entry.proxyError}` : entry?.level === 'error' ? `error: ${entry.msg}` : undefined;
      if (problem) counts[problem] = (counts[problem] ?? 0) + 1;
    }
  return counts;
}

/** The CPU shares of several runs of the same kind, averaged group by group (runs are the same length). */
function averageShare(shares: CpuShare[]): CpuShare {
  const mean = (pick: (s: CpuShare) => number) => Math.round(shares.reduce((sum, s) => sum + pick(s), 0) / shares.length);
  const groups = Object.fromEntries(Object.keys(shares[0].groups).map((name) => [name, mean((s) => s.groups[name])]));
  return { seconds: mean((s) => s.seconds), groups, rest: mean((s) => s.rest), idle: mean((s) => s.idle) };
}

/** What the database did: transactions committed (single statements outside a transaction count as one) and WAL flushes. */
interface DatabaseWork {
  transactions: number;
  walSyncs: number;
  /** Rows inserted, updated or deleted, per table of the store's schema. */
  rowsWritten: Record<string, number>;
}

/**
 * The server's counters now. They lag by up to a second (backends report their statistics in batches), so per-request
 * figures from them are close, not exact.
 */
async function databaseWork(url: string): Promise<DatabaseWork> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ transactions: string; wal_syncs: string }>(
      `SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS transactions,
              (SELECT wal_sync FROM pg_stat_wal) AS wal_syncs`,
    );
    const tables = await client.query<{ relname: string; writes: string }>(
      `SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS writes FROM pg_stat_user_tables WHERE schemaname = current_schema()`,
    );
    return {
      transactions: Number(rows[0].transactions),
      walSyncs: Number(rows[0].wal_syncs),
      rowsWritten: Object.fromEntries(tables.rows.map((t) => [t.relname, Number(t.writes)])),
    };
  } finally {
    await client.end();
  }
}

function averageWork(list: DatabaseWork[]): DatabaseWork {
  const mean = (pick: (w: DatabaseWork) => number) => Math.round((100 * list.reduce((sum, w) => sum + pick(w), 0)) / list.length) / 100;
  const tables = Object.keys(list[0].rowsWritten);
  const rowsWritten = Object.fromEntries(tables.map((t) => [t, mean((w) => w.rowsWritten[t] ?? 0)]).filter(([, n]) => Number(n) > 0));
  return { transactions: mean((w) => w.transactions), walSyncs: mean((w) => w.walSyncs), rowsWritten };
}

async function main(): Promise<void> {
  const database = await benchDatabase();
  const temp = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-instances-'));
  const children: Child[] = [];
  try {
    log(`PostgreSQL ${database.serverVersion} (${database.source}); seeding ${TICKETS} tickets awaiting ICS approval`);
    const store = await openPostgresStore({ url: database.url });
    await seedWorkflow(store, []);
    await store.close();
    const tickets = Array.from({ length: TICKETS }, () => makeWorkflowTicket({ state: 'awaitingIcsApproval' }));
    await bulkInsertTickets(database.url, tickets);
    const ticketIds = tickets.map((t) => t.id);

    const service = await serviceCommand();
    const env = { STORE: 'postgres', DATABASE_URL: database.url, ODS_BASE_URL: DEAD_URL, TEAMS_SERVICE_URL: DEAD_URL };
    const a = await startChild(service.args, { ...env, DATA_DIR: path.join(temp, 'a') });
    children.push(a);
    const b = await startChild(service.args, { ...env, DATA_DIR: path.join(temp, 'b') });
    children.push(b);
    const one = await startChild('bench/roundRobinProxy.ts', { BACKENDS: `${a.port}` });
    children.push(one);
    const two = await startChild('bench/roundRobinProxy.ts', { BACKENDS: `${a.port},${b.port}` });
    children.push(two);
    log(`starting ${CONVERSATIONS} conversations through the proxy`);
    await startConversations(two.port, CONVERSATIONS);

    const pids =
      (...list: Child[]): ProcessGroup =>
      async () =>
        list.map((c) => c.child.pid ?? 0);
    const groups: Record<string, ProcessGroup> = {
      'load generator (autocannon)': async () => [process.pid],
      proxy: pids(one, two),
      'instance A': pids(a),
      'instance B': pids(b),
      ...(database.postmasterPid ? { PostgreSQL: processWithChildren(database.postmasterPid) } : {}),
    };

    const help = (n: number) => activity(n % CONVERSATIONS, { text: 'help' });
    let nextTicket = 0;
    // Each Approve lands on a different ticket awaiting ICS approval, by an ICS lead in their one chat with the bot.
    const approve = () =>
      activity(
        CONVERSATIONS,
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          text: undefined,
          value: {
            action: {
              type: 'Action.Execute',
              verb: 'approveOrganisation',
              data: { ticketId: ticketIds[nextTicket++ % TICKETS], version: 3 },
            },
          },
        },
        people.lead,
      );
    // Unmeasured warm-up of both paths (JIT, pools, the database's caches).
    await load(one.port, 10, 3, help);
    await load(two.port, 10, 3, help);
    await load(two.port, 10, 2, approve);

    const runs: InstanceRun[] = [];
    let noisyRounds = 0;
    for (const [turn, body] of [
      ['dialog turn', help],
      ['Approve', approve],
    ] as const) {
      for (const connections of CONNECTIONS) {
        const figures: Record<'one' | 'two', LoadFigures[]> = { one: [], two: [] };
        const cpu: Record<'one' | 'two', CpuShare[]> = { one: [], two: [] };
        const perRequest: Record<'one' | 'two', DatabaseWork[]> = { one: [], two: [] };
        for (let round = 0; round < rounds; round++) {
          const busy = await waitForQuiet(QUIET_CORES, QUIET_WAIT_MS);
          if (busy >= QUIET_CORES) {
            noisyRounds += 1;
            log(`the machine did not go quiet (other work: ${busy.toFixed(1)} cores); measuring anyway`);
          }
          // Alternate which goes first, so neither always runs on the warmer or the busier half of a round.
          const order = round % 2 === 0 ? (['one', 'two'] as const) : (['two', 'one'] as const);
          for (const side of order) {
            const before = await snapshot(groups);
            const dbBefore = await databaseWork(database.url);
            figures[side].push(await load(side === 'one' ? one.port : two.port, connections, seconds, body));
            cpu[side].push(share(before, await snapshot(groups)));
            const dbAfter = await databaseWork(database.url);
            const requests = Math.max(1, figures[side].at(-1)?.total ?? 1);
            perRequest[side].push({
              transactions: (dbAfter.transactions - dbBefore.transactions) / requests,
              walSyncs: (dbAfter.walSyncs - dbBefore.walSyncs) / requests,
              rowsWritten: Object.fromEntries(
                Object.entries(dbAfter.rowsWritten).map(([t, n]) => [t, (n - (dbBefore.rowsWritten[t] ?? 0)) / requests]),
              ),
            });
          }
          log(
            `${turn}, ${connections} connections, round ${round + 1}: one ${figures.one.at(-1)?.requestsPerSecond} req/s, two ${figures.two.at(-1)?.requestsPerSecond} req/s`,
          );
        }
        const ratios = figures.one.map((o, i) => Math.round((100 * figures.two[i].requestsPerSecond) / o.requestsPerSecond) / 100);
        runs.push({
          turn,
          connections,
          one: median(figures.one),
          two: median(figures.two),
          ratio: { median: middle(ratios), rounds: ratios },
          cpuOne: averageShare(cpu.one),
          cpuTwo: averageShare(cpu.two),
          databaseOne: averageWork(perRequest.one),
          databaseTwo: averageWork(perRequest.two),
        });
      }
    }

    // Tickets the approvals really moved out of awaitingIcsApproval, counted in the database.
    const check = await openPostgresStore({ url: database.url });
    let approved = TICKETS;
    try {
      for await (const _ of check.tickets.stream({ states: ['awaitingIcsApproval'] })) approved -= 1;
    } finally {
      await check.close();
    }
    const results: InstanceResults = {
      measured: run.measured(database.serverVersion),
      database: database.source,
      serviceCommand: service.command,
      seconds,
      rounds,
      tickets: TICKETS,
      conversations: CONVERSATIONS,
      approvalsSent: nextTicket,
      noisyRounds,
      problemsLogged: problemsLogged(a, b, one, two),
      ticketsApproved: approved,
      runs,
    };
    log(JSON.stringify(runs.map(({ one, two, ...rest }) => ({ ...rest, one: one.requestsPerSecond, two: two.requestsPerSecond }))));
    await publishPostgresResults(run, 'instances', () => results);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await rm(temp, { recursive: true, force: true });
    await database.remove();
  }
}

await main();
