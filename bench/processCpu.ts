/**
 * Where the CPU goes during a benchmark run, from /proc (Linux): CPU seconds used by named groups of processes and by the
 * whole machine between two snapshots. On a shared machine "rest of machine" is whatever else ran meanwhile.
 */
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

/** Clock ticks per second of /proc's utime and stime (`getconf CLK_TCK`: 100 on Linux for x86 and arm). */
const TICKS = 100;

/** A group of processes: fixed ids, or ids worked out at each snapshot (a server's backends come and go). */
export type ProcessGroup = () => Promise<number[]>;

export interface CpuSnapshot {
  at: number;
  /** CPU seconds per group, summed over its processes as they are now. */
  groups: Record<string, number>;
  machineBusy: number;
  machineTotal: number;
}

export interface CpuShare {
  seconds: number;
  /** Per group, the share of one core it kept busy (100 = one core all the time). */
  groups: Record<string, number>;
  /** Whatever else ran on the machine meanwhile, in the same unit. */
  rest: number;
  /** What no one used, in the same unit (cores × 100 at most). */
  idle: number;
}

/** The parent of a process on this machine, or undefined when it is gone. */
export async function parentOf(pid: number): Promise<number | undefined> {
  const fields = await statFields(pid);
  return fields ? Number(fields[1]) : undefined;
}

/** A process and every child it has now (PostgreSQL's postmaster and its backends). */
export function processWithChildren(pid: number): ProcessGroup {
  return async () => {
    const children: number[] = [];
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const parent = await parentOf(Number(name));
      if (parent === pid) children.push(Number(name));
    }
    return [pid, ...children];
  };
}

/** The fields of /proc/<pid>/stat after the command name (state first), or undefined when the process is gone. */
async function statFields(pid: number): Promise<string[] | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

async function cpuSeconds(pid: number): Promise<number> {
  const fields = await statFields(pid);
  // utime and stime are the 14th and 15th fields of the line; here counted from the state (the 3rd).
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS : 0;
}

async function machine(): Promise<{ busy: number; total: number }> {
  const first = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = first.split(/\s+/).slice(1).map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busy: (total - idle - iowait) / TICKS, total: total / TICKS };
}

export async function snapshot(groups: Record<string, ProcessGroup>): Promise<CpuSnapshot> {
  const sums: Record<string, number> = {};
  for (const [name, group] of Object.entries(groups)) {
    let sum = 0;
    for (const pid of await group()) sum += await cpuSeconds(pid);
    sums[name] = sum;
  }
  const { busy, total } = await machine();
  return { at: performance.now(), groups: sums, machineBusy: busy, machineTotal: total };
}

/** What each group used between two snapshots, as a share of one core; "rest" is the machine's busy time not in a group. */
export function share(before: CpuSnapshot, after: CpuSnapshot): CpuShare {
  const seconds = (after.at - before.at) / 1000;
  const percent = (cpu: number) => Math.round((100 * cpu) / seconds);
  const groups: Record<string, number> = {};
  let ours = 0;
  for (const name of Object.keys(after.groups)) {
    const used = Math.max(0, after.groups[name] - (before.groups[name] ?? 0));
    ours += used;
    groups[name] = percent(used);
  }
  const busy = after.machineBusy - before.machineBusy;
  const total = after.machineTotal - before.machineTotal;
  return { seconds, groups, rest: Math.max(0, percent(busy - ours)), idle: Math.max(0, percent(total - busy)) };
}

/**
 * Waits until the machine has been nearly idle (under `cores` busy, e.g. 0.3 of a core) for a second, or `maxMs` has
 * passed: on a shared machine this keeps other people's bursts out of a run where it can. Returns how busy the machine
 * was over the last second (in cores), so the caller can say when it never went quiet.
 */
export async function waitForQuiet(cores: number, maxMs: number): Promise<number> {
  const deadline = performance.now() + maxMs;
  for (;;) {
    const before = await machine();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await machine();
    const busy = (after.busy - before.busy) / ((after.total - before.total) / os.cpus().length);
    if (busy < cores || performance.now() > deadline) return busy;
  }
}
