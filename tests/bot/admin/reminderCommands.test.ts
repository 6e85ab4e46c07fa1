import { describe, expect, it } from '@jest/globals';
import { useStoreFolder } from '../../helpers/storeFixtures.js';
import { runAdminIn } from '../../helpers/adminRunner.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';
import { waitingSince } from '../reminders/reminderFixtures.js';

const folder = useStoreFolder();

describe('reminders preview', () => {
  it('shows, while the bot holds the store, what would be sent at a moment, to whom and why, and records nothing', async () => {
    const store = await folder.open();
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-02T09:00:00.000Z') });
    await seedWorkflow(store, [ticket]);
    await store.flush();

    const run = await runAdminIn(folder.dir, 'reminders', 'preview', '--at', '2026-03-09T09:00:00Z');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`To user:${people.lead.aadObjectId} (1):`);
    expect(run.out).toContain(`${ticket.id}:icsApproval:4: awaitingIcsApproval for 40 working hours`);
    expect(run.out).toContain('To conversation:19:helpdesk@thread.tacv2 (1):');

    const json = await runAdminIn(folder.dir, 'reminders', 'preview', '--at', '2026-03-07T09:00:00Z', '--json');
    const parsed = JSON.parse(json.out) as { workingTime: boolean; sendsAt: string; digests: unknown[] };
    expect(parsed).toMatchObject({ workingTime: false, sendsAt: '2026-03-09T09:00:00.000Z' });
    expect(parsed.digests).toHaveLength(3);
    expect(await store.notifications.list()).toEqual([]);
  });

  it('refuses an --at that is not an ISO instant', async () => {
    await folder.open();
    const run = await runAdminIn(folder.dir, 'reminders', 'preview', '--at', 'monday');
    expect(run).toMatchObject({ code: 2, err: expect.stringContaining('--at must be an ISO instant') });
  });
});
