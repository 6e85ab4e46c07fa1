import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { WorkflowTicket } from '../../../data/model.js';
import type { TicketEvent } from '../../../data/workflow/types.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { asPerson, makeWorkflowTicket, manualClock, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';

async function setUp(
  options: { onListenerError?: (err: unknown, event: { ticketId: string; verb: string }) => void } = {},
  opened?: Store,
) {
  const store = opened ?? (await openMemoryStore());
  const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
  await seedWorkflow(store, [ticket]);
  return { store, ticket, workflow: createWorkflow({ store, clock: manualClock().now, ...options }) };
}

describe('workflow events, with the store on disk', () => {
  const folder = useStoreFolder();

  const stateOnDisk = (file: string, id: string) =>
    (JSON.parse(readFileSync(file, 'utf8')) as { tickets: WorkflowTicket[] }).tickets.find((t) => t.id === id)?.state;

  it('are delivered only once the change is on disk', async () => {
    const { ticket, workflow } = await setUp({}, await folder.open());
    const seenOnDisk: (string | undefined)[] = [];
    const auditOnDisk: string[] = [];
    workflow.onEvent((event) => {
      seenOnDisk.push(stateOnDisk(folder.path('live.json'), event.ticket.id));
      auditOnDisk.push(readFileSync(folder.path('audit.jsonl'), 'utf8'));
    });
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead) });
    await workflow.drain();
    expect(seenOnDisk).toEqual(['awaitingHelpdesk']);
    expect(auditOnDisk[0]).toContain('"action":"approve"');
  });
});

describe('workflow events', () => {
  it('come in commit order, one per applied transition, with who, when, from, to and why', async () => {
    const { ticket, workflow } = await setUp();
    const events: TicketEvent[] = [];
    // A slow asynchronous listener still sees events one at a time and in order.
    workflow.onEvent(async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(event);
    });
    const submitted = await workflow.submit({ kind: 'question', question: 'Is there training?' }, people.requester);
    await Promise.all([
      workflow.act({ ticketId: ticket.id, verb: 'requestInformation', actor: asPerson(people.lead), reason: 'Which borough?' }),
      workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.secondLead) }),
      workflow.act({ ticketId: ticket.id, verb: 'provideInformation', actor: asPerson(people.requester), reason: 'Lewisham.' }),
    ]);
    await workflow.drain();
    expect(events.map((e) => [e.ticket.id, e.verb, e.from, e.to, e.reason])).toEqual([
      [submitted.id, 'submit', undefined, 'submitted', undefined],
      [submitted.id, 'route', 'submitted', 'awaitingHelpdesk', undefined],
      [ticket.id, 'requestInformation', 'awaitingIcsApproval', 'needsInformation', 'Which borough?'],
      [ticket.id, 'provideInformation', 'needsInformation', 'awaitingIcsApproval', 'Lewisham.'],
    ]);
    expect(events[2]).toMatchObject({
      actor: { kind: 'person', person: people.lead },
      at: '2026-03-02T10:04:00.000Z',
      ticket: { version: 2, state: 'needsInformation' },
    });
    expect(events[1].actor).toEqual({ kind: 'system' });
  });

  it('are not emitted for refused actions', async () => {
    const { ticket, workflow } = await setUp();
    const listener = jest.fn<(event: TicketEvent) => void>();
    workflow.onEvent(listener);
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.stranger) });
    await workflow.act({ ticketId: ticket.id, verb: 'reject', actor: asPerson(people.lead) });
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: 9 });
    await workflow.act({ ticketId: 'UCP-404404', verb: 'approve', actor: asPerson(people.lead) });
    await workflow.drain();
    expect(listener).not.toHaveBeenCalled();
  });

  it('survive a listener that throws or rejects: the action stands, other listeners still hear, and the failure is counted', async () => {
    const failures: { ticketId: string; verb: string }[] = [];
    const { ticket, workflow } = await setUp({ onListenerError: (_err, event) => failures.push(event) });
    workflow.onEvent(() => {
      throw new Error('card update failed for Grace Adeyemi');
    });
    workflow.onEvent(async () => {
      throw new Error('rejected');
    });
    const heard: string[] = [];
    workflow.onEvent((event) => {
      heard.push(event.verb);
    });
    const outcome = await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead) });
    await workflow.drain();
    expect(outcome.ok).toBe(true);
    expect(heard).toEqual(['approve']);
    expect(workflow.listenerFailures).toBe(2);
    expect(failures).toEqual([
      { ticketId: ticket.id, verb: 'approve' },
      { ticketId: ticket.id, verb: 'approve' },
    ]);
  });

  it('stop when the listener unsubscribes', async () => {
    const { ticket, workflow } = await setUp();
    const listener = jest.fn<(event: TicketEvent) => void>();
    const stop = workflow.onEvent(listener);
    stop();
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead) });
    await workflow.drain();
    expect(listener).not.toHaveBeenCalled();
  });

  it('hand listeners a copy they can change without touching the store', async () => {
    const { ticket, workflow } = await setUp();
    workflow.onEvent((event) => {
      event.ticket.state = 'closed';
    });
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead) });
    await workflow.drain();
    expect((await workflow.get(ticket.id))?.state).toBe('awaitingHelpdesk');
  });
});
