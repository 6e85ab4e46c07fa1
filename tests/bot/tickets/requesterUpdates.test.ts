import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { NotificationRecord, WorkflowTicket } from '../../../data/model.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { recordRequesterUpdate } from '../../../bot/tickets/requesterUpdates.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { asPerson, makeWorkflowTicket, people, seedWorkflow, workflowRosters } from '../../fixtures/workflowFixtures.js';

const folder = useStoreFolder();
const NOW = new Date('2026-03-02T10:04:00Z');

describe("the care home manager's updates", () => {
  it('are written to disk in the same write as the step they are about, before anyone tries to deliver them', async () => {
    const store = await folder.open();
    await seedWorkflow(store, [makeWorkflowTicket({ id: 'UCP-000042', state: 'awaitingIcsApproval' })]);
    const keys: string[] = [];
    const workflow = createWorkflow({
      store,
      clock: () => NOW,
      withTransition: async (tx, event) => {
        const recorded = await recordRequesterUpdate(tx, event, NOW);
        keys.push(...recorded);
        return recorded;
      },
    });
    const outcome = await workflow.act({ ticketId: 'UCP-000042', verb: 'approve', actor: asPerson(people.lead) });
    expect(outcome.ok).toBe(true);
    const onDisk = JSON.parse(await readFile(folder.path('live.json'), 'utf8')) as {
      tickets: WorkflowTicket[];
      notifications: NotificationRecord[];
    };
    expect(onDisk.tickets[0].state).toBe('awaitingHelpdesk');
    expect(onDisk.notifications).toEqual([
      expect.objectContaining({
        key: 'UCP-000042:approve:v4:requester',
        status: 'pending',
        recipient: { aadObjectId: people.requester.aadObjectId, email: 'grace.adeyemi@nhs.net' },
      }),
    ]);
    expect(keys).toEqual(['UCP-000042:approve:v4:requester']);
    if (outcome.ok) expect(outcome.event.notifications).toEqual(keys);
  });

  it('are handed over for delivery once the step is on disk, each by the key recorded with it', async () => {
    const store = await folder.open();
    await seedWorkflow(store, [makeWorkflowTicket({ id: 'UCP-000044', state: 'awaitingIcsApproval' })]);
    const handed: Array<{ key: string; onDisk: NotificationRecord[] }> = [];
    const workflow = createWorkflow({
      store,
      clock: () => NOW,
      withTransition: (tx, event) => recordRequesterUpdate(tx, event, NOW),
      deliver: (key) =>
        handed.push({
          key,
          onDisk: (JSON.parse(readFileSync(folder.path('live.json'), 'utf8')) as { notifications: NotificationRecord[] }).notifications,
        }),
    });
    await workflow.act({ ticketId: 'UCP-000044', verb: 'approve', actor: asPerson(people.lead) });
    expect(handed).toEqual([
      {
        key: 'UCP-000044:approve:v4:requester',
        onDisk: [expect.objectContaining({ key: 'UCP-000044:approve:v4:requester', status: 'pending' })],
      },
    ]);
  });

  it('of a new request are handed over once, for the request received, not for its routing', async () => {
    const store = await openMemoryStore({ from: { rosters: workflowRosters() } });
    const handed: string[] = [];
    const workflow = createWorkflow({
      store,
      clock: () => NOW,
      withTransition: (tx, event) => recordRequesterUpdate(tx, event, NOW),
      deliver: (key) => handed.push(key),
    });
    const ticket = await workflow.submit({ kind: 'question', question: 'How do I log in?' }, people.requester);
    expect(handed).toEqual((await store.notifications.list()).map((n) => n.key));
    expect(handed).toEqual([expect.stringMatching(new RegExp(`^${ticket.id}:`))]);
  });

  it('are not recorded for steps that do not matter to the manager (a checklist tick)', async () => {
    const store = await openMemoryStore();
    const delivered: string[] = [];
    await seedWorkflow(store, [makeWorkflowTicket({ id: 'UCP-000043', state: 'assigned', assignee: people.agent })]);
    const workflow = createWorkflow({
      store,
      clock: () => NOW,
      withTransition: (tx, event) => recordRequesterUpdate(tx, event, NOW),
      deliver: (key) => delivered.push(key),
    });
    const outcome = await workflow.act({ ticketId: 'UCP-000043', verb: 'tick', item: 'odsVerified', actor: asPerson(people.agent) });
    expect(await store.notifications.list()).toEqual([]);
    expect(outcome.ok && outcome.event.notifications).toBeUndefined();
    expect(delivered).toEqual([]);
  });
});
