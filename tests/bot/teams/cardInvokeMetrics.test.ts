import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { createMetrics } from '../../../bot/metrics/metrics.js';
import { createCardInvokeHandler } from '../../../bot/teams/cardInvoke.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';
import { sample } from '../../helpers/metricSamples.js';

const NOW = new Date('2026-03-02T10:04:00Z');

async function setUp() {
  const store = await openMemoryStore();
  const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
  await seedWorkflow(store, [ticket]);
  const metrics = createMetrics();
  const handle = createCardInvokeHandler({ workflow: createWorkflow({ store, clock: () => NOW }), store, now: () => NOW, metrics });
  const press = (person: { aadObjectId: string; name?: string } | undefined, verb: string, data: Record<string, unknown>) =>
    handle(
      {
        activity: {
          type: 'invoke',
          name: 'adaptiveCard/action',
          channelId: 'msteams',
          from: { id: '29:x', ...(person ? { aadObjectId: person.aadObjectId, name: person.name } : {}) },
          conversation: { id: 'a:1on1', conversationType: 'personal' },
        },
      } as unknown as TurnContext,
      { action: { type: 'Action.Execute', verb, data } } as unknown as AdaptiveCardInvokeValue,
    );
  const count = (verb: string, outcome: string) => sample(metrics.registry, `ucp_card_actions_total{verb="${verb}",outcome="${outcome}"}`);
  return { id: ticket.id, press, count };
}

describe('card buttons are counted by verb and outcome', () => {
  it('counts an approval the workflow applied as done, and the same button pressed again as refused', async () => {
    const { id, press, count } = await setUp();
    await press(people.lead, 'approveOrganisation', { ticketId: id, version: 3 });
    await press(people.secondLead, 'approveOrganisation', { ticketId: id, version: 3 });
    expect(await count('approveOrganisation', 'done')).toBe(1);
    expect(await count('approveOrganisation', 'refused')).toBe(1);
  });

  it('counts a refresh as done, a press nobody could be identified for as refused, and a payload that does not check as invalid', async () => {
    const { id, press, count } = await setUp();
    await press(people.lead, 'refreshCard', { ticketId: id });
    await press(undefined, 'approveOrganisation', { ticketId: id, version: 3 });
    await press(people.lead, 'rejectOrganisation', { ticketId: id, version: 3 });
    await press(people.lead, 'not-a-verb', { ticketId: id });
    expect(await count('refreshCard', 'done')).toBe(1);
    expect(await count('approveOrganisation', 'refused')).toBe(1);
    expect(await count('rejectOrganisation', 'invalid')).toBe(1);
    expect(await count('unknown', 'invalid')).toBe(1);
  });
});
