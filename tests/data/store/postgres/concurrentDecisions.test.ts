/**
 * Decisions two instances make at once on one database (issue 17): each lands once. Two stores on one schema stand for two
 * service instances. Runs only with a database (`npm run test:pg`).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { openPostgresStore } from '../../../../data/store/postgresStore.js';
import type { Store } from '../../../../data/store/store.js';
import { ALREADY_OPEN } from '../../../../data/workflow/createTicket.js';
import { createWorkflow, type Workflow } from '../../../../data/workflow/workflow.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../../../fixtures/workflowFixtures.js';
import { admin, inSchema } from '../contract/postgresPlaces.js';

const url = process.env.TEST_DATABASE_URL;
const NOW = () => new Date('2026-03-02T10:00:00Z');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

(url ? describe : describe.skip)('two instances deciding at once on postgres', () => {
  const stores: Store[] = [];
  let schema: string;
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await admin(url!, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  /** Two instances' stores and workflows on one fresh schema. */
  const twoInstances = async (): Promise<[Store, Workflow][]> => {
    schema = `decisions_${randomUUID().replaceAll('-', '')}`;
    await admin(url!, `CREATE SCHEMA ${schema}`);
    const open = async (): Promise<[Store, Workflow]> => {
      const store = await openPostgresStore({ url: inSchema(url!, schema), poolSize: 10 });
      stores.push(store);
      return [store, createWorkflow({ store, clock: NOW })];
    };
    const first = await open();
    return [first, await open()];
  };

  it('on postgres, makes one ticket when the same Submit reaches both instances ten times at once', async () => {
    const instances = await twoInstances();
    const { kind, organisation, users } = makeWorkflowTicket();
    const input = { kind, organisation, users, submissionId: 'summary-7f3a' };
    const tickets = await Promise.all(Array.from({ length: 10 }, (_, i) => instances[i % 2][1].submit(input, people.requester)));
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(1);
    expect(await instances[0][0].tickets.count()).toBe(1);
  });

  it('on postgres, sends one organisation request when managers press Submit for one organisation on both instances at once', async () => {
    const instances = await twoInstances();
    const organisation = makeWorkflowTicket().organisation!;
    const staff = [
      { name: 'Samuel Okafor', jobTitle: 'Health Care Assistant', role: 'Non-Clinical' as const, email: 'samuel.okafor@nhs.net' },
    ];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        instances[i % 2][1].submit(
          { kind: 'organisationAccess', organisation, users: staff },
          { aadObjectId: `7c9e6679-7425-40de-944b-e07fc1f90ae${i}`, name: `Manager ${i}` },
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect((outcome.reason as Error).message).toBe(ALREADY_OPEN);
    expect(await instances[0][0].tickets.count({ kind: 'organisationAccess' })).toBe(1);
  });

  it('on postgres, keeps a card copy recorded on one instance while a lead decides the same ticket on the other', async () => {
    const [[deciding], [recording]] = await twoInstances();
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 1 });
    await seedWorkflow(deciding, [ticket]);
    // The decision reads the ticket, then takes a moment before writing version 2.
    let readDone!: () => void;
    const decisionRead = new Promise<void>((resolve) => (readDone = resolve));
    const decision = deciding.transaction(async (tx) => {
      const read = (await tx.tickets.get(ticket.id))!;
      readDone();
      await pause(300);
      await tx.tickets.update({ ...read, state: 'awaitingHelpdesk', version: 2 }, 1);
    });
    await decisionRead;
    // Meanwhile the other instance records a posted card: bookkeeping that keeps the version.
    const copy = { audience: 'icsLead' as const, conversationKey: 'a:lead-chat', activityId: 'activity-1' };
    const record = recording.transaction(async (tx) => {
      const read = (await tx.tickets.get(ticket.id))!;
      await tx.tickets.update({ ...read, cardCopies: [...read.cardCopies, copy] }, read.version);
    });
    await Promise.all([decision, record]);
    const stored = await recording.tickets.get(ticket.id);
    expect(stored).toMatchObject({ state: 'awaitingHelpdesk', version: 2 });
    expect(stored?.cardCopies).toEqual([copy]);
  });

  it.each([
    ['the first failure of a conversation', 0],
    ['a conversation already failing', 1],
  ])('on postgres, counts two failed turns at once on both instances as two, for %s', async (_, before) => {
    const [[first], [second]] = await twoInstances();
    const key = 'a:1on1-manager';
    if (before > 0) await first.transaction((tx) => tx.counters.setTurnFailures(key, before));
    const countOneMore = (store: Store) =>
      store.transaction(async (tx) => {
        const failures = await tx.counters.turnFailures(key);
        await pause(100);
        await tx.counters.setTurnFailures(key, failures + 1);
      });
    await Promise.all([countOneMore(first), countOneMore(second)]);
    expect(await first.counters.turnFailures(key)).toBe(before + 2);
  });
});
