import { describe, it, expect } from '@jest/globals';
import { bankHolidays } from '../../../data/reference/index.js';
import { createWorkingCalendar } from '../../../data/rules/workingHours.js';
import { DEFAULT_THRESHOLDS } from '../../../bot/reminders/thresholds.js';
import { helpdeskQueue, isKnownStateFilter, type QueueFilters } from '../../../bot/web/helpdeskQueue.js';
import { ageText } from '../../../bot/web/tabWording.js';
import { makeWorkflowTicket, people, workflowRosters } from '../../fixtures/workflowFixtures.js';

const calendar = createWorkingCalendar({ holidays: bankHolidays });
const ALL: QueueFilters = { state: 'open', ics: '', assignee: '' };
// Tuesday 7 April 2026, 11:00 London (BST): Good Friday and Easter Monday (3 and 6 April) were bank holidays.
const NOW = new Date('2026-04-07T10:00:00.000Z');

describe('the helpdesk queue', () => {
  it('counts the wait in working hours, skipping the Easter weekend and its bank holidays', () => {
    // Thursday 2 April 16:00 London: 1 hour that day, then 2 hours on Tuesday morning.
    const ticket = makeWorkflowTicket({ id: 'UCP-1', state: 'awaitingHelpdesk', stateEnteredAt: '2026-04-02T15:00:00.000Z' });
    const [row] = helpdeskQueue([ticket], [], calendar, NOW, DEFAULT_THRESHOLDS, ALL).rows;
    expect(row.ageWorkingHours).toBe(3);
    expect(row.ageText).toBe('3 working hours');
  });

  it('marks a ticket overdue once it passes the first reminder threshold of its state, and lists overdue tickets first', () => {
    const tickets = [
      // Waited 3 working hours for the ICS: under the 16-hour reminder.
      makeWorkflowTicket({ id: 'UCP-ics', state: 'awaitingIcsApproval', stateEnteredAt: '2026-04-02T15:00:00.000Z' }),
      // Unassigned for half an hour: under the 4-hour threshold.
      makeWorkflowTicket({ id: 'UCP-new', state: 'awaitingHelpdesk', stateEnteredAt: '2026-04-07T09:30:00.000Z' }),
      // Unassigned since Wednesday 1 April 09:00: 8 + 8 + 2 = 18 working hours, past 4.
      makeWorkflowTicket({ id: 'UCP-old', state: 'awaitingHelpdesk', stateEnteredAt: '2026-04-01T08:00:00.000Z' }),
    ];
    const rows = helpdeskQueue(tickets, [], calendar, NOW, DEFAULT_THRESHOLDS, ALL).rows;
    expect(rows.map((r) => [r.id, r.overdue, r.overdueAfterHours])).toEqual([
      ['UCP-old', true, 4],
      ['UCP-ics', false, 16],
      ['UCP-new', false, 4],
    ]);
  });

  it("counts an assigned ticket from its assignee's last action, as the reminders do", () => {
    const ticket = makeWorkflowTicket({
      id: 'UCP-a',
      state: 'assigned',
      assignee: { ...people.agent },
      stateEnteredAt: '2026-03-02T09:00:00.000Z',
      lastAction: { by: { ...people.agent }, at: '2026-04-07T09:00:00.000Z', verb: 'tick' },
    });
    const [row] = helpdeskQueue([ticket], [], calendar, NOW, DEFAULT_THRESHOLDS, ALL).rows;
    expect([row.ageWorkingHours, row.overdue]).toEqual([1, false]);
  });

  it('filters by state, ICS and assignee, and names the assignee from the roster', () => {
    const tickets = [
      makeWorkflowTicket({ id: 'UCP-qkk', state: 'awaitingHelpdesk' }),
      makeWorkflowTicket({
        id: 'UCP-qmf',
        state: 'assigned',
        assignee: { aadObjectId: people.agent.aadObjectId },
        organisation: { ...makeWorkflowTicket().organisation!, icbCode: 'QMF' },
      }),
      makeWorkflowTicket({ id: 'UCP-done', state: 'resolved' }),
    ];
    const ids = (filters: Partial<QueueFilters>) =>
      helpdeskQueue(tickets, workflowRosters(), calendar, NOW, DEFAULT_THRESHOLDS, { ...ALL, ...filters })
        .rows.map((r) => r.id)
        .sort();
    expect(ids({})).toEqual(['UCP-qkk', 'UCP-qmf']);
    expect(ids({ state: 'all' })).toEqual(['UCP-done', 'UCP-qkk', 'UCP-qmf']);
    expect(ids({ state: 'resolved' })).toEqual(['UCP-done']);
    expect(ids({ ics: 'QMF' })).toEqual(['UCP-qmf']);
    expect(ids({ assignee: 'unassigned' })).toEqual(['UCP-qkk']);
    expect(ids({ assignee: people.agent.aadObjectId })).toEqual(['UCP-qmf']);
    const view = helpdeskQueue(tickets, workflowRosters(), calendar, NOW, DEFAULT_THRESHOLDS, { ...ALL, ics: 'QMF' });
    expect(view.rows[0].assignee).toEqual({ id: people.agent.aadObjectId, name: 'Alex Agent' });
    expect(view.filters.assignees.map((o) => o.label)).toEqual(['Anyone', 'Nobody yet', 'Alex Agent', 'Bea Agent']);
  });

  it('accepts only the state filters it knows', () => {
    expect(['open', 'all', 'assigned', 'needsInformation'].every(isKnownStateFilter)).toBe(true);
    expect(['', 'toString', '__proto__', 'Assigned'].some(isKnownStateFilter)).toBe(false);
  });

  it('says how long a ticket has waited in words', () => {
    expect([0.5, 1, 5, 8, 9, 16, 19].map((h) => ageText(h, 8))).toEqual([
      'Under 1 working hour',
      '1 working hour',
      '5 working hours',
      '1 working day',
      '1 working day 1 hour',
      '2 working days',
      '2 working days 3 hours',
    ]);
  });
});
