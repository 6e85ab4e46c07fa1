import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../../../bot/log.js';
import { startReminderScheduler } from '../../../bot/reminders/scheduler.js';
import { directorySweepLock } from '../../../bot/reminders/sweepLock.js';
import { storeCalendar } from '../../../bot/storeCalendar.js';
import { ensureChannelConversation } from '../../../bot/tickets/channels.js';
import { runSweep } from '../../../bot/reminders/sweep.js';
import { createTicketCards } from '../../../bot/tickets/ticketCards.js';
import { DEFAULT_THRESHOLDS, loadReminderThresholds, type ReminderThresholds } from '../../../bot/reminders/thresholds.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { helpdeskQueue } from '../../../bot/web/helpdeskQueue.js';
import { ticketDetail } from '../../../bot/web/ticketDetail.js';
import { buildTicketCard } from '../../../cards/ticketCard.js';
import type { AuditEvent, WorkflowTicket } from '../../../data/model.js';
import type { Store } from '../../../data/store/store.js';
import { allStrings } from '../../cards/cardFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { asPerson, makeWorkflowTicket, manualClock, people, workflowRosters } from '../../fixtures/workflowFixtures.js';
import { calendar, storeWith, waitingSince } from './reminderFixtures.js';

/** The sweep lock's folder (the store itself is in memory). */
const folder = useStoreFolder();

/** A sweep with a fixed clock; digests stay pending (their delivery is the notifier's, tested in sweep.test.ts). */
async function world(store: Store, start: string, thresholds: ReminderThresholds = DEFAULT_THRESHOLDS) {
  const clock = manualClock(start);
  const workflow = createWorkflow({ store, clock: clock.now });
  const synced: Array<{ ticketId: string; marks: number }> = [];
  const sweep = () =>
    runSweep({
      store,
      calendar,
      clock: clock.now,
      thresholds,
      workflow,
      notifier: { deliver: async () => 'queued' as const },
      // What the card sync would read at that moment: the marks must already be in the store.
      syncCard: async (ticketId) => {
        synced.push({ ticketId, marks: (await store.tickets.get(ticketId))?.remindersSent?.length ?? 0 });
      },
    });
  return { clock, workflow, sweep, synced };
}

const helpdeskCardText = (ticket: WorkflowTicket, now: Date) =>
  allStrings(buildTicketCard(ticket, { kind: 'helpdesk', agents: [people.agent], shared: true }, { refreshUserIds: [], now }))
    .map((s) => s.value)
    .join('\n');
const icsCardText = (ticket: WorkflowTicket, now: Date) =>
  allStrings(buildTicketCard(ticket, { kind: 'icsLead' }, { refreshUserIds: [], now }))
    .map((s) => s.value)
    .join('\n');
const reminderAudit = async (store: Store, ticketId: string) => {
  const events: AuditEvent[] = [];
  for await (const event of store.readAudit({ ticketId })) if (event.action.startsWith('reminder.')) events.push(event);
  return events;
};

describe('escalations on the ticket (issue 14 point 5)', () => {
  it("the sweep with a fixed clock records the escalation on the ticket, and its card, the tab's queue and the ticket detail say so", async () => {
    // Assigned on Monday 2 March at 09:00 London (GMT), nothing done since; escalation after 2 working days (REMINDER_ASSIGNEE_ESCALATE_HOURS=16).
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.agent }, ...waitingSince('2026-03-02T09:00:00.000Z') });
    const store = await storeWith([ticket]);
    const thresholds = loadReminderThresholds({ REMINDER_ASSIGNEE_HOURS: '8', REMINDER_ASSIGNEE_ESCALATE_HOURS: '16' });
    const { sweep, synced } = await world(store, '2026-03-04T09:00:00.000Z', thresholds);

    expect(await sweep()).toMatchObject({ reminders: 2 });
    const stored = (await store.tickets.get(ticket.id))!;
    const now = new Date('2026-03-04T09:30:00.000Z');
    const line = 'Escalated to the helpdesk channel at 09:00 on Wed 4 Mar: 2 working days without an action';
    expect(helpdeskCardText(stored, now)).toContain(line);
    // The assignee's reminder fell due after 1 working day, but this is the first sweep: the line says both.
    const reminder =
      'Reminder sent to the assigned agent at 09:00 on Wed 4 Mar: 2 working days without an action (due after 1 working day)';
    expect(helpdeskCardText(stored, now)).toContain(reminder);

    const [row] = helpdeskQueue([stored], workflowRosters(), calendar, now, thresholds, { state: 'open', ics: '', assignee: '' }).rows;
    expect(row).toMatchObject({
      withWhom: 'Alex Agent',
      reminder: { text: line, escalated: true },
      ageText: '2 working days',
      overdue: true,
    });
    expect(ticketDetail(stored, await reminderAudit(store, ticket.id), workflowRosters(), now)).toMatchObject({
      reminders: [reminder, line],
      audit: [{ what: 'Reminder sent' }, { what: 'Escalated to the helpdesk channel' }],
    });
    expect(synced).toEqual([{ ticketId: ticket.id, marks: 2 }]);
  });

  it('records each escalation once: the next sweeps add no line, no audit event and touch no card', async () => {
    const ticket = makeWorkflowTicket({
      state: 'awaitingHelpdesk',
      stateEnteredAt: '2026-03-02T09:00:00.000Z',
      ...waitingSince('2026-03-02T09:00:00.000Z'),
    });
    const store = await storeWith([ticket]);
    const { sweep, clock, synced } = await world(store, '2026-03-02T13:00:00.000Z');
    expect(await sweep()).toMatchObject({ reminders: 1 });
    for (const at of ['2026-03-02T13:05:00.000Z', '2026-03-03T09:00:00.000Z', '2026-03-04T16:55:00.000Z']) {
      clock.set(at);
      expect(await sweep()).toMatchObject({ reminders: 0 });
    }
    expect((await store.tickets.get(ticket.id))?.remindersSent).toEqual([
      {
        kind: 'unassigned',
        at: '2026-03-02T13:00:00.000Z',
        since: '2026-03-02T09:00:00.000Z',
        waitedHours: 4,
        dueAfterHours: 4,
        workingDayHours: 8,
      },
    ]);
    expect((await reminderAudit(store, ticket.id)).map((e) => [e.action, e.details?.kind, e.at])).toEqual([
      ['reminder.escalated', 'unassigned', '2026-03-02T13:00:00.000Z'],
    ]);
    expect(synced.map((s) => s.ticketId)).toEqual([ticket.id]);
  });

  it('does not change the version, so an agent pressing a button on the card they already had is not refused', async () => {
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.agent }, ...waitingSince('2026-03-02T09:00:00.000Z') });
    const store = await storeWith([ticket]);
    const { sweep, workflow, clock } = await world(store, '2026-03-06T09:00:00.000Z');
    await sweep();
    const after = (await store.tickets.get(ticket.id))!;
    expect([after.version, after.updatedAt, after.remindersSent?.length]).toEqual([ticket.version, ticket.updatedAt, 2]);

    clock.set('2026-03-06T09:10:00.000Z');
    const pressed = await workflow.act({
      ticketId: ticket.id,
      verb: 'tick',
      item: 'odsVerified',
      actor: asPerson(people.agent),
      expectedVersion: ticket.version,
    });
    expect(pressed.ok).toBe(true);
    // The agent acted: a new wait begins, so the card no longer says it is escalated; the tab's detail keeps the history.
    const acted = (await store.tickets.get(ticket.id))!;
    expect(helpdeskCardText(acted, clock.now())).not.toContain('Escalated');
    expect(ticketDetail(acted, [], workflowRosters(), clock.now()).reminders).toHaveLength(2);
  });

  it('after downtime says how long the ticket had really waited and the configured threshold it passed', async () => {
    const ticket = makeWorkflowTicket({ state: 'assigned', assignee: { ...people.agent }, ...waitingSince('2026-03-02T09:00:00.000Z') });
    const store = await storeWith([ticket]);
    // The service was down until Tuesday 10 March: 6 working days, past the default 4 (REMINDER_ASSIGNEE_ESCALATE_HOURS=32).
    const { sweep } = await world(store, '2026-03-10T09:00:00.000Z');
    await sweep();
    expect(helpdeskCardText((await store.tickets.get(ticket.id))!, new Date('2026-03-10T09:05:00.000Z'))).toContain(
      'Escalated to the helpdesk channel at 09:00 on Tue 10 Mar: 6 working days without an action (due after 4 working days)',
    );
  });

  it("shows the ICS lead the reminders about the approval and the escalation over their head, and nothing of the helpdesk's own", async () => {
    const ticket = makeWorkflowTicket({
      state: 'awaitingIcsApproval',
      stateEnteredAt: '2026-03-02T09:00:00.000Z',
      ...waitingSince('2026-03-02T09:00:00.000Z'),
    });
    const store = await storeWith([ticket]);
    const { sweep } = await world(store, '2026-03-09T09:00:00.000Z');
    await sweep();
    const now = new Date('2026-03-09T09:05:00.000Z');
    const stored = (await store.tickets.get(ticket.id))!;
    const shown = icsCardText(stored, now);
    expect(shown).toContain(
      'Reminder sent to the South East London governance lead at 09:00 on Mon 9 Mar: 5 working days waiting for approval',
    );
    expect(shown).toContain(
      'Escalated to the helpdesk channel at 09:00 on Mon 9 Mar: 5 working days without an answer from the South East London governance lead',
    );
    const [row] = helpdeskQueue([stored], workflowRosters(), calendar, now, DEFAULT_THRESHOLDS, {
      state: 'open',
      ics: '',
      assignee: '',
    }).rows;
    expect(row.withWhom).toBe('The South East London governance lead');
    expect(row.reminder?.escalated).toBe(true);
  });
});

describe('the card update path for an escalation', () => {
  it("updates every posted copy of the ticket's card through the reminder schedule as the host wires it, with the line and the version the copy had", async () => {
    const ticket = makeWorkflowTicket({
      state: 'awaitingHelpdesk',
      stateEnteredAt: '2026-03-02T09:00:00.000Z',
      ...waitingSince('2026-03-02T09:00:00.000Z'),
    });
    const store = await storeWith([ticket], {
      conversations: [
        {
          key: 'conversation:19:helpdesk@thread.tacv2',
          usable: true,
          updatedAt: '2026-03-02T09:00:00.000Z',
          reference: { serviceUrl: 'http://x/', conversation: { id: '19:helpdesk@thread.tacv2', conversationType: 'channel' } },
        },
      ],
    });
    const clock = manualClock('2026-03-02T12:00:00.000Z');
    const workflow = createWorkflow({ store, clock: clock.now });
    const updated: Array<{ activityId: string; card: string }> = [];
    const notifier = { deliver: async () => 'queued' as const };
    const sender = {
      post: async () => `act-${ticket.id}`,
      update: async (_key: string, activityId: string, card: Record<string, unknown>) => {
        updated.push({ activityId, card: JSON.stringify(card) });
        return 'updated' as const;
      },
    };
    const cards = createTicketCards({
      store,
      workflow,
      sender,
      logger: createLogger('error', () => undefined),
      now: clock.now,
      ensureChannel: async () => undefined,
    });
    await cards.sync(ticket.id);
    expect((await store.tickets.get(ticket.id))?.cardCopies).toEqual([
      { audience: 'helpdesk', conversationKey: 'conversation:19:helpdesk@thread.tacv2', activityId: `act-${ticket.id}` },
    ]);

    const logger = createLogger('error', () => undefined);
    const calendar = await storeCalendar(store);
    const reminders = startReminderScheduler({
      cron: DEFAULT_THRESHOLDS.cron,
      lock: directorySweepLock(folder.dir),
      logger,
      sweep: () =>
        runSweep({
          store,
          calendar,
          clock: clock.now,
          logger,
          thresholds: DEFAULT_THRESHOLDS,
          notifier,
          workflow,
          ensureChannel: (key) => ensureChannelConversation(store, key, 'http://127.0.0.1:9/', '', clock.now()),
          syncCard: (ticketId) => cards.sync(ticketId),
        }),
    });
    try {
      // 3 working hours: nothing due, nothing to update.
      await reminders.tick();
      expect(updated).toEqual([]);
      clock.set('2026-03-02T13:00:00.000Z');
      await reminders.tick();
    } finally {
      await reminders.stop();
    }
    expect(updated.map((u) => u.activityId)).toEqual([`act-${ticket.id}`]);
    expect(updated[0].card).toContain('Escalated to the helpdesk channel at 13:00 on Mon 2 Mar: 4 working hours with nobody assigned');
    expect(updated[0].card).toContain(`"version":${ticket.version}`);
  });
});
