import { describe, it, expect } from '@jest/globals';
import { buildTicketCard } from '../../cards/ticketCard.js';
import { validateCard } from '../../cards/validateCard.js';
import type { PersonRef, WorkflowTicket } from '../../data/model.js';
import { agents, allStrings, cardTicket, FIXTURE_EMAILS, NOW, ofType } from './cardFixtures.js';

function helpdeskCard(ticket: WorkflowTicket, roster: PersonRef[] = agents) {
  return buildTicketCard(ticket, { kind: 'helpdesk', agents: roster }, { refreshUserIds: ['29:agent'], now: NOW });
}

const text = (card: object) => allStrings(card).map((s) => s.value).join('\n');

describe('the helpdesk card', () => {
  it('shows everything the helpdesk needs: e-mails, registration, leavers, priority, requester and assignee', () => {
    const shown = text(helpdeskCard(cardTicket({ state: 'assigned', assignee: agents[1], users: [...cardTicket().users ?? [], { name: 'Dee', jobTitle: 'Cook', role: null, email: 'dee@rosewood.example', emailConfirmed: true }] })));
    for (const email of FIXTURE_EMAILS) expect(shown).toContain(email);
    for (const phrase of ['NMC 12A3456E', 'Last working day: ', '2026-02-27', 'Priority: ', 'High', 'Assigned to: ', 'Bea Agent', 'Requested by: ', 'Grace Adeyemi',
      'Received: ', 'Mon 2 Mar, 09:15', 'Postcode: ', 'SE13 5AB', 'Internet (an extra code is e-mailed at each log-in)', 'Cook · role: helpdesk decides',
      'The manager confirmed this address will be used appropriately for direct care.']) {
      expect(shown).toContain(phrase);
    }
  });

  it('tells the helpdesk to check an address the rules could not tell from a role mailbox (issue 11 point 1)', () => {
    const note = 'Check this is the person\'s own mailbox, not a shared or role one: the part before the @ has the role word "nurse".';
    const card = helpdeskCard(cardTicket({ state: 'assigned', users: [{ name: 'Jane Nurse', jobTitle: 'Nurse', role: 'Clinical', email: 'jane.nurse@nhs.net', emailCheck: note }] }));
    expect(text(card)).toContain(`${note} The manager said it is this person's own.`);
    expect(validateCard(card).problems).toEqual([]);
  });

  it('shows the question on a question ticket, and no checklist', () => {
    const card = helpdeskCard(cardTicket({ kind: 'question', state: 'assigned', organisation: undefined, users: undefined, leavers: undefined, question: 'Can agency staff get accounts?' }));
    expect(text(card)).toContain('Can agency staff get accounts?');
    expect(ofType(card, 'Input.Toggle')).toEqual([]);
    expect(text(card)).not.toContain('Checklist');
  });

  it('has one toggle per checklist item, set from the stored ticket, each with who ticked it and when', () => {
    const card = helpdeskCard(cardTicket({ state: 'assigned' }));
    expect(ofType(card, 'Input.Toggle').map((toggle) => [toggle.id, toggle.title, toggle.value])).toEqual([
      ['checklist_odsVerified', 'ODS verified', 'true'],
      ['checklist_dpiaChecked', 'DPIA checked', 'false'],
      ['checklist_dsptChecked', 'DSPT checked', 'false'],
      ['checklist_emailDomainsChecked', 'E-mail domains checked', 'false'],
      ['checklist_accountsCreated', 'Accounts created', 'false'],
    ]);
    expect(text(card)).toContain('Ticked by Alex Agent, UCP helpdesk, Mon 2 Mar, 10:00');
    expect(text(card)).toContain('Not ticked yet');
  });

  it('saves each checklist item with its own action, so each tick reaches the bot as its own change', () => {
    const saves = ofType(helpdeskCard(cardTicket({ state: 'awaitingHelpdesk' })), 'Action.Execute').filter((action) => action.verb === 'tickChecklist');
    expect(saves.map((action) => (action.data as { item: string }).item)).toEqual(['odsVerified', 'dpiaChecked', 'dsptChecked', 'emailDomainsChecked', 'accountsCreated']);
  });

  it('shows the checklist as plain lines, without toggles, where ticking is not allowed', () => {
    const card = helpdeskCard(cardTicket({ state: 'resolved' }));
    expect(ofType(card, 'Input.Toggle')).toEqual([]);
    expect(text(card)).toContain('✓ ODS verified: ');
    expect(text(card)).toContain('○ Accounts created: ');
  });

  it('offers everyone on the roster as assignee, once each, with the current assignee chosen', () => {
    const roster = [...agents, { aadObjectId: agents[0].aadObjectId, name: 'Alex again' }, { aadObjectId: 'aad-agent-noname' }];
    const [choiceSet] = ofType(helpdeskCard(cardTicket({ state: 'assigned', assignee: agents[1] }), roster), 'Input.ChoiceSet');
    expect(choiceSet.choices).toEqual([
      { title: 'Alex Agent', value: 'aad-agent-alex' },
      { title: 'Bea Agent', value: 'aad-agent-bea' },
      { title: 'Helpdesk agent 3', value: 'aad-agent-noname' },
    ]);
    expect(choiceSet.value).toBe('aad-agent-bea');
    expect(choiceSet.isRequired).toBe(true);
  });
});

describe('card size', () => {
  it('stays under Teams\' 28 KB message limit for the largest request one by one (9 people) with long text', () => {
    const long = 'x'.repeat(5000);
    const users = Array.from({ length: 9 }, (_, i) => ({
      name: `Person Number ${i} With A Long Double-Barrelled Name`, jobTitle: 'Senior Health Care Assistant (Nights)', role: 'Clinical' as const,
      email: `person.number.${i}.long@rosewood-court-care-home.example.org`, registration: { body: 'NMC', number: '12A3456E' }, emailConfirmed: true,
    }));
    const card = helpdeskCard(cardTicket({ state: 'assigned', users, question: long, reason: long }));
    const bytes = Buffer.byteLength(JSON.stringify(card));
    expect(bytes).toBeLessThan(28 * 1024);
    expect(text(card)).toContain(`${'x'.repeat(1999)}…`);
  });
});

describe('a request for many people', () => {
  it('lists the first 25 on the helpdesk card, says where to see them all, and stays a valid card well under the Teams size limit', () => {
    const users = Array.from({ length: 300 }, (_, i) => ({ name: `Person ${i}`, jobTitle: 'Health Care Assistant', role: 'Non-Clinical' as const, email: `person.${i}@nhs.net` }));
    const ticket = cardTicket({ state: 'assigned', users });
    const json = JSON.stringify(helpdeskCard(ticket));
    expect(json).toContain('Person 24');
    expect(json).not.toContain('Person 25');
    expect(json).toContain(`npm run admin -- ticket show ${ticket.id}`);
    expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
    expect(validateCard(helpdeskCard(ticket)).problems).toEqual([]);
  });
});
