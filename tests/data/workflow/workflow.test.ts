import { describe, expect, it } from '@jest/globals';
import type { CardCopy } from '../../../data/model.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { auditOf, makeWorkflowTicket, manualClock, people, seedWorkflow, storedTicketJson } from '../../fixtures/workflowFixtures.js';

describe('the workflow around its transitions', () => {
  async function setUp() {
    const store = await openMemoryStore();
    const ticket = makeWorkflowTicket({ state: 'awaitingIcsApproval', version: 4, requester: { ...people.requester } });
    await seedWorkflow(store, [ticket]);
    return { store, ticket, workflow: createWorkflow({ store, clock: manualClock().now }) };
  }

  it('records each posted card copy once, without a new version or an audit event', async () => {
    const { store, ticket, workflow } = await setUp();
    const copy: CardCopy = { audience: 'icsLead', conversationKey: `user:${people.lead.aadObjectId}`, activityId: '1:abc' };
    const helpdesk: CardCopy = { audience: 'helpdesk', conversationKey: 'conversation:19:helpdesk@thread.tacv2', activityId: '1:def' };
    expect(await workflow.recordCardCopy(ticket.id, copy)).toBe(true);
    expect(await workflow.recordCardCopy(ticket.id, { ...copy })).toBe(true);
    expect(await workflow.recordCardCopy(ticket.id, helpdesk)).toBe(true);
    expect(await workflow.get(ticket.id)).toMatchObject({ version: 4, updatedAt: ticket.updatedAt, cardCopies: [copy, helpdesk] });
    expect(await auditOf(store, ticket.id)).toEqual([]);
  });

  it('says so when a card copy is recorded for a ticket it no longer has', async () => {
    const { workflow } = await setUp();
    expect(await workflow.recordCardCopy('UCP-404404', { audience: 'helpdesk', conversationKey: 'conversation:x', activityId: '1' })).toBe(
      false,
    );
  });

  it('tells a card view who the viewer is for this ticket, ICS by ICS', async () => {
    const { ticket, workflow } = await setUp();
    expect(await workflow.rolesOf(ticket, people.requester.aadObjectId)).toEqual(['requester']);
    expect(await workflow.rolesOf(ticket, people.lead.aadObjectId)).toEqual(['icsLead']);
    expect(await workflow.rolesOf(ticket, people.otherIcsLead.aadObjectId)).toEqual([]);
    expect(await workflow.rolesOf(ticket, people.agent.aadObjectId)).toEqual(['helpdeskAgent']);
    expect(await workflow.rolesOf(ticket, people.stranger.aadObjectId)).toEqual([]);
    // A helpdesk agent who asked for something themself holds both roles.
    expect(await workflow.rolesOf({ ...ticket, requester: { ...people.agent } }, people.agent.aadObjectId)).toEqual([
      'requester',
      'helpdeskAgent',
    ]);
    // Someone leading a different ICS becomes a lead for a ticket of that ICS.
    expect(
      await workflow.rolesOf({ ...ticket, organisation: { ...ticket.organisation!, icbCode: 'QMF' } }, people.otherIcsLead.aadObjectId),
    ).toEqual(['icsLead']);
  });

  it('hands out copies: changing what get() returns changes nothing stored', async () => {
    const { store, ticket, workflow } = await setUp();
    const before = await storedTicketJson(store, ticket.id);
    const copy = (await workflow.get(ticket.id))!;
    copy.state = 'closed';
    copy.checklist.odsVerified = { by: 'system', at: 'now' };
    expect(await storedTicketJson(store, ticket.id)).toBe(before);
  });
});
