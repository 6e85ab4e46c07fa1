import { describe, expect, it } from '@jest/globals';
import { runSweep } from '../../../bot/reminders/sweep.js';
import { DEFAULT_THRESHOLDS } from '../../../bot/reminders/thresholds.js';
import type { MemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { asPerson, makeWorkflowTicket, manualClock, people } from '../../fixtures/workflowFixtures.js';
import { calendar, storeWith, waitingSince } from './reminderFixtures.js';

const HELPDESK = 'conversation:19:helpdesk@thread.tacv2';

/** A sweep recording `batchSize` reminders per transaction; digests stay pending (delivery is tested in sweep.test.ts). */
function sweeper(store: Store, at: string, batchSize: number) {
  const clock = manualClock(at);
  const workflow = createWorkflow({ store, clock: clock.now });
  const delivered: string[] = [];
  const sweep = () =>
    runSweep({
      store,
      calendar,
      clock: clock.now,
      thresholds: DEFAULT_THRESHOLDS,
      workflow,
      batchSize,
      notifier: {
        deliver: async (key) => {
          delivered.push(key);
          return 'queued' as const;
        },
      },
    });
  return { clock, workflow, sweep, delivered };
}

const digestsIn = async (store: Store) =>
  (await store.notifications.list()).filter((n) => n.key.startsWith('reminders:')).map((n) => ({ key: n.key, text: n.text }));

const transactionsOf = async (store: MemoryStore, run: () => Promise<unknown>) => {
  const before = store.stats().updates;
  await run();
  return store.stats().updates - before;
};

describe('the sweep records its reminders in batches', () => {
  it('keeps the reminders of the same people in one batch, so each person still gets one digest listing all of theirs', async () => {
    const a = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-02T09:00:00.000Z') });
    const b = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-02T11:00:00.000Z') });
    const c = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.agent }, ...waitingSince('2026-03-02T09:00:00.000Z') });
    const store = await storeWith([a, b, c]);
    const { sweep, delivered } = sweeper(store, '2026-03-04T12:00:00.000Z', 2);

    expect(await transactionsOf(store, async () => expect(await sweep()).toEqual({ digests: 3, reminders: 5, withdrawn: 0 }))).toBe(2);
    const digests = await digestsIn(store);
    expect(digests.map((d) => d.key).sort()).toEqual(
      [people.lead, people.secondLead, people.agent].map((p) => `reminders:user:${p.aadObjectId}:2026-03-04T12:00:00.000Z`).sort(),
    );
    const lead = digests.find((d) => d.key.includes(people.lead.aadObjectId))!;
    expect(lead.text).toContain(a.id);
    expect(lead.text).toContain(b.id);
    expect(delivered.sort()).toEqual(digests.map((d) => d.key).sort());
  });

  it("splits one channel's backlog larger than a batch into several digests, each reminder in exactly one of them, sent once", async () => {
    const tickets = [9, 10, 11].map((hour) =>
      makeWorkflowTicket({ state: 'awaitingHelpdesk', ...waitingSince(`2026-03-02T${String(hour).padStart(2, '0')}:00:00.000Z`) }),
    );
    const store = await storeWith(tickets, {
      rosters: [{ kind: 'helpdeskChannel', id: '19:helpdesk@thread.tacv2', addedAt: '2026-03-01T09:00:00.000Z' }],
    });
    const { sweep, clock } = sweeper(store, '2026-03-03T09:00:00.000Z', 2);

    expect(await sweep()).toEqual({ digests: 2, reminders: 3, withdrawn: 0 });
    const digests = await digestsIn(store);
    expect(digests.map((d) => d.key)).toEqual([
      `reminders:${HELPDESK}:2026-03-03T09:00:00.000Z`,
      `reminders:${HELPDESK}:2026-03-03T09:00:00.000Z:2`,
    ]);
    for (const ticket of tickets) expect(digests.filter((d) => d.text.includes(ticket.id))).toHaveLength(1);
    for (const ticket of tickets) expect((await store.reminders.ticket(ticket.id))?.sent).toEqual({ unassigned: 1 });

    clock.set('2026-03-03T09:05:00.000Z');
    expect(await sweep()).toEqual({ digests: 0, reminders: 0, withdrawn: 0 });
  });

  it('leaves out a reminder whose ticket changed after it was worked out; the next sweep works it out again', async () => {
    const since = { ...waitingSince('2026-03-02T09:00:00.000Z'), stateEnteredAt: '2026-03-02T09:00:00.000Z' };
    const moved = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...since });
    const kept = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...since });
    const store = await storeWith([moved, kept]);
    const { sweep, workflow, clock } = sweeper(store, '2026-03-04T12:00:00.000Z', 500);
    // The helpdesk raises one ticket's priority while the sweep reads the tickets: its version moves on.
    const stream = store.tickets.stream.bind(store.tickets);
    store.tickets.stream = async function* (query) {
      yield* stream(query);
      await workflow.act({ ticketId: moved.id, verb: 'setPriority', priority: 'high', actor: asPerson(people.agent) });
    };

    expect(await sweep()).toEqual({ digests: 2, reminders: 2, withdrawn: 0 });
    for (const digest of await digestsIn(store)) {
      expect(digest.text).toContain(kept.id);
      expect(digest.text).not.toContain(moved.id);
    }
    expect(await store.reminders.ticket(moved.id)).toBeUndefined();
    expect((await store.tickets.get(moved.id))?.remindersSent).toBeUndefined();

    store.tickets.stream = stream;
    clock.set('2026-03-04T12:05:00.000Z');
    expect(await sweep()).toEqual({ digests: 2, reminders: 2, withdrawn: 0 });
    expect((await store.reminders.ticket(moved.id))?.sent).toEqual({ icsApproval: 1 });
  });
});
