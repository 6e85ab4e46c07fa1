import { describe, expect, it } from '@jest/globals';
import { dueReminders } from '../../../bot/reminders/dueReminders.js';
import { DEFAULT_THRESHOLDS } from '../../../bot/reminders/thresholds.js';
import { makeWorkflowTicket, people } from '../../fixtures/workflowFixtures.js';
import { calendar, liveWith, waitingSince } from './reminderFixtures.js';

const due = (tickets: Parameters<typeof liveWith>[0], at: string, extra = {}) =>
  dueReminders(liveWith(tickets, extra), calendar, new Date(at), DEFAULT_THRESHOLDS);
const kinds = (tickets: Parameters<typeof liveWith>[0], at: string) => due(tickets, at).reminders.map((r) => `${r.kind}:${r.ordinal}`);

describe('what is due, counted in working hours', () => {
  it('reminds the ICS leads after 2 working days, counting no weekend (Thursday 10:00 → Monday 10:00)', () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-05T10:00:00.000Z') });
    expect(kinds([ticket], '2026-03-06T16:59:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-03-08T12:00:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-03-09T09:59:00.000Z')).toEqual([]);
    const [reminder] = due([ticket], '2026-03-09T10:00:00.000Z').reminders;
    expect(reminder).toMatchObject({ kind: 'icsApproval', ordinal: 1, key: `${ticket.id}:icsApproval:1` });
    expect(reminder.recipients.map((r) => (r.kind === 'person' ? r.aadObjectId : r.conversationKey))).toEqual([
      people.lead.aadObjectId,
      people.secondLead.aadObjectId,
    ]);
    expect(reminder.text).toContain('Rosewood Court Care Home (VN4K2) has been waiting 2 working days for your ICS onboarding approval');
  });

  it('reminds again each working day and escalates to the helpdesk channel after 5, naming the ICS', () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-02T09:00:00.000Z') });
    expect(kinds([ticket], '2026-03-05T09:30:00.000Z')).toEqual(['icsApproval:2']);
    expect(kinds([ticket], '2026-03-06T16:59:00.000Z')).toEqual(['icsApproval:3']);
    const monday = due([ticket], '2026-03-09T09:00:00.000Z').reminders;
    expect(monday.map((r) => `${r.kind}:${r.ordinal}`)).toEqual(['icsApproval:4', 'icsEscalation:1']);
    expect(monday[1].recipients).toEqual([{ kind: 'channel', conversationKey: 'conversation:19:helpdesk@thread.tacv2' }]);
    expect(monday[1].text).toContain('South East London');
  });

  it('counts real hours over the spring clock change (29 March 2026): due at 16:00 BST on the Tuesday, not an hour off', () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-27T16:00:00.000Z') });
    expect(kinds([ticket], '2026-03-31T14:59:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-03-31T15:00:00.000Z')).toEqual(['icsApproval:1']);
  });

  it('counts real hours over the autumn clock change (25 October 2026): due at 16:00 GMT on the Tuesday', () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-10-23T15:00:00.000Z') });
    expect(kinds([ticket], '2026-10-27T15:59:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-10-27T16:00:00.000Z')).toEqual(['icsApproval:1']);
  });

  it('skips Christmas 2026 (25 and 28 December are bank holidays): Christmas Eve 10:00 falls due on 30 December at 10:00', () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-12-24T10:00:00.000Z') });
    expect(kinds([ticket], '2026-12-29T16:59:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-12-30T09:59:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-12-30T10:00:00.000Z')).toEqual(['icsApproval:1']);
  });

  it('tells the helpdesk channel about an unassigned ticket after 4 working hours, across the weekend', () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk', ...waitingSince('2026-03-06T14:30:00.000Z') });
    expect(kinds([ticket], '2026-03-06T16:59:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-03-09T10:29:00.000Z')).toEqual([]);
    expect(kinds([ticket], '2026-03-09T10:30:00.000Z')).toEqual(['unassigned:1']);
  });

  it('reminds the assignee after 2 working days without action, then escalates to the helpdesk channel after 4', () => {
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.agent }, ...waitingSince('2026-03-02T09:00:00.000Z') });
    expect(kinds([ticket], '2026-03-03T16:59:00.000Z')).toEqual([]);
    const reminder = due([ticket], '2026-03-04T09:00:00.000Z').reminders;
    expect(reminder.map((r) => r.kind)).toEqual(['assigneeReminder']);
    expect(reminder[0].recipients).toEqual([{ kind: 'person', aadObjectId: people.agent.aadObjectId }]);
    expect(kinds([ticket], '2026-03-06T09:00:00.000Z')).toEqual(['assigneeReminder:1', 'assignedEscalation:1']);
  });

  it('nudges the requester after 2 working days unanswered and withdraws after 10 (no nudge then)', () => {
    const ticket = makeWorkflowTicket({ state: 'needsInformation', ...waitingSince('2026-03-02T09:00:00.000Z') });
    const nudge = due([ticket], '2026-03-04T09:00:00.000Z');
    expect(nudge.reminders.map((r) => r.kind)).toEqual(['requesterNudge']);
    expect(nudge.reminders[0].recipients).toEqual([
      { kind: 'person', aadObjectId: people.requester.aadObjectId, email: 'grace.adeyemi@nhs.net' },
    ]);
    expect(nudge.withdrawals).toEqual([]);
    expect(due([ticket], '2026-03-13T16:59:00.000Z').withdrawals).toEqual([]);
    const late = due([ticket], '2026-03-16T09:00:00.000Z');
    expect(late.withdrawals.map((w) => w.ticketId)).toEqual([ticket.id]);
    expect(late.reminders).toEqual([]);
  });

  it('reminds requesters of organisations whose DSPT status ends this year on 1 May, 1 June and 23 June, never after 30 June', () => {
    const ticket = makeWorkflowTicket({ state: 'resolved' });
    const statuses = {
      dsptStatuses: [
        { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', status: '24/25 Standards Met' },
        { odsCode: 'VZZ99', name: 'Nobody Asked House', status: '24/25 Standards Met' },
        { odsCode: 'VN4K3', name: 'Renewed House', status: '25/26 Standards Met' },
      ],
    };
    const at = (iso: string) => due([ticket], iso, statuses).reminders.map((r) => `${r.kind}:${r.odsCode}:${r.ordinal}`);
    expect(at('2026-04-30T10:00:00.000Z')).toEqual([]);
    expect(at('2026-05-01T09:00:00.000Z')).toEqual(['dsptRenewal:VN4K2:1']);
    expect(at('2026-06-01T09:00:00.000Z')).toEqual(['dsptRenewal:VN4K2:2']);
    expect(at('2026-06-23T09:00:00.000Z')).toEqual(['dsptRenewal:VN4K2:3']);
    expect(at('2026-07-01T09:00:00.000Z')).toEqual([]);
    expect(due([ticket], '2026-05-01T09:00:00.000Z', statuses).reminders[0].text).toContain('runs out on 30 June 2026');
  });
});
