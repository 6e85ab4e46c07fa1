import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { WorkflowTicket } from '../../../data/model.js';
import { createCardInvokeHandler } from '../../../bot/teams/cardInvoke.js';
import { NOT_YOURS } from '../../../cards/handlers/cardActionContext.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { asPerson, auditOf, makeWorkflowTicket, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { racingStore } from '../../fixtures/racingStore.js';
import { everyActionVerb } from '../../helpers/everyActionVerb.js';

const NOW = new Date('2026-03-02T10:04:00Z');

async function setUp(ticket: WorkflowTicket, storeSeen: (store: Store) => Store = (store) => store) {
  const stored = await openMemoryStore();
  await seedWorkflow(stored, [ticket]);
  const store = storeSeen(stored);
  const workflow = createWorkflow({ store, clock: () => NOW });
  const handle = createCardInvokeHandler({ workflow, store, now: () => NOW });
  /** Presses a button on the card as `person` (or as nobody Teams could identify), in their 1:1 chat unless told otherwise. */
  const press = async (
    person: { aadObjectId: string; name?: string } | undefined,
    verb: string,
    data: Record<string, unknown>,
    conversationId?: string,
  ) => {
    const activity = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      from: { id: '29:x', ...(person ? { aadObjectId: person.aadObjectId, name: person.name } : {}) },
      conversation: conversationId ? { id: conversationId, conversationType: 'channel' } : { id: 'a:1on1', conversationType: 'personal' },
    };
    const response = await handle(
      { activity } as unknown as TurnContext,
      { action: { type: 'Action.Execute', verb, data } } as unknown as AdaptiveCardInvokeValue,
    );
    return { ...response, text: JSON.stringify(response.value) };
  };
  return { store, workflow, press, id: ticket.id };
}

const buttons = (text: string) =>
  [...text.matchAll(/"verb":"(\w+)"/g)]
    .map((m) => m[1])
    .filter((v) => v !== 'refreshCard')
    .sort();

describe('card buttons, answered through the invoke handler', () => {
  it('gives each viewer their own view on refresh: lead, agent, requester, and nothing to a stranger with a guessed number', async () => {
    const { press, id } = await setUp(makeWorkflowTicket({ state: 'awaitingIcsApproval' }));
    expect(buttons((await press(people.lead, 'refreshCard', { ticketId: id })).text)).toEqual([
      'approveOrganisation',
      'rejectOrganisation',
      'requestInformation',
    ]);
    expect((await press(people.agent, 'refreshCard', { ticketId: id })).text).toContain('grace.adeyemi@nhs.net');
    expect(buttons((await press(people.requester, 'refreshCard', { ticketId: id })).text)).toEqual(['withdrawRequest']);
    const stranger = await press(people.stranger, 'refreshCard', { ticketId: id });
    expect(stranger.text).not.toContain('Rosewood');
    expect(stranger.text).toContain('archived');
  });

  it('shows the shared view to someone looking at a posted copy in a channel', async () => {
    const ticket = makeWorkflowTicket({
      state: 'awaitingHelpdesk',
      cardCopies: [{ audience: 'helpdesk', conversationKey: 'conversation:19:helpdesk@thread.tacv2', activityId: 'a1' }],
    });
    const { press, id } = await setUp(ticket);
    const seen = await press(people.stranger, 'refreshCard', { ticketId: id }, '19:helpdesk@thread.tacv2;messageid=1');
    expect(seen.text).toContain('Rosewood');
    expect(buttons(seen.text)).toEqual([]);
  });

  it('assigns to anyone on the helpdesk roster, whatever the case of the id, and ticks then unticks a check, each audited', async () => {
    const { press, id, store } = await setUp(makeWorkflowTicket({ state: 'awaitingHelpdesk' }));
    await press(people.agent, 'assignTicket', { ticketId: id, version: 3, assignee: people.secondAgent.aadObjectId.toUpperCase() });
    await press(people.agent, 'tickChecklist', { ticketId: id, version: 4, item: 'odsVerified', checklist_odsVerified: 'true' });
    await press(people.agent, 'tickChecklist', { ticketId: id, version: 5, item: 'odsVerified', checklist_odsVerified: 'false' });
    expect((await auditOf(store, id)).map((e) => e.action)).toEqual(['assign', 'tick', 'untick']);
    expect((await auditOf(store, id))[0].details).toMatchObject({ assignee: people.secondAgent.aadObjectId });
  });

  it('lets the lead ask for information, and the requester answer and then withdraw', async () => {
    const asked = await setUp(makeWorkflowTicket({ state: 'awaitingIcsApproval' }));
    await asked.press(people.lead, 'requestInformation', { ticketId: asked.id, version: 3, requestReason: 'Which borough?' });
    const answered = await asked.press(people.requester, 'provideInformation', { ticketId: asked.id, version: 4, answer: 'Lewisham' });
    expect(buttons(answered.text)).toEqual(['withdrawRequest']);
    await asked.press(people.requester, 'withdrawRequest', { ticketId: asked.id, version: 5 });
    expect((await auditOf(asked.store, asked.id)).map((e) => [e.action, e.to])).toEqual([
      ['requestInformation', 'needsInformation'],
      ['provideInformation', 'awaitingIcsApproval'],
      ['withdraw', 'withdrawn'],
    ]);
  });

  it('lets the lead reject with a reason the care home will see', async () => {
    const rejected = await setUp(makeWorkflowTicket({ state: 'awaitingIcsApproval' }));
    await rejected.press(people.lead, 'rejectOrganisation', { ticketId: rejected.id, version: 3, rejectReason: 'Not in our ICS' });
    expect(await rejected.workflow.get(rejected.id)).toMatchObject({ state: 'rejected', reason: 'Not in our ICS' });
  });

  it('answers the later of two approvals landing at the same moment with the card as it is now, naming who approved', async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
    // The first lead's approval lands between the second lead's read of the ticket and their write.
    let approveFirst: () => Promise<unknown> = async () => undefined;
    const { press, id, workflow } = await setUp(ticket, (stored) => {
      const first = createWorkflow({ store: stored, clock: () => NOW });
      approveFirst = () => first.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: 3 });
      return racingStore(
        stored,
        (n) => n === 1,
        () => approveFirst(),
      );
    });
    const answer = await press(people.secondLead, 'approveOrganisation', { ticketId: id, version: 3 });
    expect(answer.statusCode).toBe(200);
    expect(answer.text).toContain('This request was already approved by Sam Lead at 10:04.');
    expect(await workflow.get(id)).toMatchObject({ state: 'awaitingHelpdesk', version: 4, lastAction: { by: people.lead } });
  });

  it('refuses someone Teams could not identify, changing nothing, and audits the attempt', async () => {
    const { press, id, store, workflow } = await setUp(makeWorkflowTicket({ state: 'awaitingIcsApproval' }));
    const answer = await press(undefined, 'approveOrganisation', { ticketId: id, version: 3 });
    expect(answer.text).toContain('We could not tell who you are');
    expect((await workflow.get(id))?.state).toBe('awaitingIcsApproval');
    expect((await auditOf(store, id)).map((e) => [e.action, e.actor])).toEqual([['denied', 'unknown']]);
  });

  it('answers a button it cannot read with a message, not a card', async () => {
    const { press } = await setUp(makeWorkflowTicket());
    const answer = await press(people.lead, 'approveOrganisation', { ticketId: '../../etc' });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.text).toContain('out of date');
  });
});

/** Every card verb, with data a real card of that verb would send for a ticket at version 3. */
const EVERY_VERB = everyActionVerb(people.stranger.aadObjectId);

/** What the ticket card says about the ticket: none of it may reach someone with no part in it. */
function ticketFacts(ticket: WorkflowTicket): string[] {
  return [
    ticket.id,
    'Rosewood',
    'VN4K2',
    'QKK',
    'South East London',
    'Lewisham',
    'SE13',
    'Grace',
    'Samuel',
    'Priya',
    'Waiting for',
    'awaitingIcsApproval',
  ];
}

describe('a card action from someone with no part in the ticket', () => {
  it.each(EVERY_VERB)(
    '%s from a stranger with a guessed ticket number shows a neutral card with no ticket facts, changes nothing and is audited',
    async (verb, extra) => {
      const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
      const { press, id, store, workflow } = await setUp(ticket);
      const answer = await press(people.stranger, verb, { ticketId: id, version: 3, ...extra });
      expect(answer.statusCode).toBe(200);
      expect(answer.text).toContain('You cannot act on this card');
      for (const fact of ticketFacts(ticket)) expect(JSON.stringify(answer)).not.toContain(fact);
      expect(await workflow.get(id)).toMatchObject({ state: 'awaitingIcsApproval', version: 3 });
      expect((await auditOf(store, id)).map((e) => [e.action, e.actor])).toEqual([['denied', people.stranger.aadObjectId]]);
    },
  );

  it.each(EVERY_VERB)('%s answers a lead of another ICS exactly as it answers a ticket number that does not exist', async (verb, extra) => {
    const { press, id } = await setUp(makeWorkflowTicket({ state: 'awaitingIcsApproval' }));
    const otherIcs = await press(people.otherIcsLead, verb, { ticketId: id, version: 3, ...extra });
    const missing = await press(people.otherIcsLead, verb, { ticketId: 'UCP-999999', version: 3, ...extra });
    expect(otherIcs.value).toEqual(missing.value);
    expect(otherIcs.text).toContain(JSON.stringify(NOT_YOURS));
  });

  it("shows nothing of the ticket to an invoke Teams could not identify, outside the ticket's own posted copies", async () => {
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval' });
    const { press, id, store } = await setUp(ticket);
    const answer = await press(undefined, 'rejectOrganisation', { ticketId: id, version: 3, rejectReason: 'x' });
    expect(answer.text).toContain('We could not tell who you are');
    for (const fact of ticketFacts(ticket)) expect(answer.text).not.toContain(fact);
    expect((await auditOf(store, id)).map((e) => [e.action, e.actor])).toEqual([['denied', 'unknown']]);
  });

  it('still shows people with a part their view, with why they cannot act: the requester pressing approve, a channel viewer pressing close', async () => {
    const ticket = makeWorkflowTicket({
      state: 'awaitingIcsApproval',
      cardCopies: [{ audience: 'helpdesk', conversationKey: 'conversation:19:helpdesk@thread.tacv2', activityId: 'a1' }],
    });
    const { press, id } = await setUp(ticket);
    const requester = await press(people.requester, 'approveOrganisation', { ticketId: id, version: 3 });
    expect(requester.text).toContain('Rosewood');
    expect(requester.text).toContain('You cannot act on this card');
    const viewer = await press(people.stranger, 'closeTicket', { ticketId: id, version: 3 }, '19:helpdesk@thread.tacv2;messageid=1');
    expect(viewer.text).toContain('Rosewood');
    expect(viewer.text).toContain('You cannot act on this card');
  });
});

describe('assigning from the card', () => {
  it("refuses an assignee who is not on the helpdesk roster, says so on the agent's card, and audits the refusal", async () => {
    const { press, id, store, workflow } = await setUp(makeWorkflowTicket({ state: 'awaitingHelpdesk' }));
    const answer = await press(people.agent, 'assignTicket', { ticketId: id, version: 3, assignee: people.lead.aadObjectId });
    expect(answer.text).toContain('Please choose someone on the helpdesk roster');
    expect(await workflow.get(id)).toMatchObject({ state: 'awaitingHelpdesk', version: 3 });
    expect((await auditOf(store, id)).map((e) => [e.action, e.actor, e.details])).toEqual([
      [
        'denied',
        people.agent.aadObjectId,
        { verb: 'assign', why: 'assignee not on the helpdesk roster', assignee: people.lead.aadObjectId },
      ],
    ]);
  });
});
