import { describe, expect, it } from '@jest/globals';
import { createNotifier, type Notifier } from '../../../bot/notify/notifier.js';
import { runSweep } from '../../../bot/reminders/sweep.js';
import { DEFAULT_THRESHOLDS } from '../../../bot/reminders/thresholds.js';
import { recordRequesterUpdate } from '../../../bot/tickets/requesterUpdates.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import type { Store } from '../../../data/store/store.js';
import { seedConversation, teamsReference } from '../notify/notifyFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { asPerson, makeWorkflowTicket, manualClock, people } from '../../fixtures/workflowFixtures.js';
import { calendar, recordingTeams, seedStore, storeWith, waitingSince } from './reminderFixtures.js';

const folder = useStoreFolder();
const fastRetry = { maxAttempts: 1, sleep: async () => undefined };

async function world(store: Store, start: string) {
  const clock = manualClock(start);
  const teams = recordingTeams();
  const notifier: Notifier = createNotifier({ store, teams, clock: clock.now, retry: fastRetry });
  const workflow = createWorkflow({
    store,
    clock: clock.now,
    withTransition: (tx, event) => recordRequesterUpdate(tx, event, clock.now()),
  });
  for (const person of [people.lead, people.secondLead, people.agent, people.requester]) {
    await seedConversation(
      store,
      `user:${person.aadObjectId}`,
      teamsReference('http://127.0.0.1:9/', `a:1on1-${person.aadObjectId}`, person.aadObjectId),
    );
  }
  await seedConversation(
    store,
    'conversation:19:helpdesk@thread.tacv2',
    teamsReference('http://127.0.0.1:9/', '19:helpdesk@thread.tacv2', ''),
  );
  const sweep = () => runSweep({ store, calendar, notifier, workflow, thresholds: DEFAULT_THRESHOLDS, clock: clock.now });
  return { clock, teams, notifier, workflow, sweep };
}

const reminderNotifications = async (store: Store) =>
  (await store.notifications.list()).filter((n) => n.key.startsWith('reminders:')).map((n) => ({ key: n.key, status: n.status }));

describe('the reminder sweep', () => {
  it('sends one digest per person listing all their due items, and nothing again on the next sweep', async () => {
    const a = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-02T09:00:00.000Z') });
    const b = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-02T11:00:00.000Z') });
    const store = await storeWith([a, b]);
    const { teams, sweep, clock } = await world(store, '2026-03-04T12:00:00.000Z');

    expect(await sweep()).toEqual({ digests: 2, reminders: 4, withdrawn: 0 });
    expect(teams.sent.map((s) => s.conversationId).sort()).toEqual(
      [`a:1on1-${people.lead.aadObjectId}`, `a:1on1-${people.secondLead.aadObjectId}`].sort(),
    );
    const text = String(teams.sent[0].activity.text);
    expect(text).toContain(a.id);
    expect(text).toContain(b.id);

    clock.set('2026-03-04T12:05:00.000Z');
    expect(await sweep()).toEqual({ digests: 0, reminders: 0, withdrawn: 0 });
    expect(teams.sent).toHaveLength(2);
  });

  it('does nothing outside working hours: what was due on Friday evening goes at 09:00 on Monday', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingHelpdesk', ...waitingSince('2026-03-06T13:00:00.000Z') });
    const store = await storeWith([ticket]);
    const { teams, sweep, clock } = await world(store, '2026-03-06T16:55:00.000Z');
    expect(await sweep()).toEqual({ digests: 0, reminders: 0, withdrawn: 0 });
    clock.set('2026-03-06T17:30:00.000Z');
    expect(await sweep()).toMatchObject({ skipped: 'outsideWorkingHours' });
    clock.set('2026-03-07T10:00:00.000Z');
    expect(await sweep()).toMatchObject({ skipped: 'outsideWorkingHours' });
    clock.set('2026-03-09T08:59:00.000Z');
    expect(await sweep()).toMatchObject({ skipped: 'outsideWorkingHours' });
    expect(teams.sent).toHaveLength(0);
    clock.set('2026-03-09T09:00:00.000Z');
    expect(await sweep()).toEqual({ digests: 1, reminders: 1, withdrawn: 0 });
    expect(teams.sent.map((s) => s.conversationId)).toEqual(['19:helpdesk@thread.tacv2']);
  });

  it('after a weekend of downtime catches up with one digest per person, not one message per missed day', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-02-23T09:00:00.000Z') });
    const store = await storeWith([ticket]);
    const { teams, sweep, clock } = await world(store, '2026-03-09T09:00:00.000Z');
    expect(await sweep()).toEqual({ digests: 3, reminders: 3, withdrawn: 0 });
    expect(teams.sent).toHaveLength(3);
    expect((await store.reminders.ticket(ticket.id))?.sent).toEqual({ icsApproval: 9, icsEscalation: 1 });
    clock.set('2026-03-09T16:00:00.000Z');
    expect(await sweep()).toEqual({ digests: 0, reminders: 0, withdrawn: 0 });
    clock.set('2026-03-10T09:00:00.000Z');
    expect(await sweep()).toEqual({ digests: 2, reminders: 2, withdrawn: 0 });
  });

  it('after a restart between recording and sending delivers the recorded digest once and repeats no reminder', async () => {
    // About a restart: a real data folder.
    let store = await folder.open();
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.agent }, ...waitingSince('2026-03-02T09:00:00.000Z') });
    await seedStore(store, [ticket]);
    const first = await world(store, '2026-03-04T10:00:00.000Z');
    // The process stops right after the update: the notifier is already stopping, so nothing is sent.
    await first.notifier.stop(0);
    expect(await first.sweep()).toEqual({ digests: 1, reminders: 1, withdrawn: 0 });
    expect(first.teams.sent).toHaveLength(0);
    expect(await reminderNotifications(store)).toEqual([
      { key: expect.stringContaining(`reminders:user:${people.agent.aadObjectId}:`), status: 'pending' },
    ]);
    await store.close();

    store = await folder.open();
    const second = await world(store, '2026-03-04T10:05:00.000Z');
    expect(await second.sweep()).toEqual({ digests: 0, reminders: 0, withdrawn: 0 });
    expect((await second.notifier.retryDue()).sent).toBe(1);
    expect((await second.notifier.retryDue()).sent).toBe(0);
    expect(second.teams.sent).toHaveLength(1);
    expect(String(second.teams.sent[0].activity.text)).toContain('is assigned to you');
    expect(await reminderNotifications(store)).toEqual([{ key: expect.any(String), status: 'sent' }]);
  });

  it('withdraws a request left unanswered for 10 working days, tells the requester once and forgets its reminders', async () => {
    const ticket = makeWorkflowTicket({ state: 'needsInformation', returnTo: 'assigned', ...waitingSince('2026-03-02T09:00:00.000Z') });
    const store = await storeWith([ticket]);
    const { sweep, clock, workflow, teams } = await world(store, '2026-03-04T09:00:00.000Z');
    expect(await sweep()).toEqual({ digests: 1, reminders: 1, withdrawn: 0 });
    clock.set('2026-03-16T09:00:00.000Z');
    expect(await sweep()).toEqual({ digests: 0, reminders: 0, withdrawn: 1 });
    await workflow.drain();
    expect(await store.tickets.get(ticket.id)).toMatchObject({ state: 'withdrawn', lastAction: { by: 'system' } });
    const notices = (await store.notifications.list()).filter((n) => n.key.startsWith(`${ticket.id}:withdraw:`));
    expect(notices).toHaveLength(1);
    expect(teams.sent.filter((s) => String(s.activity.text).includes('We have withdrawn'))).toHaveLength(0);
    clock.set('2026-03-16T09:05:00.000Z');
    await sweep();
    expect(await store.reminders.ticket(ticket.id)).toBeUndefined();
  });
});

describe('DSPT renewal reminders', () => {
  it('reminds the manager of an organisation whose status runs out on 30 June, on 1 May, once', async () => {
    const ticket = makeWorkflowTicket({ state: 'resolved', organisation: { ...makeWorkflowTicket().organisation!, odsCode: 'VN4K2' } });
    const store = await storeWith([ticket]);
    // "24/25 Standards Met" covers submissions due by 30 June 2025 and stays current until 30 June 2026.
    await store.transaction((tx) =>
      tx.reference.setDsptStatuses([{ odsCode: 'VN4K2', name: 'Rosewood Court Care Home', status: '24/25 Standards Met' }]),
    );
    const { teams, sweep, clock } = await world(store, '2026-05-01T09:30:00.000Z');
    expect(await sweep()).toMatchObject({ digests: 1, reminders: 1 });
    expect(teams.sent.map((s) => s.conversationId)).toEqual([`a:1on1-${people.requester.aadObjectId}`]);
    expect(String(teams.sent[0].activity.text)).toMatch(/Rosewood Court Care Home/);
    clock.set('2026-05-01T10:30:00.000Z');
    expect(await sweep()).toMatchObject({ digests: 0, reminders: 0 });
  });
});

describe('what restarts the waiting clock', () => {
  it('a priority change while the ICS decides does not restart it: the lead is still reminded on time', async () => {
    const ticket = makeWorkflowTicket({
      state: 'awaitingIcsApproval',
      ...waitingSince('2026-03-02T09:00:00.000Z'),
      stateEnteredAt: '2026-03-02T09:00:00.000Z',
    });
    const store = await storeWith([ticket]);
    const { teams, sweep, clock, workflow } = await world(store, '2026-03-04T08:00:00.000Z');
    // The helpdesk raises the priority on Wednesday morning, before the two working days are up.
    clock.set('2026-03-04T08:30:00.000Z');
    await workflow.act({ ticketId: ticket.id, verb: 'setPriority', priority: 'high', actor: asPerson(people.agent) });
    clock.set('2026-03-04T09:05:00.000Z');
    expect(await sweep()).toMatchObject({ digests: 2 });
    expect(teams.sent.map((s) => s.conversationId).sort()).toEqual(
      [`a:1on1-${people.lead.aadObjectId}`, `a:1on1-${people.secondLead.aadObjectId}`].sort(),
    );
  });
});
