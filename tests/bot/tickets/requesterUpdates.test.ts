import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { NotificationRecord, WorkflowTicket } from '../../../data/model.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { recordRequesterUpdate, requesterUpdateKey } from '../../../bot/tickets/requesterUpdates.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { asPerson, makeWorkflowTicket, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';

const folder = useStoreFolder();
const NOW = new Date('2026-03-02T10:04:00Z');

describe("the care home manager's updates", () => {
  it('are written to disk in the same write as the step they are about, before anyone tries to deliver them', async () => {
    const store = await folder.open();
    await seedWorkflow(store, [makeWorkflowTicket({ id: 'UCP-000042', state: 'awaitingIcsApproval' })]);
    const keys: string[] = [];
    const workflow = createWorkflow({ store, clock: () => NOW, withTransition: (tx, event) => { const key = recordRequesterUpdate(tx.data, event, NOW); if (key) keys.push(key); } });
    const outcome = await workflow.act({ ticketId: 'UCP-000042', verb: 'approve', actor: asPerson(people.lead) });
    expect(outcome.ok).toBe(true);
    const onDisk = JSON.parse(await readFile(folder.path('live.json'), 'utf8')) as { tickets: WorkflowTicket[]; notifications: NotificationRecord[] };
    expect(onDisk.tickets[0].state).toBe('awaitingHelpdesk');
    expect(onDisk.notifications).toEqual([expect.objectContaining({ key: 'UCP-000042:approve:v4:requester', status: 'pending', recipient: { aadObjectId: people.requester.aadObjectId, email: 'grace.adeyemi@nhs.net' } })]);
    expect(keys).toEqual(['UCP-000042:approve:v4:requester']);
    if (outcome.ok) expect(requesterUpdateKey(outcome.event)).toBe(keys[0]);
  });

  it('are not recorded for steps that do not matter to the manager (a checklist tick)', async () => {
    const store = await folder.open();
    await seedWorkflow(store, [makeWorkflowTicket({ id: 'UCP-000043', state: 'assigned', assignee: people.agent })]);
    const workflow = createWorkflow({ store, clock: () => NOW, withTransition: (tx, event) => { recordRequesterUpdate(tx.data, event, NOW); } });
    await workflow.act({ ticketId: 'UCP-000043', verb: 'tick', item: 'odsVerified', actor: asPerson(people.agent) });
    expect(store.read((data) => data.notifications.length)).toBe(0);
  });
});
