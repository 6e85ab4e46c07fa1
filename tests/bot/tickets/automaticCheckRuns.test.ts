import { describe, expect, it } from '@jest/globals';
import type { DsptRecord, WorkflowTicket } from '../../../data/model.js';
import { openMemoryStore, type MemoryStore } from '../../../data/store/memoryStore.js';
import type { OdsDirectory, OdsLookupResult } from '../../../dialogs/dialogServices.js';
import { checkingWorkflow, createAutomaticCheckRuns } from '../../../bot/tickets/automaticCheckRuns.js';
import type { Logger } from '../../../bot/log.js';
import { createWorkflow, type Workflow } from '../../../data/workflow/workflow.js';
import { asPerson, auditOf, makeWorkflowTicket, manualClock, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const ROSEWOOD: OdsLookupResult = {
  status: 'found',
  organisation: {
    odsCode: 'VN4K2',
    name: 'Rosewood Court Care Home',
    postcode: 'SE13 5AB',
    active: true,
    roleIds: ['RO101'],
    primaryRoleId: 'RO101',
  },
};

/** The ODS directory as the checks see it: answers what the test sets, and counts the look-ups. */
function directory(answer: OdsLookupResult = ROSEWOOD): OdsDirectory & { answer: OdsLookupResult; lookups: number } {
  const fake = {
    answer,
    lookups: 0,
    lookup: async () => {
      fake.lookups += 1;
      return fake.answer;
    },
  };
  return fake;
}

interface Setup {
  store: MemoryStore;
  workflow: Workflow;
  ods: ReturnType<typeof directory>;
  clock: ReturnType<typeof manualClock>;
  runs: ReturnType<typeof createAutomaticCheckRuns>;
  ticket(id: string): Promise<WorkflowTicket>;
}

const agent = asPerson(people.agent);

describe('the helpdesk checklist, worked through by the service', () => {
  async function setUp(
    tickets: WorkflowTicket[],
    lists: { dspt?: DsptRecord[]; dpia?: boolean } = {},
    start = '2026-03-02T10:04:00.000Z',
  ): Promise<Setup> {
    const clock = manualClock(start);
    const store = await openMemoryStore({
      from: {
        dpiaRegister: [
          lists.dpia === false
            ? { odsCode: 'AB123', name: 'Another home', icbCode: 'QKK' }
            : { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' },
        ],
        dsptStatuses: lists.dspt ?? [
          { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', status: '25/26 Standards Met', publishedOn: '2026-02-12' },
        ],
        imports: { dpia: '2026-03-01T09:00:00.000Z', dspt: '2026-03-01T09:00:00.000Z' },
      },
    });
    await seedWorkflow(store, tickets);
    const recording = createWorkflow({ store, clock: clock.now });
    const ods = directory();
    const runs = createAutomaticCheckRuns({ store, workflow: recording, ods, clock: clock.now, logger: quiet });
    const workflow = checkingWorkflow(recording, runs);
    return { store, workflow, ods, clock, runs, ticket: async (id) => (await workflow.get(id))! };
  }

  it('ticks the four checks it can settle when an ICS lead approves, leaving "Accounts created" to the agent', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
    const { workflow, ticket: current, store } = await setUp([ticket], { dpia: false });
    expect((await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: 3 })).ok).toBe(true);
    await workflow.drain();

    const checked = await current(ticket.id);
    expect(Object.entries(checked.checklist).map(([item, stamp]) => [item, stamp?.by])).toEqual([
      ['odsVerified', 'system'],
      ['dpiaChecked', 'system'],
      ['dsptChecked', 'system'],
      ['emailDomainsChecked', 'system'],
    ]);
    expect(checked.automaticChecks?.dpiaChecked?.evidence).toMatch(
      /^Not named in the South East London onboarding DPIA .*; onboarding approved by Sam Lead, South East London governance lead, on 02\/03\/2026 at 10:04\.$/,
    );
    expect(checked.version).toBe(4); // the approval only: recording the checks leaves the card's version as it was
    expect((await auditOf(store, ticket.id)).map((e) => e.action)).toEqual(['approve', 'check']);
  });

  it('leaves a check it could not settle unticked, with the reason and the time', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { runs, ods, ticket: current } = await setUp([ticket]);
    ods.answer = { status: 'unavailable' };
    await runs.run(ticket.id);
    expect((await current(ticket.id)).checklist.odsVerified).toBeUndefined();
    expect((await current(ticket.id)).automaticChecks?.odsVerified).toEqual({
      outcome: 'unsettled',
      evidence: 'The ODS directory could not be reached at 10:04: check VN4K2 on the ODS portal.',
      at: '2026-03-02T10:04:00.000Z',
    });
  });

  it('lets an agent confirm every automatic tick with one press, recorded as theirs', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { workflow, runs, store, ticket: current } = await setUp([ticket]);
    await runs.run(ticket.id);
    const outcome = await workflow.act({ ticketId: ticket.id, verb: 'confirmChecks', actor: agent, expectedVersion: 3 });
    expect(outcome.ok).toBe(true);
    expect(
      Object.values((await current(ticket.id)).checklist).map((stamp) => stamp && stamp.by !== 'system' && stamp.by.aadObjectId),
    ).toEqual(Array(4).fill(people.agent.aadObjectId));
    const confirmed = (await auditOf(store, ticket.id)).find((e) => e.action === 'confirmChecks');
    expect(confirmed).toMatchObject({
      actor: people.agent.aadObjectId,
      details: { items: ['odsVerified', 'dpiaChecked', 'dsptChecked', 'emailDomainsChecked'] },
    });
    const again = await workflow.act({ ticketId: ticket.id, verb: 'confirmChecks', actor: agent, expectedVersion: 4 });
    expect(again).toMatchObject({ ok: false, message: 'There are no automatic checks waiting to be confirmed.' });
  });

  it("keeps an agent's untick: a later run records what it finds but does not tick the item again", async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { workflow, runs, ticket: current } = await setUp([ticket]);
    await runs.run(ticket.id);
    expect((await workflow.act({ ticketId: ticket.id, verb: 'untick', item: 'dsptChecked', actor: agent, expectedVersion: 3 })).ok).toBe(
      true,
    );
    await runs.run(ticket.id);
    expect((await current(ticket.id)).checklist.dsptChecked).toBeUndefined();
    expect((await current(ticket.id)).automaticChecks?.dsptChecked).toMatchObject({
      outcome: 'passed',
      overruledBy: { by: { aadObjectId: people.agent.aadObjectId } },
    });
  });

  it('runs the checks again when an agent opens a ticket whose list was imported since, and not otherwise', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { runs, ods, store, clock, ticket: current } = await setUp([ticket]);
    await runs.run(ticket.id);
    clock.advance(60 * 60 * 1000);
    await runs.runIfStale(ticket.id);
    expect(ods.lookups).toBe(1);

    await store.transaction(async (tx) => {
      await tx.reference.setDsptStatuses([
        { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', status: '25/26 Approaching Standards', publishedOn: '2026-03-02' },
      ]);
      await tx.reference.setImported('dspt', clock.now().toISOString());
    });
    clock.advance(60 * 1000);
    await runs.runIfStale(ticket.id);
    expect(ods.lookups).toBe(2);
    expect((await current(ticket.id)).checklist.dsptChecked).toBeUndefined();
    expect((await current(ticket.id)).automaticChecks?.dsptChecked?.outcome).toBe('failed');
  });

  it('refuses to resolve once the DSPT status has lapsed on 30 June, saying why', async () => {
    const status: DsptRecord = {
      odsCode: 'VN4K2',
      name: 'Rosewood Court Care Home',
      status: '24/25 Standards Met',
      publishedOn: '2025-06-10',
    };
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { workflow, runs, clock, ticket: current } = await setUp([ticket], { dspt: [status] }, '2026-06-29T09:00:00.000Z');
    await runs.run(ticket.id);
    await workflow.act({ ticketId: ticket.id, verb: 'confirmChecks', actor: agent });
    await workflow.act({ ticketId: ticket.id, verb: 'tick', item: 'accountsCreated', actor: agent });
    await workflow.act({ ticketId: ticket.id, verb: 'assign', assignee: { ...people.agent }, actor: agent });
    await workflow.drain();
    clock.set('2026-07-01T09:00:00.000Z');

    const outcome = await workflow.act({ ticketId: ticket.id, verb: 'resolve', actor: agent });
    expect(outcome).toMatchObject({ ok: false, code: 'illegal' });
    expect(!outcome.ok && outcome.message).toBe(
      'This request cannot be resolved: "DSPT checked" fails (24/25 Standards Met, published 10/06/2025: it needed renewing by 30 June 2026 and has lapsed (export imported 01/03/2026).)',
    );
    expect((await current(ticket.id)).state).toBe('assigned');
  });

  it('refuses to resolve staff for an organisation that has left its ICS DPIA since', async () => {
    const ticket = makeWorkflowTicket({ kind: 'addUsers', state: 'awaitingHelpdesk' });
    const { workflow, runs, store, clock } = await setUp([ticket]);
    await runs.run(ticket.id);
    await workflow.act({ ticketId: ticket.id, verb: 'confirmChecks', actor: agent });
    await workflow.act({ ticketId: ticket.id, verb: 'tick', item: 'accountsCreated', actor: agent });
    await workflow.act({ ticketId: ticket.id, verb: 'assign', assignee: { ...people.agent }, actor: agent });
    await workflow.drain();
    clock.advance(60 * 1000);
    await store.transaction(async (tx) => {
      await tx.reference.setDpiaRegister([{ odsCode: 'AB123', name: 'Another home', icbCode: 'QKK' }]);
      await tx.reference.setImported('dpia', clock.now().toISOString());
    });

    const outcome = await workflow.act({ ticketId: ticket.id, verb: 'resolve', actor: agent });
    expect(!outcome.ok && outcome.message).toMatch(
      /^This request cannot be resolved: "DPIA checked" fails \(Not named in the South East London onboarding DPIA/,
    );
  });

  it('resolves once the automatic checks are confirmed, pass again, and "Accounts created" is ticked', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk' });
    const { workflow, runs, ticket: current } = await setUp([ticket]);
    await runs.run(ticket.id);
    await workflow.act({ ticketId: ticket.id, verb: 'assign', assignee: { ...people.agent }, actor: agent });
    await workflow.drain();
    const early = await workflow.act({ ticketId: ticket.id, verb: 'resolve', actor: agent });
    expect(!early.ok && early.message).toBe(
      'Please confirm the automatic checks ("ODS verified", "DPIA checked", "DSPT checked", "E-mail domains checked") and tick "Accounts created" before resolving this request.',
    );
    await workflow.act({ ticketId: ticket.id, verb: 'confirmChecks', actor: agent });
    await workflow.act({ ticketId: ticket.id, verb: 'tick', item: 'accountsCreated', actor: agent });
    expect((await workflow.act({ ticketId: ticket.id, verb: 'resolve', actor: agent })).ok).toBe(true);
    expect((await current(ticket.id)).state).toBe('resolved');
  });
});
