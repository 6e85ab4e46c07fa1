import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../../data/errors.js';
import type { TicketOrganisation, WorkflowTicket } from '../../../data/model.js';
import type { NewTicketInput } from '../../../data/workflow/types.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { asPerson, asSystem, auditOf, makeWorkflowTicket, manualClock, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';

const organisation = (overrides: Partial<TicketOrganisation> = {}): TicketOrganisation => ({
  ...makeWorkflowTicket().organisation!,
  ...overrides,
});
const staff = [{ name: 'Samuel Okafor', jobTitle: 'Health Care Assistant', role: 'Non-Clinical' as const, email: 'samuel.okafor@nhs.net' }];
const access = (org: Partial<TicketOrganisation> = {}): NewTicketInput => ({
  kind: 'organisationAccess',
  organisation: organisation(org),
  users: staff,
});

describe('submitting a request', () => {
  async function setUp() {
    const store = await openMemoryStore();
    await seedWorkflow(store, []);
    return { store, workflow: createWorkflow({ store, clock: manualClock().now }) };
  }

  it('stores a new ticket at version 1 with normal priority, an empty checklist and no card copies, and audits submit then route', async () => {
    const { store, workflow } = await setUp();
    const ticket = await workflow.submit(access(), { ...people.requester, email: 'grace.adeyemi@nhs.net' });
    expect(ticket).toMatchObject({
      id: 'UCP-000001',
      kind: 'organisationAccess',
      state: 'awaitingIcsApproval',
      version: 1,
      priority: 'normal',
      checklist: {},
      cardCopies: [],
      createdAt: '2026-03-02T10:04:00.000Z',
      updatedAt: '2026-03-02T10:04:00.000Z',
      requester: { ...people.requester, email: 'grace.adeyemi@nhs.net' },
      lastAction: { verb: 'submit', by: people.requester, at: '2026-03-02T10:04:00.000Z' },
    });
    expect(await workflow.get(ticket.id)).toEqual(ticket);
    expect((await auditOf(store, ticket.id)).map((e) => ({ actor: e.actor, action: e.action, from: e.from, to: e.to, at: e.at }))).toEqual([
      { actor: people.requester.aadObjectId, action: 'submit', from: undefined, to: 'submitted', at: '2026-03-02T10:04:00.000Z' },
      { actor: 'system', action: 'route', from: 'submitted', to: 'awaitingIcsApproval', at: '2026-03-02T10:04:00.000Z' },
    ]);
  });

  it.each<[string, NewTicketInput, WorkflowTicket['state']]>([
    [
      'a London organisation not named in the DPIA goes to its ICS lead',
      access({ namedInDpia: false, location: 'london' }),
      'awaitingIcsApproval',
    ],
    [
      'an organisation commissioned to serve Londoners, not in the DPIA, goes to the ICS lead',
      access({ namedInDpia: false, location: 'commissioned' }),
      'awaitingIcsApproval',
    ],
    ['an organisation named in the DPIA goes to the helpdesk', access({ namedInDpia: true }), 'awaitingHelpdesk'],
    [
      'an organisation outside London needing its own DPIA goes to the helpdesk',
      access({ namedInDpia: false, location: 'outside' }),
      'awaitingHelpdesk',
    ],
    [
      'adding users goes to the helpdesk',
      { kind: 'addUsers', organisation: organisation({ namedInDpia: false }), users: staff },
      'awaitingHelpdesk',
    ],
    [
      'leavers go to the helpdesk',
      { kind: 'deactivateUsers', leavers: [{ name: 'Tom Whitfield', email: 'tom.whitfield@nhs.net', lastWorkingDay: '2026-02-27' }] },
      'awaitingHelpdesk',
    ],
    ['a question goes to the helpdesk', { kind: 'question', question: 'Can night staff log in from home?' }, 'awaitingHelpdesk'],
  ])('routes: %s', async (_name, input, state) => {
    const { workflow } = await setUp();
    expect((await workflow.submit(input, people.requester)).state).toBe(state);
  });

  it('numbers tickets in sequence and keeps counting after tickets are archived out of the live file', async () => {
    const { store, workflow } = await setUp();
    const first = await workflow.submit({ kind: 'question', question: 'One?' }, people.requester);
    const second = await workflow.submit({ kind: 'question', question: 'Two?', priority: 'high' }, people.requester);
    expect([first.id, second.id, second.priority]).toEqual(['UCP-000001', 'UCP-000002', 'high']);
    for (const { id } of [first, second]) {
      await workflow.act({ ticketId: id, verb: 'withdraw', actor: asPerson(people.requester) });
      await workflow.act({ ticketId: id, verb: 'close', actor: asSystem });
    }
    expect(await store.archiveClosedTickets()).toBe(2);
    expect(await store.tickets.count()).toBe(0);
    expect((await workflow.submit({ kind: 'question', question: 'Three?' }, people.requester)).id).toBe('UCP-000003');
  });

  it('never reuses an id still in the live file, even when the counter was lost', async () => {
    const store = await openMemoryStore();
    await seedWorkflow(store, [makeWorkflowTicket({ id: 'UCP-000041' })]);
    const workflow = createWorkflow({ store, clock: manualClock().now, newId: (n) => `UCP-${String(n).padStart(6, '0')}` });
    expect((await workflow.submit({ kind: 'question', question: 'Hello?' }, people.requester)).id).toBe('UCP-000042');
    expect((await workflow.submit({ kind: 'question', question: 'Again?' }, people.requester)).id).toBe('UCP-000043');
  });

  it('skips an id still in the live file when the counter was put back to an older value', async () => {
    const store = await openMemoryStore({ from: { ticketSequence: 4 } });
    await seedWorkflow(store, [makeWorkflowTicket({ id: 'UCP-000005' }), makeWorkflowTicket({ id: 'UCP-000006', kind: 'question' })]);
    const workflow = createWorkflow({ store, clock: manualClock().now });
    expect((await workflow.submit({ kind: 'question', question: 'Hello?' }, people.requester)).id).toBe('UCP-000007');
  });

  it('gives each of many simultaneous submissions its own id', async () => {
    const { workflow } = await setUp();
    const tickets = await Promise.all(
      Array.from({ length: 30 }, (_, i) => workflow.submit({ kind: 'question', question: `Question ${i}?` }, people.requester)),
    );
    expect(new Set(tickets.map((t) => t.id)).size).toBe(30);
  });

  it.each<[string, unknown, RegExp]>([
    ['an access request without its organisation', { kind: 'organisationAccess', users: staff }, /needs the organisation/],
    [
      'an access request without staff',
      { kind: 'organisationAccess', organisation: organisation(), users: [] },
      /at least one member of staff/,
    ],
    ['adding users with nobody to add', { kind: 'addUsers' }, /at least one member of staff/],
    ['a leavers request with no leavers', { kind: 'deactivateUsers', leavers: [] }, /at least one person/],
    ['an empty question', { kind: 'question', question: '   ' }, /type your question/],
    ['an unknown kind', { kind: 'pizza' }, /what kind of request/],
    ['a made-up priority', { kind: 'question', question: 'Hi?', priority: 'asap' }, /low, normal, high or urgent/],
    [
      'an organisation without its ICS',
      { kind: 'organisationAccess', organisation: { ...organisation(), icbCode: '' }, users: staff },
      /name, ODS code and ICS/,
    ],
    [
      'a staff member without an e-mail address',
      { kind: 'addUsers', users: [{ name: 'Sam', jobTitle: 'Nurse', role: 'Clinical' }] },
      /Staff member 1 needs/,
    ],
  ])('refuses %s with a plain message and stores nothing', async (_name, input, message) => {
    const { store, workflow } = await setUp();
    const error = await workflow.submit(input as NewTicketInput, people.requester).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect(await store.tickets.count()).toBe(0);
    expect(await auditOf(store)).toEqual([]);
  });

  it('refuses a requester without a Teams id', async () => {
    const { workflow } = await setUp();
    await expect(workflow.submit({ kind: 'question', question: 'Hi?' }, { aadObjectId: ' ' })).rejects.toThrow(ValidationError);
  });
});

describe('limits on what one request may carry', () => {
  it('refuses more than 500 people and over-long fields with a plain message, creating nothing', async () => {
    const store = await openMemoryStore();
    const workflow = createWorkflow({ store, clock: () => new Date('2026-03-02T10:00:00Z') });
    const { organisation } = makeWorkflowTicket();
    const person = (i: number) => ({
      name: `Person ${i}`,
      jobTitle: 'Health Care Assistant',
      role: 'Non-Clinical' as const,
      email: `p${i}@nhs.net`,
    });
    await expect(
      workflow.submit(
        { kind: 'organisationAccess', organisation, users: Array.from({ length: 501 }, (_, i) => person(i)) },
        people.requester,
      ),
    ).rejects.toThrow('One request can list at most 500 staff. Please split it into more than one request.');
    await expect(
      workflow.submit({ kind: 'organisationAccess', organisation, users: [{ ...person(1), name: 'x'.repeat(300) }] }, people.requester),
    ).rejects.toThrow("Staff member 1's name is too long");
    expect(await store.tickets.count()).toBe(0);
  });
});

describe('submitting the same request twice', () => {
  it('makes one ticket when the same Submit arrives twice at once, and answers both with it', async () => {
    const store = await openMemoryStore();
    const workflow = createWorkflow({ store, clock: () => new Date('2026-03-02T10:00:00Z') });
    const { kind, organisation, users } = makeWorkflowTicket();
    const input = { kind, organisation, users, submissionId: 'summary-7f3a' };
    const [first, second] = await Promise.all([workflow.submit(input, people.requester), workflow.submit(input, people.requester)]);
    expect(first.id).toBe(second.id);
    expect(await store.tickets.count()).toBe(1);
    expect((await auditOf(store)).filter((e) => e.action === 'submit')).toHaveLength(1);
    // Another Submit is another request (for another organisation: one organisation has one open access request).
    const other = await workflow.submit(
      { ...input, organisation: { ...organisation!, odsCode: 'VX9Z9' }, submissionId: 'summary-9c1b' },
      people.requester,
    );
    expect(other.id).not.toBe(first.id);
  });
});

describe('an organisation outside London', () => {
  it('may have no London ICS (a leavers request from a home in Kent), but a London one still needs its ICS', async () => {
    const store = await openMemoryStore();
    const workflow = createWorkflow({ store, clock: () => new Date('2026-03-02T10:00:00Z') });
    const kent = { odsCode: 'VKT01', name: 'Kent Coast Care', icbCode: '', location: 'outside' as const, namedInDpia: false };
    const leavers = [{ name: 'Tom Whitfield', email: 'tom@nhs.net', lastWorkingDay: '2026-02-27' }];
    await expect(workflow.submit({ kind: 'deactivateUsers', organisation: kent, leavers }, people.requester)).resolves.toMatchObject({
      state: 'awaitingHelpdesk',
      organisation: { icbCode: '' },
    });
    await expect(
      workflow.submit({ kind: 'deactivateUsers', organisation: { ...kent, location: 'london' }, leavers }, people.requester),
    ).rejects.toThrow('The organisation needs its name, ODS code and ICS.');
  });
});

describe('a submitted request on disk', () => {
  const folder = useStoreFolder();
  it('is in the live file once submit has answered, not only in memory', async () => {
    const store = await folder.open();
    const workflow = createWorkflow({ store, clock: manualClock().now });
    const ticket = await workflow.submit(access(), people.requester);
    const onDisk = JSON.parse(await readFile(folder.path('live.json'), 'utf8')) as { tickets: WorkflowTicket[] };
    expect(onDisk.tickets.find((t) => t.id === ticket.id)?.state).toBe('awaitingIcsApproval');
  });
});
