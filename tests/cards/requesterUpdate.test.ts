import { describe, it, expect } from '@jest/globals';
import { buildRequesterUpdate, type RequesterUpdateEvent } from '../../cards/requesterUpdate.js';
import { validateCard } from '../helpers/validateCard.js';
import type { TicketOrganisation, WorkflowTicket } from '../../data/model.js';
import { agents, cardTicket, FIXTURE_EMAILS, NOW } from './cardFixtures.js';

const accountsCreated = { accountsCreated: { by: agents[0], at: '2026-03-03T09:00:00.000Z' } };

function update(ticket: WorkflowTicket, event: RequesterUpdateEvent) {
  return buildRequesterUpdate(ticket, event, { now: NOW });
}

function withNetwork(hscn: boolean | undefined): WorkflowTicket {
  const ticket = cardTicket({ state: 'resolved', checklist: accountsCreated });
  return { ...ticket, organisation: { ...(ticket.organisation as TicketOrganisation), hscn } };
}

describe('the updates the care home manager gets', () => {
  it.each([
    [
      'received',
      cardTicket({ state: 'submitted' }),
      { to: 'submitted' },
      'We have received your request for UCP access for Rosewood Court Care Home (ticket UCP-000123)',
    ],
    [
      'sent to the ICS for approval',
      cardTicket({ state: 'awaitingIcsApproval' }),
      { from: 'submitted', to: 'awaitingIcsApproval' },
      'has gone to the South East London governance lead for approval',
    ],
    [
      'approved by the ICS',
      cardTicket({ state: 'awaitingHelpdesk' }),
      { from: 'awaitingIcsApproval', to: 'awaitingHelpdesk' },
      'Good news: the South East London governance lead has approved Rosewood Court Care Home',
    ],
    [
      'not approved',
      cardTicket({ state: 'rejected', reason: 'Not commissioned here.' }),
      { from: 'awaitingIcsApproval', to: 'rejected', reason: 'Not commissioned here.' },
      'The reason given: "Not commissioned here."',
    ],
    [
      'more information needed',
      cardTicket({ state: 'needsInformation', returnTo: 'assigned', reason: 'Which e-mail for Priya?' }),
      { from: 'assigned', to: 'needsInformation', reason: 'Which e-mail for Priya?' },
      'The UCP helpdesk needs a little more information about your request for UCP access for Rosewood Court Care Home (ticket UCP-000123): "Which e-mail for Priya?"',
    ],
    ['answer received', cardTicket({ state: 'assigned' }), { from: 'needsInformation', to: 'assigned' }, 'Thank you for your answer.'],
    [
      'being worked on',
      cardTicket({ state: 'assigned' }),
      { from: 'awaitingHelpdesk', to: 'assigned' },
      'Someone at the UCP helpdesk is now working on',
    ],
    [
      'done',
      cardTicket({ state: 'resolved', kind: 'deactivateUsers' }),
      { from: 'assigned', to: 'resolved' },
      'The accounts you asked us to remove have been deactivated.',
    ],
    ['closed', cardTicket({ state: 'closed' }), { from: 'resolved', to: 'closed' }, 'is now closed'],
    [
      'withdrawn',
      cardTicket({ state: 'withdrawn' }),
      { from: 'assigned', to: 'withdrawn', actor: { kind: 'person' } },
      'You withdrew your request',
    ],
    [
      'withdrawn',
      cardTicket({ state: 'withdrawn' }),
      { from: 'needsInformation', to: 'withdrawn', actor: { kind: 'system' } },
      'waiting a long time without a reply',
    ],
  ] as [string, WorkflowTicket, RequesterUpdateEvent, string][])(
    '%s: says so plainly, with the ticket number',
    (subject, ticket, event, phrase) => {
      const result = update(ticket, event);
      expect(result?.subject).toBe(`Your UCP request UCP-000123: ${subject}`);
      expect(result?.text).toContain(phrase);
      expect(result?.text).toContain('UCP-000123');
      expect(result?.text.length).toBeLessThan(900);
      for (const email of FIXTURE_EMAILS) expect(result?.text).not.toContain(email);
      const check = validateCard(result?.card ?? {});
      expect(check.problems).toEqual([]);
      expect(check.version).toBe('1.5');
      expect(result?.card?.refresh).toMatchObject({ action: { verb: 'refreshCard' } });
    },
  );

  it.each([
    [
      "no contact configured: source 000's Contact page",
      {},
      'You can contact the UCP Support team through the Contact page of the UCP website (onelondon.online).',
    ],
    ['the configured contact', { supportContact: '020 3000 0000' }, 'You can contact the UCP Support team: 020 3000 0000.'],
  ])(
    'tells a manager whose request was turned down how to contact the UCP helpdesk (%s), in the update and on the card',
    (_what, helpdesk, contact) => {
      const ticket = cardTicket({ state: 'rejected', reason: 'Not commissioned here.' });
      const result = buildRequesterUpdate(
        ticket,
        { from: 'awaitingIcsApproval', to: 'rejected', reason: 'Not commissioned here.' },
        { now: NOW, helpdesk },
      );
      expect(result?.text).toContain(`please contact the UCP helpdesk. ${contact}`);
      expect(JSON.stringify(result?.card)).toContain(contact);
    },
  );

  it.each([
    ['routing straight to the helpdesk (the "received" update covers it)', { from: 'submitted', to: 'awaitingHelpdesk' }],
    ['a checklist tick', { from: 'assigned', to: 'assigned' }],
    ['a re-assignment', { from: 'assigned', to: 'assigned' }],
    ['closing a request already turned down', { from: 'rejected', to: 'closed' }],
    ['closing a withdrawn request', { from: 'withdrawn', to: 'closed' }],
    ['archiving', { from: 'closed', to: 'archived' }],
  ] as [string, RequesterUpdateEvent][])('stays quiet for %s', (_what, event) => {
    expect(update(cardTicket({ state: event.to }), event)).toBeNull();
  });

  it('gives the next steps from source 000 once accounts are created: activation e-mail, internet address with its extra code, training', () => {
    const text = update(withNetwork(false), { from: 'assigned', to: 'resolved' })?.text ?? '';
    expect(text).toContain('the accounts have been created');
    expect(text).toContain('an e-mail from ucp.better@nhs.net with their username and a link to activate their account');
    expect(text).toContain(
      'Log in at https://london-scpa.better.care/: each time someone logs in there, they are sent an extra code by e-mail',
    );
    expect(text).not.toContain('london-scpa-hscn');
    expect(text).toContain('online UCP training');
  });

  it('sends an HSCN organisation to the HSCN address first, with the internet address as the fallback', () => {
    const text = update(withNetwork(true), { from: 'assigned', to: 'resolved' })?.text ?? '';
    expect(text).toContain('Your organisation is on the HSCN, so log in at https://london-scpa-hscn.better.care/');
    expect(text).toContain('If that address does not open, use https://london-scpa.better.care/ instead');
  });

  it('explains both addresses when the network is not known, with a link to each on the card', () => {
    const result = update(withNetwork(undefined), { from: 'assigned', to: 'resolved' });
    expect(result?.text).toContain(
      'If your organisation is on the HSCN, log in at https://london-scpa-hscn.better.care/. Otherwise use https://london-scpa.better.care/',
    );
    expect(JSON.stringify(result?.card)).toContain('"url":"https://london-scpa-hscn.better.care/"');
    expect(JSON.stringify(result?.card)).toContain('"url":"https://london-scpa.better.care/"');
  });

  it('says the ICS lead asked when the question came from them', () => {
    const ticket = cardTicket({ state: 'needsInformation', returnTo: 'awaitingIcsApproval', reason: 'Who commissions you?' });
    expect(update(ticket, { from: 'awaitingIcsApproval', to: 'needsInformation' })?.text).toMatch(
      /^The South East London governance lead needs a little more information .*"Who commissions you\?"/,
    );
  });
});
