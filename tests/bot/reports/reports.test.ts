import { describe, expect, it } from '@jest/globals';
import { createWorkingCalendar } from '../../../data/rules/workingHours.js';
import { bankHolidays } from '../../../data/reference/index.js';
import { decisions, roleOf } from '../../../bot/reports/decisions.js';
import { requestsByIcs } from '../../../bot/reports/requestsByIcs.js';
import { reportFilters, reportTime } from '../../../bot/reports/reportWindow.js';
import { unreachableManagers, unreachableWhy } from '../../../bot/reports/unreachableManagers.js';
import { managers, reportConversations, reportNotifications, reportTickets } from '../../helpers/reportFixtures.js';
import { makeWorkflowTicket, people, workflowRosters } from '../../fixtures/workflowFixtures.js';

const calendar = createWorkingCalendar({ holidays: bankHolidays });
const everything = reportFilters({});

describe('requests by ICS and state', () => {
  it('counts working hours only: a request received on Thursday 2 April 2026 at 16:00 has waited 9 hours by Tuesday 7 April at 09:00 (Good Friday and Easter Monday are bank holidays)', () => {
    const ticket = makeWorkflowTicket({
      id: 'UCP-810001',
      state: 'awaitingHelpdesk',
      createdAt: '2026-04-02T15:00:00.000Z',
      stateEnteredAt: '2026-04-02T15:00:00.000Z',
    });
    const [row] = requestsByIcs([ticket], everything, calendar, new Date('2026-04-07T09:00:00.000Z'), 8).rows;
    // Thu 16:00-17:00 BST (1 hour), then Tue 10:00 BST is 09:00Z: Tue 09:00-10:00 BST (1 hour).
    expect([row.hoursInState, row.hoursInAll]).toEqual([2, 2]);
  });

  it('gives a finished request no wait in its state, and its hours in all up to when it finished', () => {
    const [row] = requestsByIcs(
      reportTickets().filter((t) => t.id === 'UCP-800003'),
      everything,
      calendar,
      new Date('2026-03-20T12:00:00Z'),
      8,
    ).rows;
    expect([row.stateLabel, row.hoursInState, row.hoursInAll]).toEqual(['Resolved', null, 20]);
  });

  it("counts an assigned request's wait from when it was assigned, not from its last tick", () => {
    const ticket = makeWorkflowTicket({
      state: 'assigned',
      stateEnteredAt: '2026-03-02T09:00:00.000Z',
      lastAction: { by: people.agent, at: '2026-03-03T09:00:00.000Z', verb: 'tick' },
    });
    expect(requestsByIcs([ticket], everything, calendar, new Date('2026-03-04T09:00:00Z'), 8).rows[0].hoursInState).toBe(16);
  });

  it('counts requests per ICS and state, and a question with no organisation under "No ICS"', () => {
    const question = makeWorkflowTicket({ id: 'UCP-810002', kind: 'question', state: 'awaitingHelpdesk', organisation: undefined });
    const report = requestsByIcs([...reportTickets(), question], everything, calendar, new Date('2026-03-20T12:00:00Z'), 8);
    expect(report.counts.map((c) => [c.ics, c.stateLabel, c.count])).toEqual([
      ['No ICS', 'Waiting for the helpdesk', 1],
      ['North Central London', 'Waiting for ICS approval', 1],
      ['North Central London', 'Resolved', 1],
      ['South East London', 'Waiting for the helpdesk', 1],
      ['South East London', 'Assigned', 1],
      ['South East London', 'Closed', 1],
    ]);
  });
});

describe('the report window', () => {
  it('reads dates as London days, both included: 1 April 2026 (summer time) starts at 23:00 UTC the evening before', () => {
    expect(reportFilters({ from: '2026-04-01', to: '2026-04-01' }).window).toEqual({
      from: '2026-03-31T23:00:00.000Z',
      to: '2026-04-01T23:00:00.000Z',
    });
  });

  it('writes times as London clocks show them, in summer time too', () => {
    expect([reportTime('2026-03-10T10:05:00.000Z'), reportTime('2026-04-01T08:30:00.000Z'), reportTime('not a time')]).toEqual([
      '2026-03-10 10:05',
      '2026-04-01 09:30',
      'Not recorded',
    ]);
  });

  it('takes an ICS by code, short name or name', () => {
    expect(['QKK', 'SEL', 'South East London', 'NHS South East London ICB'].map((ics) => reportFilters({ ics }).icbCode)).toEqual([
      'QKK',
      'QKK',
      'QKK',
      'QKK',
    ]);
  });
});

describe('decisions', () => {
  it.each([
    ['approve', 'awaitingIcsApproval', 'aad-someone', 'icsLead'],
    ['reject', 'awaitingIcsApproval', 'aad-someone', 'icsLead'],
    ['reject', 'assigned', 'aad-someone', 'helpdeskAgent'],
    ['withdraw', 'assigned', 'aad-someone', 'requester'],
    ['withdraw', 'needsInformation', 'system', 'system'],
    ['close', 'resolved', 'aad-someone', 'helpdeskAgent'],
    ['escalate', 'assigned', 'system', 'system'],
    ['requestInformation', 'awaitingIcsApproval', 'aad-someone', 'icsLead'],
    ['requestInformation', 'assigned', 'aad-someone', 'helpdeskAgent'],
    // An ICS lead's request for information recorded before it and the helpdesk's became one verb.
    ['askForInformation', 'awaitingIcsApproval', 'aad-someone', 'icsLead'],
    ['notAVerb', 'assigned', 'aad-someone', undefined],
  ])('reads the role of %s from %s by %s from the transition table: %s', (action, from, actor, role) => {
    expect(roleOf({ action, from, actor })).toBe(role);
  });

  it('names people from any ticket or roster that knows them, and never writes "undefined" for someone nobody names', () => {
    const ticket = makeWorkflowTicket({ id: 'UCP-810003', requester: { aadObjectId: 'aad-nameless' } });
    const rows = decisions(
      [
        {
          id: '1',
          at: '2026-03-02T10:00:00.000Z',
          actor: people.requester.aadObjectId,
          action: 'withdraw',
          ticketId: 'UCP-810003',
          from: 'assigned',
          to: 'withdrawn',
        },
        {
          id: '2',
          at: '2026-03-02T11:00:00.000Z',
          actor: 'aad-nameless',
          action: 'withdraw',
          ticketId: 'UCP-810003',
          from: 'assigned',
          to: 'withdrawn',
        },
        {
          id: '3',
          at: '2026-03-02T12:00:00.000Z',
          actor: people.agent.aadObjectId,
          action: 'assign',
          ticketId: 'UCP-404404',
          from: 'awaitingHelpdesk',
          to: 'assigned',
        },
      ],
      new Map([
        [ticket.id, ticket],
        ['UCP-800001', reportTickets()[0]],
      ]),
      workflowRosters(),
      everything,
    );
    expect(rows.map((r) => [r.who, r.role, r.ics])).toEqual([
      ['Grace Adeyemi', 'Care home (requester)', 'South East London'],
      ['Someone not on a roster', 'Care home (requester)', 'South East London'],
      ['Alex Agent', 'UCP helpdesk', 'Not known (the request was not found)'],
    ]);
    expect(JSON.stringify(rows)).not.toContain('undefined');
  });
});

describe('decisions recorded under a former name', () => {
  it("still lists an ICS lead's askForInformation as a decision, worded like a request for information today", () => {
    const ticket = makeWorkflowTicket({ id: 'UCP-810004' });
    const rows = decisions(
      [
        {
          id: '1',
          at: '2026-03-02T10:00:00.000Z',
          actor: people.lead.aadObjectId,
          action: 'askForInformation',
          ticketId: ticket.id,
          from: 'awaitingIcsApproval',
          to: 'needsInformation',
          reason: 'Which borough?',
        },
        {
          id: '2',
          at: '2026-03-02T11:00:00.000Z',
          actor: people.lead.aadObjectId,
          action: 'requestInformation',
          ticketId: ticket.id,
          from: 'awaitingIcsApproval',
          to: 'needsInformation',
          reason: 'Which borough?',
        },
      ],
      new Map([[ticket.id, ticket]]),
      workflowRosters(),
      everything,
    );
    expect(rows.map((r) => [r.decision, r.role])).toEqual([
      ['Sent back for more information', 'South East London governance lead'],
      ['Sent back for more information', 'South East London governance lead'],
    ]);
  });
});

describe('managers the bot cannot reach', () => {
  it.each([
    ['teams:http-403 email:smtp-550', true, 'Teams says the app is uninstalled or blocked; the mail server refused the e-mail (code 550).'],
    [
      'teams:http-404 email:ECONNREFUSED',
      true,
      'Teams says the chat with the bot no longer exists; the e-mail could not be sent (ECONNREFUSED).',
    ],
    [
      'teams:http-403 email:smtp-421',
      true,
      'Teams says the app is uninstalled or blocked; the mail server turned the e-mail away for now (code 421); it is tried again.',
    ],
    ['teams:http-403', false, 'Teams says the app is uninstalled or blocked; no e-mail address is known for them.'],
    [
      'teams:http-403',
      true,
      'Teams says the app is uninstalled or blocked; e-mail could not be tried (the service has no mail server set up).',
    ],
    [
      'teams:conversation-unusable email:smtp-550',
      true,
      'Teams refused an earlier message (the app was uninstalled or blocked), so Teams is no longer tried; the mail server refused the e-mail (code 550).',
    ],
    ['teams:http-429 email:smtp-550', true, undefined],
    ['teams:http-503', false, undefined],
    ['teams:no-conversation', false, undefined],
    [undefined, true, undefined],
  ])('reads the recorded failure %j (e-mail address known: %s) as %j', (lastError, hasEmail, why) => {
    expect(unreachableWhy(lastError, hasEmail)).toBe(why);
  });

  it('leaves out a manager who has talked to the bot again since the failed try', () => {
    const back = reportConversations().map((c) =>
      c.key === `user:${managers.grace.aadObjectId}` ? { ...c, usable: true, updatedAt: '2026-03-09T12:00:00.000Z' } : c,
    );
    expect(unreachableManagers(reportNotifications(), back, reportTickets(), everything).map((r) => r.name)).toEqual(['Mo Manager']);
  });

  it('leaves out a manager whose latest message arrived, even when an older one failed', () => {
    const older = { ...reportNotifications()[0], key: 'UCP-800001:old', lastAttemptAt: '2026-03-01T10:00:00.000Z' };
    const delivered = { ...reportNotifications()[0], status: 'sent' as const, via: 'email' as const, lastError: undefined };
    expect(unreachableManagers([older, delivered], reportConversations(), reportTickets(), everything)).toEqual([]);
  });

  it('lists only care home managers, not ICS leads or channels the bot also writes to', () => {
    const toLead = { ...reportNotifications()[0], key: 'digest:lead', recipient: { aadObjectId: people.lead.aadObjectId } };
    expect(unreachableManagers([toLead], [], reportTickets(), everything)).toEqual([]);
  });

  it('narrows to the managers of one ICS', () => {
    const rows = unreachableManagers(reportNotifications(), reportConversations(), reportTickets(), reportFilters({ ics: 'NCL' }));
    expect(rows.map((r) => r.name)).toEqual(['Mo Manager']);
  });
});
