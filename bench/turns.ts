/**
 * Turns over HTTP: drives the echo bot (bench/echoBot.ts) and the real service with autocannon, on the same machine in
 * the same run, and measures the service's resident size. Part of `npm run bench`, never of npm test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openLowdbStore } from '../data/store/lowdbStore.js';
import { buildService } from '../scripts/build.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../tests/fixtures/workflowFixtures.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Unreachable at once: nothing the measured turns do should wait on the network.
export const DEAD_URL = 'http://127.0.0.1:9/';

export interface LoadFigures {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
  non2xx: number;
}
export interface TurnResults {
  seconds: number;
  rounds: number;
  /** How the service was started: package.json's start script. */
  serviceCommand: string;
  tickets: number;
  conversations: number;
  echo: LoadFigures[];
  dialogTurn: LoadFigures[];
  /** Per connection count, the median over rounds of dialog ÷ echo throughput, each round's pair run back to back. */
  throughputRatio: Array<{ connections: number; median: number; rounds: number[] }>;
  cardAction: LoadFigures[];
  cardActionVerb: string;
  /** Tickets the approvals really moved out of awaitingIcsApproval (read from live.json after the service stopped). */
  ticketsApproved: number;
  memory: { emptyStartMb: number; seededStartMb: number; withConversationsMb: number; afterLoadMb: number };
}

export interface Child {
  child: ChildProcess;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * How `npm start` runs the service (package.json), so the benchmark measures what ships, Node options included; it
 * builds dist/ first, as npm start's prestart does. BENCH_PROFILE=<folder> adds a CPU profile written there when the
 * service stops (node --cpu-prof).
 */
export async function serviceCommand(): Promise<{ command: string; args: string[] }> {
  await buildService();
  const command = (JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [program, ...args] = command.split(' ');
  if (program !== 'node') throw new Error(`npm start should run node directly, not "${program}"`);
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  return { command, args: [...profile, ...args] };
}

/** Starts a node process (the service, or a TypeScript script through tsx) that prints {"port":N} when listening. */
export async function startChild(args: string[] | string, env: Record<string, string>): Promise<Child> {
  const script = typeof args === 'string' ? args : args.join(' ');
  const child = spawn(process.execPath, typeof args === 'string' ? ['--import', 'tsx', args] : args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start in time:\n${output}`));
    }, 30_000);
    const check = () => {
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before listening:\n${output}`));
    });
  });
  return {
    child,
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Resident size of a process, from /proc (Linux). */
async function rssMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

export function activity(
  conversation: number,
  extra: Record<string, unknown>,
  from: { aadObjectId: string; name: string } = { aadObjectId: `aad-bench-${conversation}`, name: 'Bench Manager' },
): Record<string, unknown> {
  return {
    type: 'message',
    id: `b-${conversation}-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: DEAD_URL,
    deliveryMode: 'expectReplies',
    from: { id: `29:${from.aadObjectId}`, ...from },
    recipient: { id: '28:bot' },
    conversation: { id: `a:bench-${conversation}`, conversationType: 'personal', tenantId: 'tenant' },
    timestamp: new Date().toISOString(),
    ...extra,
  };
}

/** Runs autocannon with a body made fresh for each request (round-robin over conversations or tickets). */
export async function load(
  port: number,
  connections: number,
  seconds: number,
  body: (n: number) => Record<string, unknown>,
): Promise<LoadFigures> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(body(n++)) }),
      },
    ],
  });
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result['2xx'] + result.non2xx,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The middle value (rounds are few and odd, so it is one run's value, not an average). */
export function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Each figure's median over several runs. */
export function median(runs: LoadFigures[]): LoadFigures {
  const mid = (pick: (f: LoadFigures) => number) => middle(runs.map(pick));
  return {
    connections: runs[0].connections,
    requestsPerSecond: mid((f) => f.requestsPerSecond),
    p50Ms: mid((f) => f.p50Ms),
    p99Ms: mid((f) => f.p99Ms),
    total: runs.reduce((sum, f) => sum + f.total, 0),
    errors: runs.reduce((sum, f) => sum + f.errors, 0),
    non2xx: runs.reduce((sum, f) => sum + f.non2xx, 0),
  };
}

/** Prepares a data folder with the rosters and `count` live tickets awaiting ICS approval, through the real store. */
async function seedTickets(dir: string, count: number): Promise<string[]> {
  const store = await openLowdbStore({ dir });
  const tickets = Array.from({ length: count }, () => makeWorkflowTicket({ state: 'awaitingIcsApproval' }));
  await seedWorkflow(store, tickets);
  await store.close();
  return tickets.map((t) => t.id);
}

/** Puts each conversation in the middle of an access request (dialog state waiting at the ODS code question). */
export async function startConversations(port: number, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(n, { text: 'request access' })),
      });
      const text = await response.text();
      if (response.status !== 200 || !text.includes('ODS code'))
        throw new Error(`conversation ${n} did not reach the ODS question (${response.status})`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}

/** The whole turn benchmark. */
export async function runTurns(options: {
  seconds: number;
  rounds: number;
  tickets: number;
  conversations: number;
  connections: number[];
  log(line: string): void;
}): Promise<TurnResults> {
  const { seconds, rounds, tickets, conversations, connections, log } = options;
  const temp = await mkdtemp(path.join(os.tmpdir(), 'ucp-bench-turns-'));
  const children: Child[] = [];
  try {
    const botEnv = { ODS_BASE_URL: DEAD_URL, TEAMS_SERVICE_URL: DEAD_URL };
    // Resident size of an empty service, for comparison.
    const service = await serviceCommand();
    const empty = await startChild(service.args, { ...botEnv, DATA_DIR: path.join(temp, 'empty') });
    children.push(empty);
    await new Promise((r) => setTimeout(r, 1000));
    const emptyStartMb = await rssMb(empty.child.pid);
    await empty.stop();

    log(`seeding ${tickets} tickets`);
    const dataDir = path.join(temp, 'data');
    const ticketIds = await seedTickets(dataDir, tickets);

    const echo = await startChild('bench/echoBot.ts', {});
    children.push(echo);
    const bot = await startChild(service.args, { ...botEnv, DATA_DIR: dataDir });
    children.push(bot);
    await new Promise((r) => setTimeout(r, 1000));
    const seededStartMb = await rssMb(bot.child.pid);
    log(`starting ${conversations} conversations`);
    await startConversations(bot.port, conversations);
    const withConversationsMb = await rssMb(bot.child.pid);

    const result: TurnResults = {
      seconds,
      rounds,
      serviceCommand: service.command,
      tickets,
      conversations,
      echo: [],
      dialogTurn: [],
      throughputRatio: [],
      cardAction: [],
      cardActionVerb: 'approveOrganisation',
      ticketsApproved: 0,
      memory: { emptyStartMb, seededStartMb, withConversationsMb, afterLoadMb: 0 },
    };
    // Unmeasured warm-up of both (JIT, connection pools): otherwise the first echo round runs cold and flatters the ratio.
    await load(echo.port, 10, 4, (n) => activity(n % conversations, { text: 'hello' }));
    await load(bot.port, 10, 4, (n) => activity(n % conversations, { text: 'help' }));
    for (const c of connections) {
      // Echo and dialog runs alternate, `rounds` times each, and each figure is the median of its rounds: this machine is a
      // shared VM whose speed drifts by a third within a minute. The ratio is taken per round (the two runs of a round are
      // back to back, so they share the drift), then its median.
      const echoRounds: LoadFigures[] = [];
      const dialogRounds: LoadFigures[] = [];
      for (let round = 0; round < rounds; round++) {
        echoRounds.push(await load(echo.port, c, seconds, (n) => activity(n % conversations, { text: 'hello' })));
        // "help" inside the access request: loads the dialog state, answers with the help and the question again, and leaves
        // the state as it was (botbuilder then writes nothing back).
        dialogRounds.push(await load(bot.port, c, seconds, (n) => activity(n % conversations, { text: 'help' })));
        log(
          `${c} connections, round ${round + 1}: echo ${echoRounds.at(-1)?.requestsPerSecond} req/s, dialog turn ${dialogRounds.at(-1)?.requestsPerSecond} req/s`,
        );
      }
      result.echo.push(median(echoRounds));
      result.dialogTurn.push(median(dialogRounds));
      const ratios = echoRounds.map((e, i) => Math.round((100 * dialogRounds[i].requestsPerSecond) / e.requestsPerSecond) / 100);
      result.throughputRatio.push({ connections: c, median: middle(ratios), rounds: ratios });
    }
    // Each Approve lands on a different ticket awaiting ICS approval, by a lead on the roster.
    let nextTicket = 0;
    for (const c of connections) {
      result.cardAction.push(
        await load(bot.port, c, seconds, () => {
          const ticketId = ticketIds[nextTicket++ % ticketIds.length];
          return activity(
            0,
            {
              type: 'invoke',
              name: 'adaptiveCard/action',
              text: undefined,
              value: { action: { type: 'Action.Execute', verb: 'approveOrganisation', data: { ticketId, version: 3 } } },
            },
            people.lead,
          );
        }),
      );
      log(`approve ${c}: ${JSON.stringify(result.cardAction.at(-1))} (tickets used so far: ${nextTicket})`);
    }
    result.memory.afterLoadMb = await rssMb(bot.child.pid);
    await bot.stop();
    const live = JSON.parse(await readFile(path.join(dataDir, 'live.json'), 'utf8')) as { tickets: Array<{ state: string }> };
    result.ticketsApproved = live.tickets.filter((t) => t.state !== 'awaitingIcsApproval').length;
    if (nextTicket > ticketIds.length)
      log(`note: ${nextTicket} approvals over ${ticketIds.length} tickets: later ones met already-approved tickets`);
    return result;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await rm(temp, { recursive: true, force: true });
  }
}
