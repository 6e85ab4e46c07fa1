import { describe, expect, it } from '@jest/globals';
import type { WorkflowTicket } from '../../../data/model.js';
import type { ActionRequest } from '../../../data/workflow/types.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import {
  asPerson,
  asSystem,
  auditOf,
  makeWorkflowTicket,
  manualClock,
  people,
  seedWorkflow,
  storedTicketJson,
} from '../../fixtures/workflowFixtures.js';

describe('acting on a ticket', () => {
  async function setUp(...tickets: WorkflowTicket[]) {
    const store = await openMemoryStore();
    const clock = manualClock();
    await seedWorkflow(store, tickets);
    return { store, clock, workflow: createWorkflow({ store, clock: clock.now }) };
  }

  async function expectUnchanged(run: () => Promise<unknown>, store: Awaited<ReturnType<typeof setUp>>['store'], id: string) {
    const before = await storedTicketJson(store, id);
    const auditBefore = (await auditOf(store, id)).length;
    await run();
    expect(await storedTicketJson(store, id)).toBe(before);
    expect((await auditOf(store, id)).length).toBe(auditBefore);
  }

  it.each<[string, Partial<WorkflowTicket>, ActionRequest['verb'], keyof typeof people]>([
    ['an ICS lead rejecting', { state: 'awaitingIcsApproval' }, 'reject', 'lead'],
    ['an ICS lead asking for information', { state: 'awaitingIcsApproval' }, 'requestInformation', 'lead'],
    ['the helpdesk rejecting', { state: 'assigned', assignee: people.agent }, 'reject', 'agent'],
    ['the helpdesk asking for information', { state: 'awaitingHelpdesk' }, 'requestInformation', 'agent'],
    ['the requester answering', { state: 'needsInformation', returnTo: 'awaitingIcsApproval' }, 'provideInformation', 'requester'],
    ['the helpdesk escalating', { state: 'assigned', assignee: people.agent }, 'escalate', 'agent'],
  ])('refuses %s without a reason, and changes nothing', async (_name, overrides, verb, who) => {
    const ticket = makeWorkflowTicket(overrides);
    const { store, workflow } = await setUp(ticket);
    for (const reason of [undefined, '', '   \n ']) {
      await expectUnchanged(
        async () => {
          const outcome = await workflow.act({ ticketId: ticket.id, verb, actor: asPerson(people[who]), reason });
          expect(outcome).toMatchObject({ ok: false, code: 'invalid' });
          expect(outcome.ok ? '' : outcome.message).toMatch(/^Please /);
        },
        store,
        ticket.id,
      );
    }
  });

  it('keeps a rejection reason on the ticket for the requester and in the audit trail', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
    const { store, workflow } = await setUp(ticket);
    const outcome = await workflow.act({
      ticketId: ticket.id,
      verb: 'reject',
      actor: asPerson(people.lead),
      reason: '  This home is in Kent, not our ICS.  ',
    });
    expect(outcome.ok).toBe(true);
    const stored = await workflow.get(ticket.id);
    expect(stored).toMatchObject({
      state: 'rejected',
      reason: 'This home is in Kent, not our ICS.',
      lastAction: { verb: 'reject', reason: 'This home is in Kent, not our ICS.', by: people.lead },
    });
    expect(await auditOf(store, ticket.id)).toEqual([
      expect.objectContaining({ action: 'reject', actor: people.lead.aadObjectId, reason: 'This home is in Kent, not our ICS.' }),
    ]);
  });

  it('sends a ticket back to the requester and returns it to the ICS lead once they answer', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
    const { store, workflow } = await setUp(ticket);
    const asked = await workflow.act({
      ticketId: ticket.id,
      verb: 'requestInformation',
      actor: asPerson(people.lead),
      reason: 'Which borough is the home in?',
      expectedVersion: 1,
    });
    expect(asked).toMatchObject({
      ok: true,
      ticket: { state: 'needsInformation', returnTo: 'awaitingIcsApproval', reason: 'Which borough is the home in?', version: 2 },
    });
    const answered = await workflow.act({
      ticketId: ticket.id,
      verb: 'provideInformation',
      actor: asPerson(people.requester),
      reason: 'Lewisham.',
      expectedVersion: 2,
    });
    expect(answered).toMatchObject({
      ok: true,
      ticket: { state: 'awaitingIcsApproval', version: 3, lastAction: { verb: 'provideInformation', reason: 'Lewisham.' } },
    });
    expect(answered.ok && 'returnTo' in answered.ticket).toBe(false);
    expect((await auditOf(store, ticket.id)).map((e) => [e.action, e.from, e.to])).toEqual([
      ['requestInformation', 'awaitingIcsApproval', 'needsInformation'],
      ['provideInformation', 'needsInformation', 'awaitingIcsApproval'],
    ]);
  });

  it('returns an answered helpdesk question to the agent it was assigned to', async () => {
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.secondAgent } });
    const { workflow } = await setUp(ticket);
    await workflow.act({
      ticketId: ticket.id,
      verb: 'requestInformation',
      actor: asPerson(people.agent),
      reason: 'What is the DSPT publication date?',
    });
    const outcome = await workflow.act({
      ticketId: ticket.id,
      verb: 'provideInformation',
      actor: asPerson(people.requester),
      reason: '12 February 2026',
    });
    expect(outcome).toMatchObject({ ok: true, ticket: { state: 'assigned', assignee: people.secondAgent } });
  });

  it('assigns to anyone on the helpdesk roster, not only the agent acting, and names them from the roster', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { store, workflow } = await setUp(ticket);
    const outcome = await workflow.act({
      ticketId: ticket.id,
      verb: 'assign',
      actor: asPerson(people.agent),
      assignee: { aadObjectId: people.secondAgent.aadObjectId },
    });
    expect(outcome).toMatchObject({
      ok: true,
      ticket: { state: 'assigned', assignee: { aadObjectId: people.secondAgent.aadObjectId, name: 'Bea Agent' } },
    });
    expect((await auditOf(store, ticket.id))[0]).toMatchObject({
      action: 'assign',
      actor: people.agent.aadObjectId,
      details: { assignee: people.secondAgent.aadObjectId },
    });
  });

  it('refuses to assign to someone who is not on the helpdesk roster, or to nobody, changing nothing and auditing each refusal', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { store, workflow } = await setUp(ticket);
    const before = await storedTicketJson(store, ticket.id);
    for (const assignee of [people.lead, people.stranger, undefined]) {
      const outcome = await workflow.act({ ticketId: ticket.id, verb: 'assign', actor: asPerson(people.agent), assignee });
      expect(outcome).toMatchObject({
        ok: false,
        code: 'invalid',
        message: 'Please choose someone on the helpdesk roster to assign this request to.',
      });
    }
    expect(await storedTicketJson(store, ticket.id)).toBe(before);
    const why = 'assignee not on the helpdesk roster';
    expect((await auditOf(store, ticket.id)).map((e) => [e.actor, e.action, e.from, e.details])).toEqual([
      [people.agent.aadObjectId, 'denied', 'awaitingHelpdesk', { verb: 'assign', why, assignee: people.lead.aadObjectId }],
      [people.agent.aadObjectId, 'denied', 'awaitingHelpdesk', { verb: 'assign', why, assignee: people.stranger.aadObjectId }],
      [people.agent.aadObjectId, 'denied', 'awaitingHelpdesk', { verb: 'assign', why }],
    ]);
  });

  it('does not assign a ticket to the person it is already assigned to', async () => {
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.agent } });
    const { store, workflow } = await setUp(ticket);
    await expectUnchanged(
      async () => {
        const outcome = await workflow.act({
          ticketId: ticket.id,
          verb: 'assign',
          actor: asPerson(people.secondAgent),
          assignee: people.agent,
        });
        expect(outcome).toMatchObject({ ok: false, code: 'illegal', message: 'This request is already assigned to Alex Agent.' });
      },
      store,
      ticket.id,
    );
  });

  it('audits every tick and untick, and will not tick the same item twice', async () => {
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: people.agent, version: 5 });
    const { store, clock, workflow } = await setUp(ticket);
    expect(await workflow.act({ ticketId: ticket.id, verb: 'tick', actor: asPerson(people.agent), item: 'odsVerified' })).toMatchObject({
      ok: true,
      ticket: { version: 6, state: 'assigned', checklist: { odsVerified: { by: people.agent, at: '2026-03-02T10:04:00.000Z' } } },
    });
    clock.advance(60_000);
    await expectUnchanged(
      async () => {
        const again = await workflow.act({ ticketId: ticket.id, verb: 'tick', actor: asPerson(people.secondAgent), item: 'odsVerified' });
        expect(again).toMatchObject({ ok: false, code: 'illegal', message: '"ODS verified" was already ticked by Alex Agent at 10:04.' });
      },
      store,
      ticket.id,
    );
    expect(
      await workflow.act({ ticketId: ticket.id, verb: 'untick', actor: asPerson(people.secondAgent), item: 'odsVerified' }),
    ).toMatchObject({ ok: true, ticket: { version: 7, checklist: {} } });
    expect((await auditOf(store, ticket.id)).map((e) => [e.action, e.actor, e.details?.item])).toEqual([
      ['tick', people.agent.aadObjectId, 'odsVerified'],
      ['untick', people.secondAgent.aadObjectId, 'odsVerified'],
    ]);
  });

  it('refuses a checklist item it does not know', async () => {
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: people.agent });
    const { store, workflow } = await setUp(ticket);
    await expectUnchanged(
      async () => {
        const outcome = await workflow.act({
          ticketId: ticket.id,
          verb: 'tick',
          actor: asPerson(people.agent),
          item: 'coffeeMade' as never,
        });
        expect(outcome).toMatchObject({ ok: false, code: 'invalid' });
      },
      store,
      ticket.id,
    );
  });

  it('will not resolve an access request before every check of source 001 is ticked, naming the ones missing', async () => {
    const ticket = makeWorkflowTicket({
      state: 'assigned',
      assignee: people.agent,
      checklist: {
        odsVerified: { by: people.agent, at: '2026-03-02T09:00:00.000Z' },
        accountsCreated: { by: people.agent, at: '2026-03-02T09:30:00.000Z' },
      },
    });
    const { store, workflow } = await setUp(ticket);
    await expectUnchanged(
      async () => {
        const outcome = await workflow.act({ ticketId: ticket.id, verb: 'resolve', actor: asPerson(people.agent) });
        expect(outcome).toMatchObject({ ok: false, code: 'illegal' });
        expect(outcome.ok ? '' : outcome.message).toMatch(
          /^Please tick "DPIA checked", "DSPT checked", "E-mail domains checked" before resolving/,
        );
      },
      store,
      ticket.id,
    );
  });

  it('resolves an add-users request once the e-mail domains and the accounts are ticked', async () => {
    const stamp = { by: people.agent, at: '2026-03-02T09:30:00.000Z' };
    const ticket = makeWorkflowTicket({
      kind: 'addUsers',
      state: 'assigned',
      assignee: people.agent,
      checklist: { emailDomainsChecked: stamp, accountsCreated: stamp },
    });
    const { workflow } = await setUp(ticket);
    expect(await workflow.act({ ticketId: ticket.id, verb: 'resolve', actor: asPerson(people.agent) })).toMatchObject({
      ok: true,
      ticket: { state: 'resolved' },
    });
  });

  it('resolves a leavers request without an accounts-created tick', async () => {
    const ticket = makeWorkflowTicket({
      kind: 'deactivateUsers',
      state: 'assigned',
      assignee: people.agent,
      users: undefined,
      leavers: [{ name: 'Tom Whitfield', email: 'tom.whitfield@nhs.net', lastWorkingDay: '2026-02-27' }],
    });
    const { workflow } = await setUp(ticket);
    expect(await workflow.act({ ticketId: ticket.id, verb: 'resolve', actor: asPerson(people.agent) })).toMatchObject({
      ok: true,
      ticket: { state: 'resolved' },
    });
  });

  it('sends an organisation to its ICS lead when the helpdesk finds it missing from the DPIA, but not a question', async () => {
    const access = makeWorkflowTicket({
      state: 'assigned',
      assignee: people.agent,
      organisation: { ...makeWorkflowTicket().organisation!, namedInDpia: true },
    });
    const question = makeWorkflowTicket({
      kind: 'question',
      state: 'awaitingHelpdesk',
      organisation: undefined,
      users: undefined,
      question: 'Can night staff log in from home?',
    });
    const { store, workflow } = await setUp(access, question);
    expect(await workflow.act({ ticketId: access.id, verb: 'seekIcsApproval', actor: asPerson(people.agent) })).toMatchObject({
      ok: true,
      ticket: { state: 'awaitingIcsApproval' },
    });
    await expectUnchanged(
      async () => {
        expect(await workflow.act({ ticketId: question.id, verb: 'seekIcsApproval', actor: asPerson(people.agent) })).toMatchObject({
          ok: false,
          code: 'illegal',
        });
      },
      store,
      question.id,
    );
  });

  it('escalates one priority step at a time, and still records an escalation at urgent', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', priority: 'high' });
    const { store, workflow } = await setUp(ticket);
    expect(
      await workflow.act({ ticketId: ticket.id, verb: 'escalate', actor: asSystem, reason: 'No decision after 5 working days.' }),
    ).toMatchObject({ ok: true, ticket: { priority: 'urgent', state: 'awaitingIcsApproval' } });
    expect(
      await workflow.act({ ticketId: ticket.id, verb: 'escalate', actor: asPerson(people.agent), reason: 'Chased by phone.' }),
    ).toMatchObject({ ok: true, ticket: { priority: 'urgent' } });
    expect((await auditOf(store, ticket.id)).map((e) => [e.actor, e.details])).toEqual([
      ['system', { priorityFrom: 'high', priorityTo: 'urgent' }],
      [people.agent.aadObjectId, { priorityFrom: 'urgent', priorityTo: 'urgent' }],
    ]);
  });

  it('changes the priority only to a real, different priority', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk', priority: 'normal' });
    const { store, workflow } = await setUp(ticket);
    await expectUnchanged(
      async () => {
        expect(
          await workflow.act({ ticketId: ticket.id, verb: 'setPriority', actor: asPerson(people.agent), priority: 'normal' }),
        ).toMatchObject({ ok: false, code: 'illegal' });
        expect(
          await workflow.act({ ticketId: ticket.id, verb: 'setPriority', actor: asPerson(people.agent), priority: 'whenever' as never }),
        ).toMatchObject({ ok: false, code: 'invalid' });
      },
      store,
      ticket.id,
    );
    expect(
      await workflow.act({ ticketId: ticket.id, verb: 'setPriority', actor: asPerson(people.agent), priority: 'urgent' }),
    ).toMatchObject({ ok: true, ticket: { priority: 'urgent' } });
  });

  it('stamps closedAt when a ticket is closed', async () => {
    const ticket = makeWorkflowTicket({ state: 'resolved', assignee: people.agent });
    const { workflow } = await setUp(ticket);
    expect(await workflow.act({ ticketId: ticket.id, verb: 'close', actor: asSystem })).toMatchObject({
      ok: true,
      ticket: { state: 'closed', closedAt: '2026-03-02T10:04:00.000Z', lastAction: { by: 'system' } },
    });
  });

  it('says a state once when the last action already names it (no "turned down … and is turned down")', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
    const { workflow } = await setUp(ticket);
    await workflow.act({
      ticketId: ticket.id,
      verb: 'reject',
      actor: asPerson(people.lead),
      reason: 'Not in our area.',
      expectedVersion: 1,
    });
    const approve = await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.secondLead) });
    expect(approve.ok ? '' : approve.message).toBe('This request was turned down by Sam Lead at 10:04, so it cannot be approved now.');
  });

  it('says who already decided, and when, to someone clicking a decision already made', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
    const { store, clock, workflow } = await setUp(ticket);
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: 1 });
    clock.advance(5 * 60_000);
    await expectUnchanged(
      async () => {
        expect(
          await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.secondLead), expectedVersion: 1 }),
        ).toMatchObject({
          ok: false,
          code: 'illegal',
          message: 'This request was already approved by Sam Lead at 10:04.',
          ticket: { state: 'awaitingHelpdesk', version: 2 },
        });
        expect(
          await workflow.act({ ticketId: ticket.id, verb: 'reject', actor: asPerson(people.secondLead), reason: 'No.' }),
        ).toMatchObject({
          ok: false,
          code: 'illegal',
          message: 'This request was approved by Sam Lead at 10:04 and is waiting for the helpdesk, so it cannot be turned down now.',
        });
      },
      store,
      ticket.id,
    );
    clock.advance(24 * 3600_000);
    const nextDay = await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.secondLead) });
    expect(nextDay.ok ? '' : nextDay.message).toBe('This request was already approved by Sam Lead on 2 March at 10:04.');
  });

  it('refuses a stale version, saying who acted last and when', async () => {
    const ticket = makeWorkflowTicket({
      state: 'assigned',
      assignee: people.agent,
      version: 7,
      lastAction: { by: { ...people.secondAgent }, at: '2026-03-02T09:58:00.000Z', verb: 'assign' },
    });
    const { store, workflow } = await setUp(ticket);
    await expectUnchanged(
      async () => {
        expect(
          await workflow.act({ ticketId: ticket.id, verb: 'tick', actor: asPerson(people.agent), item: 'dsptChecked', expectedVersion: 6 }),
        ).toMatchObject({
          ok: false,
          code: 'conflict',
          ticket: { version: 7 },
          message: 'This request was assigned by Bea Agent at 09:58, after you opened it. Please look at the latest version and try again.',
        });
      },
      store,
      ticket.id,
    );
  });

  it('audits a person who is not on the right roster, says who can act, and changes nothing else', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
    const { store, workflow } = await setUp(ticket);
    const before = await storedTicketJson(store, ticket.id);
    const outcome = await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.otherIcsLead) });
    expect(outcome).toMatchObject({ ok: false, code: 'forbidden', ticket: { id: ticket.id } });
    expect(outcome.ok ? '' : outcome.message).toBe(
      "Only a governance lead of this organisation's ICS can do this, so nothing was changed. If you think you should be able to, please contact the UCP helpdesk.",
    );
    expect(await storedTicketJson(store, ticket.id)).toBe(before);
    expect(await auditOf(store, ticket.id)).toEqual([
      expect.objectContaining({
        actor: people.otherIcsLead.aadObjectId,
        action: 'denied',
        ticketId: ticket.id,
        from: 'awaitingIcsApproval',
        at: '2026-03-02T10:04:00.000Z',
        details: { verb: 'approve', allowed: ['icsLead'] },
      }),
    ]);
  });

  it('answers notFound for a ticket it does not have, and an unknown verb as invalid', async () => {
    const ticket = makeWorkflowTicket();
    const { store, workflow } = await setUp(ticket);
    expect(await workflow.act({ ticketId: 'UCP-404404', verb: 'approve', actor: asPerson(people.lead) })).toMatchObject({
      ok: false,
      code: 'notFound',
    });
    await expectUnchanged(
      async () => {
        expect(await workflow.act({ ticketId: ticket.id, verb: 'delete' as never, actor: asPerson(people.lead) })).toMatchObject({
          ok: false,
          code: 'invalid',
        });
      },
      store,
      ticket.id,
    );
  });

  it('treats a card actor without an id as a stranger', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
    const { store, workflow } = await setUp(ticket);
    const outcome = await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: { kind: 'person', person: {} as never } });
    expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await auditOf(store, ticket.id)).toEqual([expect.objectContaining({ actor: 'unknown', action: 'denied' })]);
  });
});
