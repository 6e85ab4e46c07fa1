import { describe, it, expect } from '@jest/globals';
import { exactTicketFirst, matchesSearch, parseSearch } from '../../../bot/web/queueSearch.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';

const ticket = makeWorkflowTicket({
  id: 'UCP-000123',
  organisation: { ...makeWorkflowTicket().organisation!, name: "St Mary's Nursing & Care Home", odsCode: 'VQ7X1' },
  requester: { aadObjectId: 'aad-zoe', name: 'Zoë  Brontë-Smith' },
});

describe("what the tab's search box finds", () => {
  it.each([
    ['the ticket number in full', 'UCP-000123', true],
    ['the ticket number without its zeros', 'ucp 123', true],
    ['part of the ticket number', '0012', true],
    ["another ticket's number", 'UCP-000124', false],
    ['the ODS code in lower case', 'vq7x1', true],
    ['the ODS code with a space', 'VQ7 X1', true],
    ["part of the organisation's name, without its apostrophe", 'st marys', true],
    ['"and" for an ampersand', 'nursing and care', true],
    ["the requester's name without accents", 'zoe bronte', true],
    ["the requester's name in capitals with no hyphen", 'BRONTESMITH', true],
    ['a word from the organisation with one from the requester', 'mary zoe', true],
    ['a name that is not on the ticket', 'grace', false],
    ['the prefix with digits found only in a name or code', 'UCP 7', false],
  ])('%s (%s): %s', (_what, typed, found) => {
    expect(matchesSearch(ticket, parseSearch(typed)!)).toBe(found);
  });

  it('finds nothing to search for in spaces and punctuation alone', () => {
    expect([parseSearch(''), parseSearch('   '), parseSearch('--!')]).toEqual([undefined, undefined, undefined]);
  });

  it('puts the ticket whose number was typed first, keeping the order of the rest', () => {
    const rows = [{ id: 'UCP-001234' }, { id: 'UCP-012300' }, { id: 'UCP-000123' }];
    expect(exactTicketFirst(rows, parseSearch('123')).map((r) => r.id)).toEqual(['UCP-000123', 'UCP-001234', 'UCP-012300']);
    expect(exactTicketFirst(rows, parseSearch('rosewood'))).toBe(rows);
  });
});
