import { describe, it, expect } from '@jest/globals';
import type { TicketState } from '../../../data/model.js';
import { whoHasIt } from '../../../bot/web/whoHasIt.js';
import { makeWorkflowTicket, people } from '../../fixtures/workflowFixtures.js';

const names = new Map([[people.agent.aadObjectId, 'Alex Agent']]);

describe('who a waiting ticket is with, in the tab', () => {
  it.each<[TicketState, boolean, string]>([
    ['submitted', false, 'Nobody yet'],
    ['awaitingIcsApproval', false, 'The South East London governance lead'],
    ['awaitingHelpdesk', false, 'Nobody yet'],
    ['awaitingHelpdesk', true, 'Alex Agent'],
    ['assigned', true, 'Alex Agent'],
    ['needsInformation', false, 'The care home'],
    ['needsInformation', true, 'The care home, then Alex Agent'],
  ])('a ticket %s (assigned: %s) is with "%s"', (state, assigned, expected) => {
    const ticket = makeWorkflowTicket({ state, ...(assigned ? { assignee: { aadObjectId: people.agent.aadObjectId } } : {}) });
    expect(whoHasIt(ticket, names)).toBe(expected);
  });

  it('names an assignee the roster no longer lists by the name the ticket kept', () => {
    expect(whoHasIt(makeWorkflowTicket({ state: 'assigned', assignee: { ...people.secondAgent } }), names)).toBe('Bea Agent');
  });
});
