import { describe, it, expect } from '@jest/globals';
import { bankHolidays } from '../../../data/reference/index.js';
import { createWorkingCalendar } from '../../../data/rules/workingHours.js';
import type { WorkflowTicket } from '../../../data/model.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { OPEN_STATES } from '../../../data/workflow/transitions.js';
import { DEFAULT_THRESHOLDS } from '../../../bot/reminders/thresholds.js';
import type { QueueFilters } from '../../../bot/web/helpdeskQueue.js';
import { parseSearch } from '../../../bot/web/queueSearch.js';
import { fullQueue, ticketQuery } from '../../../bot/web/queueTickets.js';
import { makeWorkflowTicket, people, workflowRosters } from '../../fixtures/workflowFixtures.js';

const calendar = createWorkingCalendar({ holidays: bankHolidays });
const NOW = new Date('2026-04-07T10:00:00.000Z');
const OPEN: QueueFilters = { state: 'open', ics: '', assignee: '' };

function ticket(id: string, state: WorkflowTicket['state'], icbCode: string, extra: Partial<WorkflowTicket> = {}): WorkflowTicket {
  const made = makeWorkflowTicket({ id, state, stateEnteredAt: '2026-04-02T15:00:00.000Z', ...extra });
  return { ...made, organisation: { ...made.organisation!, icbCode } };
}

const tickets = [
  ticket('UCP-000101', 'awaitingHelpdesk', 'QKK'),
  ticket('UCP-000102', 'assigned', 'QMF', { assignee: { aadObjectId: people.agent.aadObjectId } }),
  ticket('UCP-000103', 'resolved', 'QKK'),
  ticket('UCP-000104', 'closed', 'QMF'),
];

async function queueOf(filters: QueueFilters) {
  const store = await openMemoryStore({ from: { tickets, rosters: workflowRosters() } });
  await store.archiveClosedTickets();
  const queue = await fullQueue(store, calendar, NOW, DEFAULT_THRESHOLDS, filters);
  return { ids: queue.rows.map((row) => row.id).sort(), queue };
}

describe("the queue's tickets, read through the store's queries", () => {
  it('asks the store for the state, ICS and assignee chosen, and the digits of a "UCP 123" search', () => {
    expect(ticketQuery({ state: 'open', ics: 'QMF', assignee: 'aad-1', search: parseSearch('UCP 10') })).toEqual({
      states: OPEN_STATES,
      ics: 'QMF',
      assignee: 'aad-1',
      idContains: '10',
    });
    expect(ticketQuery({ state: 'resolved', ics: '', assignee: '' })).toEqual({ states: ['resolved'] });
  });

  it('leaves "nobody assigned" and the words of a search to the queue, which the store has no query for', () => {
    expect(ticketQuery({ state: 'all', ics: '', assignee: 'unassigned', search: parseSearch('rosewood') })).toEqual({});
  });

  it('shows open tickets by default, narrowed by ICS, assignee or nobody assigned', async () => {
    expect((await queueOf(OPEN)).ids).toEqual(['UCP-000101', 'UCP-000102']);
    expect((await queueOf({ ...OPEN, ics: 'QKK' })).ids).toEqual(['UCP-000101']);
    expect((await queueOf({ ...OPEN, assignee: people.agent.aadObjectId })).ids).toEqual(['UCP-000102']);
    expect((await queueOf({ ...OPEN, assignee: 'unassigned' })).ids).toEqual(['UCP-000101']);
  });

  it('adds archived tickets, marked as such, when the state filter can show finished ones', async () => {
    const { ids, queue } = await queueOf({ state: 'all', ics: 'QMF', assignee: '' });
    expect(ids).toEqual(['UCP-000102', 'UCP-000104']);
    expect(queue.searchedArchive).toBe(true);
    expect(queue.rows.find((row) => row.id === 'UCP-000104')?.archived).toBe(true);
  });

  it('finds a ticket by the digits of its number, live or archived', async () => {
    expect((await queueOf({ state: 'all', ics: '', assignee: '', search: parseSearch('UCP 104') })).ids).toEqual(['UCP-000104']);
    expect((await queueOf({ ...OPEN, search: parseSearch('UCP 104') })).ids).toEqual([]);
  });
});
