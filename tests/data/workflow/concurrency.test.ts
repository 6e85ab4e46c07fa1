import { describe, expect, it } from '@jest/globals';
import { ALREADY_OPEN } from '../../../data/workflow/createTicket.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import type { TicketEvent } from '../../../data/workflow/types.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { racingStore } from '../../fixtures/racingStore.js';
import { asPerson, asSystem, auditOf, makeWorkflowTicket, manualClock, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';

describe('two people acting on the same ticket at once', () => {
  it('applies exactly one of 50 simultaneous approvals from two leads, audits it once and bumps the version once', async () => {
    const store = await openMemoryStore();
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
    await seedWorkflow(store, [ticket]);
    const workflow = createWorkflow({ store, clock: manualClock().now });
    const events: TicketEvent[] = [];
    workflow.onEvent((event) => {
      events.push(event);
    });

    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        workflow.act({
          ticketId: ticket.id,
          verb: 'approve',
          actor: asPerson(i % 2 === 0 ? people.lead : people.secondLead),
          ...(i % 3 === 0 ? {} : { expectedVersion: 1 }),
        }),
      ),
    );
    await workflow.drain();

    const applied = outcomes.filter((o) => o.ok);
    expect(applied).toHaveLength(1);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(49);
    for (const outcome of refused) {
      expect(outcome.ok ? undefined : outcome.code).toMatch(/^(illegal|conflict)$/);
      expect(outcome.ok ? '' : outcome.message).toMatch(/approved by (Sam|Ria) Lead at 10:04/);
    }
    expect(await workflow.get(ticket.id)).toMatchObject({ state: 'awaitingHelpdesk', version: 2 });
    const audit = await auditOf(store, ticket.id);
    expect(audit.filter((e) => e.action === 'approve')).toHaveLength(1);
    expect(audit).toHaveLength(1);
    expect(events.map((e) => e.verb)).toEqual(['approve']);
  });

  it('lets a reject and an approve race: whichever lands first wins and the other is told', async () => {
    const store = await openMemoryStore();
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
    await seedWorkflow(store, [ticket]);
    const workflow = createWorkflow({ store, clock: manualClock().now });
    const [approve, reject] = await Promise.all([
      workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: 1 }),
      workflow.act({
        ticketId: ticket.id,
        verb: 'reject',
        actor: asPerson(people.secondLead),
        expectedVersion: 1,
        reason: 'Not in our area.',
      }),
    ]);
    expect(approve.ok).toBe(true);
    expect(reject).toMatchObject({
      ok: false,
      code: 'illegal',
      message: 'This request was approved by Sam Lead at 10:04 and is waiting for the helpdesk, so it cannot be turned down now.',
    });
    expect((await auditOf(store, ticket.id)).map((e) => e.action)).toEqual(['approve']);
  });

  it('sends one organisation request when two managers press Submit for the same organisation at once, and tells the other why', async () => {
    const store = await openMemoryStore();
    await seedWorkflow(store, []);
    const workflow = createWorkflow({ store, clock: manualClock().now });
    const organisation = makeWorkflowTicket().organisation!;
    const staff = [
      { name: 'Samuel Okafor', jobTitle: 'Health Care Assistant', role: 'Non-Clinical' as const, email: 'samuel.okafor@nhs.net' },
    ];
    const outcomes = await Promise.allSettled(
      [people.requester, { aadObjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Tom Deputy' }].map((person, i) =>
        workflow.submit(
          { kind: 'organisationAccess', organisation: { ...organisation, odsCode: i === 0 ? 'VX1A2' : ' vx1a2 ' }, users: staff },
          person,
        ),
      ),
    );

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as Error).message).toBe(ALREADY_OPEN);
    const stored = await store.tickets.list({ kind: 'organisationAccess' });
    expect(stored).toHaveLength(1);
  });

  it('still takes a new request for an organisation whose earlier one was turned down', async () => {
    const store = await openMemoryStore();
    await seedWorkflow(store, [makeWorkflowTicket({ state: 'rejected', version: 2 })]);
    const workflow = createWorkflow({ store, clock: manualClock().now });
    const earlier = makeWorkflowTicket();
    const ticket = await workflow.submit(
      { kind: 'organisationAccess', organisation: earlier.organisation!, users: earlier.users! },
      people.requester,
    );
    expect(ticket.state).toBe('awaitingIcsApproval');
  });
});

describe("a change landing between an action's read and its write (a store without row locks)", () => {
  it('tells the second of two approvals that the first was already made, in the usual words, and applies only the first', async () => {
    const store = await openMemoryStore();
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
    await seedWorkflow(store, [ticket]);
    const clock = manualClock();
    const first = createWorkflow({ store, clock: clock.now });
    const approveFirst = () => first.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: 1 });
    const second = createWorkflow({ store: racingStore(store, (n) => n === 1, approveFirst), clock: clock.now });

    const outcome = await second.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.secondLead), expectedVersion: 1 });

    expect(outcome).toMatchObject({ ok: false, code: 'illegal', message: 'This request was already approved by Sam Lead at 10:04.' });
    expect(await first.get(ticket.id)).toMatchObject({ state: 'awaitingHelpdesk', version: 2, lastAction: { by: people.lead } });
    const audit = await auditOf(store, ticket.id);
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['approve', people.lead.aadObjectId]]);
  });

  it('works out an action without a version again on the newer ticket, as if it had come a moment later', async () => {
    const store = await openMemoryStore();
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: people.agent, version: 1 });
    await seedWorkflow(store, [ticket]);
    const clock = manualClock();
    const first = createWorkflow({ store, clock: clock.now });
    const tickFirst = () => first.act({ ticketId: ticket.id, verb: 'tick', actor: asPerson(people.agent), item: 'odsVerified' });
    const second = createWorkflow({ store: racingStore(store, (n) => n === 1, tickFirst), clock: clock.now });

    const outcome = await second.act({ ticketId: ticket.id, verb: 'tick', actor: asPerson(people.secondAgent), item: 'dpiaChecked' });

    expect(outcome.ok).toBe(true);
    expect(await first.get(ticket.id)).toMatchObject({
      version: 3,
      checklist: { odsVerified: { by: people.agent }, dpiaChecked: { by: people.secondAgent } },
    });
    expect((await auditOf(store, ticket.id)).map((e) => e.action)).toEqual(['tick', 'tick']);
  });

  it('refuses in plain words, never with an error, when the ticket changes under every try, and changes nothing', async () => {
    const store = await openMemoryStore();
    const ticket = makeWorkflowTicket({
      state: 'awaitingIcsApproval',
      version: 1,
      lastAction: { by: { ...people.requester }, at: '2026-03-02T09:20:00.000Z', verb: 'provideInformation', role: 'requester' },
    });
    await seedWorkflow(store, [ticket]);
    const workflow = createWorkflow({ store: racingStore(store, () => true), clock: manualClock().now });

    const outcome = await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: 1 });

    expect(outcome).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'This request was answered by Grace Adeyemi at 09:20, after you opened it. Please look at the latest version and try again.',
      ticket: { version: 1, state: 'awaitingIcsApproval' },
    });
    expect(await auditOf(store, ticket.id)).toEqual([]);
  });

  it('records a posted card copy on the newer ticket when the ticket changed meanwhile', async () => {
    const store = await openMemoryStore();
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk', version: 1 });
    await seedWorkflow(store, [ticket]);
    const clock = manualClock();
    const first = createWorkflow({ store, clock: clock.now });
    const escalate = () => first.act({ ticketId: ticket.id, verb: 'escalate', actor: asSystem, reason: 'Waiting too long.' });
    const second = createWorkflow({ store: racingStore(store, (n) => n === 1, escalate), clock: clock.now });
    const copy = { audience: 'helpdesk' as const, conversationKey: 'conversation:19:helpdesk@thread.tacv2', activityId: '1:abc' };

    expect(await second.recordCardCopy(ticket.id, copy)).toBe(true);

    expect(await first.get(ticket.id)).toMatchObject({ version: 2, priority: 'high', cardCopies: [copy] });
  });
});
