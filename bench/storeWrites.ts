/**
 * The write bench:store times on every store: one ticket change like an approval (read the ticket, write it back naming
 * the version it read, one audit event), one at a time and with 50 in flight, and the longest event-loop stall meanwhile.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { AuditEvent, WorkflowTicket } from '../data/model.js';
import type { Store } from '../data/store/store.js';
import { makeWorkflowTicket, people } from '../tests/fixtures/workflowFixtures.js';

export const IN_FLIGHT = 50;

export interface WriteFigures {
  sequentialWrites: number;
  concurrentWrites: number;
  seqP50: number;
  seqP99: number;
  seqMax: number;
  seqPerSecond: number;
  conP50: number;
  conP99: number;
  conPerSecond: number;
  stallMs: number;
  /** Writes per disk commit with 50 in flight, where the store counts its commits (lowdb's group commit). */
  updatesPerCommit?: number;
}

/** The longest time the event loop could not run a timer, by two methods; the larger is reported. */
export function stallProbe(): { stop(): number } {
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

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The audit trail both stores start with: the i-th of many assignment events, a minute apart from 1 January 2025. */
export function seedAuditEvent(i: number, ticketIds: readonly string[]): AuditEvent {
  return {
    id: `seed-${i}`,
    at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    actor: `aad-${i % 40}`,
    action: 'assign',
    ticketId: ticketIds[i % ticketIds.length],
    from: 'awaitingHelpdesk',
    to: 'assigned',
  };
}

/** A request the helpdesk is working on, its automatic checks done: about 1 KB as JSON. */
export function workingTicket(): WorkflowTicket {
  const checked = { by: 'system', at: '2026-03-02T09:16:00.000Z' } as const;
  return makeWorkflowTicket({
    state: 'assigned',
    assignee: { ...people.agent },
    checklist: { odsVerified: checked, dpiaChecked: checked, dsptChecked: checked, emailDomainsChecked: checked },
  });
}

/** One realistic change: the agent asks the manager for information, or the manager answers, with its audit event. */
function touch(store: Store, ids: string[], i: number): Promise<unknown> {
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

/**
 * Times `sequential` writes awaited one by one, then `concurrent` writes with 50 in flight, after 20 unmeasured ones
 * (first writes pay for caches and JIT). `during` runs after the writes, inside the stall probe (e.g. an audit query);
 * `commits` counts the store's disk commits, where it has such a count.
 */
export async function timeWrites(
  store: Store,
  ids: string[],
  counts: { sequential: number; concurrent: number },
  options: { during?: () => Promise<void>; commits?: () => number } = {},
): Promise<WriteFigures> {
  const probe = stallProbe();
  for (let i = 0; i < 20; i += 1) await touch(store, ids, i);

  const sequential: number[] = [];
  const seqStart = performance.now();
  for (let i = 0; i < counts.sequential; i += 1) {
    const t0 = performance.now();
    await touch(store, ids, i);
    sequential.push(performance.now() - t0);
  }
  const seqSeconds = (performance.now() - seqStart) / 1000;

  const concurrent: number[] = [];
  const commitsBefore = options.commits?.();
  let next = 0;
  const conStart = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < counts.concurrent) {
        const i = next++;
        const t0 = performance.now();
        await touch(store, ids, i);
        concurrent.push(performance.now() - t0);
      }
    }),
  );
  const conSeconds = (performance.now() - conStart) / 1000;
  const commits = options.commits && commitsBefore !== undefined ? options.commits() - commitsBefore : undefined;
  await options.during?.();
  const stallMs = probe.stop();
  sequential.sort((a, b) => a - b);
  concurrent.sort((a, b) => a - b);
  return {
    sequentialWrites: counts.sequential,
    concurrentWrites: counts.concurrent,
    seqP50: percentile(sequential, 50),
    seqP99: percentile(sequential, 99),
    seqMax: sequential[sequential.length - 1],
    seqPerSecond: counts.sequential / seqSeconds,
    conP50: percentile(concurrent, 50),
    conP99: percentile(concurrent, 99),
    conPerSecond: counts.concurrent / conSeconds,
    stallMs,
    updatesPerCommit: commits ? counts.concurrent / commits : undefined,
  };
}
