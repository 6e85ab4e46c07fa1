import { describe, expect, it } from '@jest/globals';
import { buildTicketCard } from '../../cards/ticketCard.js';
import { validateCard } from '../helpers/validateCard.js';
import type { PersonRef, WorkflowTicket } from '../../data/model.js';
import { agents, allStrings, buttonVerbs, cardTicket, NOW } from './cardFixtures.js';

/**
 * Issue 13 point 3: the helpdesk card says why a button is not there. Choice: a ticket with every check ticked but no
 * assignee says "Assign the ticket to resolve it" rather than letting the last tick assign it silently: the workflow
 * resolves only assigned tickets, and who works a ticket is its own audited decision (source 001 "assign").
 */
const ALL_TICKED: WorkflowTicket['checklist'] = Object.fromEntries(
  ['odsVerified', 'dpiaChecked', 'dsptChecked', 'emailDomainsChecked', 'accountsCreated'].map((item) => [
    item,
    { by: agents[0], at: '2026-03-02T11:00:00.000Z' },
  ]),
);

function card(ticket: WorkflowTicket, roster: PersonRef[] = agents, shared = false) {
  return buildTicketCard(ticket, { kind: 'helpdesk', agents: roster, shared }, { refreshUserIds: [], now: NOW });
}
const text = (c: object) =>
  allStrings(c)
    .map((s) => s.value)
    .join('\n');

describe('the helpdesk card says why a button is missing', () => {
  it.each<[string, Partial<WorkflowTicket>, string, PersonRef[]]>([
    [
      "source 001 'assign, track, escalate, resolve': every check ticked, nobody assigned, no Resolve",
      { state: 'awaitingHelpdesk', checklist: ALL_TICKED },
      'Every check is ticked. Assign the ticket to resolve it.',
      agents,
    ],
    [
      "source 001 'assign, track, escalate, resolve': some checks ticked, nobody assigned, no Resolve",
      { state: 'awaitingHelpdesk' },
      'Assign the ticket to resolve it.',
      agents,
    ],
    [
      "source 001 'To onboard new organisations the helpdesk shall follow the steps below': assigned, checks missing, no Resolve (the workflow would refuse it)",
      { state: 'assigned', assignee: agents[0] },
      'Resolve appears once "DPIA checked", "DSPT checked", "E-mail domains checked" and "Accounts created" are ticked.',
      agents,
    ],
    [
      "source 001 'To onboard new organisations the helpdesk shall follow the steps below': assigned, one check missing",
      { state: 'assigned', assignee: agents[0], checklist: { ...ALL_TICKED, accountsCreated: undefined } },
      'Resolve appears once "Accounts created" is ticked.',
      agents,
    ],
    [
      "source 001 'ICS onboarding approval': waiting for the ICS lead, no helpdesk buttons yet",
      { state: 'awaitingIcsApproval' },
      'The helpdesk can act on this request once the ICS governance lead has approved it.',
      agents,
    ],
    [
      'configuration (the helpdesk roster): nobody on it, no Assign',
      { state: 'awaitingHelpdesk' },
      'Nobody is on the helpdesk roster yet, so this ticket cannot be assigned.',
      [],
    ],
  ])('%s', (_case, overrides, line, roster) => {
    for (const shared of [false, true]) {
      const built = card(cardTicket(overrides), roster, shared);
      expect(text(built)).toContain(line);
      expect(buttonVerbs(built)).not.toContain('resolveTicket');
      expect(validateCard(built).problems).toEqual([]);
    }
  });

  it('shows Resolve, and no explanation, once the ticket is assigned and every check is ticked', () => {
    const built = card(cardTicket({ state: 'assigned', assignee: agents[0], checklist: ALL_TICKED }));
    expect(buttonVerbs(built)).toContain('resolveTicket');
    expect(text(built)).not.toMatch(/Resolve appears once|Assign the ticket to resolve it/);
  });

  it('asks only for the e-mail check and the accounts on a request to add staff (source 001 checks for new staff)', () => {
    const built = card(cardTicket({ kind: 'addUsers', state: 'assigned', assignee: agents[0], checklist: {} }));
    expect(text(built)).toContain('Resolve appears once "E-mail domains checked" and "Accounts created" are ticked.');
  });
});
