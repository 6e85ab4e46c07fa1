/** The ticket queries every store answers: by id, by each field of TicketQuery, paged, counted and streamed; always copies. */
import { describe, expect, it } from '@jest/globals';
import type { TicketOrganisation, WorkflowTicket } from '../../../../data/model.js';
import type { TicketQuery } from '../../../../data/store/records.js';
import { collect, ids, seed, ticket, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

const grace = { aadObjectId: 'aad-grace', name: 'Grace' };
const bob = { aadObjectId: 'aad-bob', name: 'Bob' };
const alex = { aadObjectId: 'aad-alex', name: 'Alex' };

function organisation(odsCode: string, icbCode: string): TicketOrganisation {
  return { odsCode, icbCode, name: `Home ${odsCode}`, location: 'london', namedInDpia: true };
}

/** Four live tickets, each differing from the others in the fields the queries look at. */
function fourTickets(): WorkflowTicket[] {
  return [
    ticket(1, {
      state: 'awaitingIcsApproval',
      kind: 'organisationAccess',
      organisation: organisation('VN4K2', 'QKK'),
      requester: grace,
      submissionId: 'submit-1',
      stateEnteredAt: '2026-03-02T09:00:00.000Z',
    }),
    ticket(2, {
      state: 'assigned',
      kind: 'addUsers',
      organisation: organisation('AB123', 'QMF'),
      requester: bob,
      assignee: alex,
      stateEnteredAt: '2026-03-02T11:00:00.000Z',
    }),
    // No stateEnteredAt (an older ticket): its last update stands in.
    ticket(3, {
      state: 'awaitingHelpdesk',
      kind: 'question',
      organisation: organisation('vn4 k2', 'QKK'),
      requester: bob,
      updatedAt: '2026-03-02T08:00:00.000Z',
    }),
    ticket(4, {
      state: 'resolved',
      kind: 'organisationAccess',
      organisation: organisation('XY999', 'QMF'),
      requester: grace,
      assignee: alex,
      stateEnteredAt: '2026-03-02T10:00:00.000Z',
    }),
  ];
}

const queries: [string, TicketQuery, string[]][] = [
  ['no query', {}, ['T-0001', 'T-0002', 'T-0003', 'T-0004']],
  ['states', { states: ['assigned', 'resolved'] }, ['T-0002', 'T-0004']],
  ['an empty list of states', { states: [] }, []],
  ['kind', { kind: 'organisationAccess' }, ['T-0001', 'T-0004']],
  ['ics', { ics: 'QMF' }, ['T-0002', 'T-0004']],
  ['assignee', { assignee: 'aad-alex' }, ['T-0002', 'T-0004']],
  ['requester', { requester: 'aad-bob' }, ['T-0002', 'T-0003']],
  ['odsCode as stored', { odsCode: 'VN4K2' }, ['T-0001', 'T-0003']],
  ['odsCode in another case and spacing', { odsCode: ' vn4K 2 ' }, ['T-0001', 'T-0003']],
  ['submissionId', { submissionId: 'submit-1' }, ['T-0001']],
  [
    'stateEnteredBefore (the last update standing in where the field is missing)',
    { stateEnteredBefore: '2026-03-02T10:00:00.000Z' },
    ['T-0001', 'T-0003'],
  ],
  ['several fields, all of which must match', { ics: 'QMF', assignee: 'aad-alex', states: ['resolved'] }, ['T-0004']],
  ['a value no ticket has', { requester: 'aad-nobody' }, []],
];

describe.each(IMPLEMENTATIONS)('tickets in the $name store', (implementation) => {
  const stores = useStores(implementation);

  async function storeWithFour() {
    const store = await stores.open();
    await seed(store, fourTickets());
    return store;
  }

  it('finds a live ticket by id, exactly as it was stored, and nothing for an unknown id', async () => {
    const store = await storeWithFour();
    expect(await store.tickets.get('T-0002')).toEqual(fourTickets()[1]);
    expect(await store.tickets.get('T-9999')).toBeUndefined();
  });

  it.each(queries)('lists, counts and streams the live tickets matching %s, oldest first', async (_name, query, expected) => {
    const store = await storeWithFour();
    expect(ids(await store.tickets.list(query))).toEqual(expected);
    expect(await store.tickets.count(query)).toBe(expected.length);
    expect(ids(await collect(store.tickets.stream(query)))).toEqual(expected);
  });

  it('lists every live ticket, oldest first, when asked for no query at all', async () => {
    const store = await storeWithFour();
    expect(await store.tickets.list()).toEqual(fourTickets());
    expect(await store.tickets.count()).toBe(4);
    expect(await collect(store.tickets.stream())).toEqual(fourTickets());
  });

  it('pages through a result in order: offset records skipped, at most limit returned', async () => {
    const store = await storeWithFour();
    expect(ids(await store.tickets.list({}, { limit: 3 }))).toEqual(['T-0001', 'T-0002', 'T-0003']);
    expect(ids(await store.tickets.list({}, { offset: 2, limit: 3 }))).toEqual(['T-0003', 'T-0004']);
    expect(ids(await store.tickets.list({ requester: 'aad-bob' }, { offset: 1, limit: 1 }))).toEqual(['T-0003']);
    expect(await store.tickets.list({}, { offset: 4, limit: 2 })).toEqual([]);
  });

  it('keeps the order tickets were first stored in when a ticket is updated later', async () => {
    const store = await storeWithFour();
    const first = (await store.tickets.get('T-0001'))!;
    await store.transaction((tx) => tx.tickets.update({ ...first, version: 2, state: 'awaitingHelpdesk' }, 1));
    expect(ids(await store.tickets.list())).toEqual(['T-0001', 'T-0002', 'T-0003', 'T-0004']);
  });

  it('streams a result of many tickets whole and in order', async () => {
    const store = await stores.open();
    const many = Array.from({ length: 1200 }, (_, i) => ticket(i + 1, { state: i % 3 === 0 ? 'assigned' : 'awaitingHelpdesk' }));
    await seed(store, many);
    const streamed = ids(await collect(store.tickets.stream({ states: ['assigned'] })));
    expect(streamed).toEqual(ids(many.filter((t) => t.state === 'assigned')));
    expect(await store.tickets.count({ states: ['assigned'] })).toBe(400);
    expect(ids(await store.tickets.list({ states: ['assigned'] }, { offset: 390, limit: 20 }))).toEqual(streamed.slice(390));
  });

  it('hands out copies: changing what get, list or stream returned never changes the store', async () => {
    const store = await storeWithFour();
    const got = (await store.tickets.get('T-0001'))!;
    got.state = 'closed';
    got.organisation!.odsCode = 'CHANGED';
    const [listed] = await store.tickets.list({ requester: 'aad-grace' });
    listed.checklist.odsVerified = { by: 'system', at: '2026-03-02T12:00:00.000Z' };
    for await (const streamed of store.tickets.stream())
      streamed.cardCopies.push({ audience: 'helpdesk', conversationKey: 'c', activityId: 'a' });

    expect(await store.tickets.list()).toEqual(fourTickets());
  });

  it('keeps what it stored apart from the object it was given: changing that object later changes nothing', async () => {
    const store = await stores.open();
    const given = ticket(1);
    await store.transaction(async (tx) => {
      await tx.tickets.insert(given);
      given.state = 'withdrawn';
    });
    given.requester.aadObjectId = 'aad-someone-else';
    expect(await store.tickets.get('T-0001')).toEqual(ticket(1));
  });
});
