import { describe, it, expect } from '@jest/globals';
import { buildTicketCard } from '../../cards/ticketCard.js';
import { validateCard } from '../helpers/validateCard.js';
import type { PersonRef, WorkflowTicket } from '../../data/model.js';
import { agents, allStrings, cardTicket, FIXTURE_EMAILS, NOW, ofType } from './cardFixtures.js';

function helpdeskCard(ticket: WorkflowTicket, roster: PersonRef[] = agents) {
  return buildTicketCard(ticket, { kind: 'helpdesk', agents: roster }, { refreshUserIds: ['29:agent'], now: NOW });
}

const text = (card: object) =>
  allStrings(card)
    .map((s) => s.value)
    .join('\n');

describe('the helpdesk card', () => {
  it('shows everything the helpdesk needs: e-mails, registration, leavers, priority, requester and assignee', () => {
    const shown = text(
      helpdeskCard(
        cardTicket({
          state: 'assigned',
          assignee: agents[1],
          users: [
            ...(cardTicket().users ?? []),
            { name: 'Dee', jobTitle: 'Cook', role: null, email: 'dee@rosewood.example', emailConfirmed: true },
          ],
        }),
      ),
    );
    for (const email of FIXTURE_EMAILS) expect(shown).toContain(email);
    for (const phrase of [
      'NMC 12A3456E',
      'Last working day: ',
      '2026-02-27',
      'Priority: ',
      'High',
      'Assigned to: ',
      'Bea Agent',
      'Requested by: ',
      'Grace Adeyemi',
      'Received: ',
      'Mon 2 Mar, 09:15',
      'Postcode: ',
      'SE13 5AB',
      'Internet (an extra code is e-mailed at each log-in)',
      'Cook · role: helpdesk decides',
      'The manager confirmed this address will be used appropriately for direct care.',
    ]) {
      expect(shown).toContain(phrase);
    }
  });

  it('tells the helpdesk to check an address the rules could not tell from a role mailbox (issue 11 point 1)', () => {
    const note = 'Check this is the person\'s own mailbox, not a shared or role one: the part before the @ has the role word "nurse".';
    const card = helpdeskCard(
      cardTicket({
        state: 'assigned',
        users: [{ name: 'Jane Nurse', jobTitle: 'Nurse', role: 'Clinical', email: 'jane.nurse@nhs.net', emailCheck: note }],
      }),
    );
    expect(text(card)).toContain(`${note} The manager said it is this person's own.`);
    expect(validateCard(card).problems).toEqual([]);
  });

  it('shows the question on a question ticket, and no checklist', () => {
    const card = helpdeskCard(
      cardTicket({
        kind: 'question',
        state: 'assigned',
        organisation: undefined,
        users: undefined,
        leavers: undefined,
        question: 'Can agency staff get accounts?',
      }),
    );
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
    const saves = ofType(helpdeskCard(cardTicket({ state: 'awaitingHelpdesk' })), 'Action.Execute').filter(
      (action) => action.verb === 'tickChecklist',
    );
    expect(saves.map((action) => (action.data as { item: string }).item)).toEqual([
      'odsVerified',
      'dpiaChecked',
      'dsptChecked',
      'emailDomainsChecked',
      'accountsCreated',
    ]);
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
  it("stays under Teams' 28 KB message limit for the largest request one by one (9 people) with long text", () => {
    const long = 'x'.repeat(5000);
    const users = Array.from({ length: 9 }, (_, i) => ({
      name: `Person Number ${i} With A Long Double-Barrelled Name`,
      jobTitle: 'Senior Health Care Assistant (Nights)',
      role: 'Clinical' as const,
      email: `person.number.${i}.long@rosewood-court-care-home.example.org`,
      registration: { body: 'NMC', number: '12A3456E' },
      emailConfirmed: true,
    }));
    const card = helpdeskCard(cardTicket({ state: 'assigned', users, question: long, reason: long }));
    const bytes = Buffer.byteLength(JSON.stringify(card));
    expect(bytes).toBeLessThan(28 * 1024);
    expect(text(card)).toContain(`${'x'.repeat(1999)}…`);
  });
});

describe('a request for many people', () => {
  it('lists the first 25 on the helpdesk card, says where to see them all, and stays a valid card well under the Teams size limit', () => {
    const users = Array.from({ length: 300 }, (_, i) => ({
      name: `Person ${i}`,
      jobTitle: 'Health Care Assistant',
      role: 'Non-Clinical' as const,
      email: `person.${i}@nhs.net`,
    }));
    const ticket = cardTicket({ state: 'assigned', users });
    const json = JSON.stringify(helpdeskCard(ticket));
    expect(json).toContain('Person 24');
    expect(json).not.toContain('Person 25');
    expect(json).toContain(`npx ucp-admin ticket show ${ticket.id}`);
    expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
    expect(validateCard(helpdeskCard(ticket)).problems).toEqual([]);
  });
});

describe('the helpdesk card with the automatic checks (issue 14)', () => {
  const at = '2026-03-03T09:42:00.000Z';
  const checked = (overrides: Partial<WorkflowTicket> = {}) =>
    cardTicket({
      state: 'assigned',
      checklist: { odsVerified: { by: 'system', at }, dsptChecked: { by: 'system', at } },
      automaticChecks: {
        odsVerified: {
          outcome: 'passed',
          evidence: 'The ODS directory lists ROSEWOOD COURT CARE HOME (VN4K2), active (looked up at 09:42).',
          at,
        },
        dpiaChecked: {
          outcome: 'failed',
          evidence:
            'Not named in the South East London onboarding DPIA (the register imported 01/03/2026), and no South East London governance lead has approved it.',
          at,
        },
        dsptChecked: {
          outcome: 'passed',
          evidence: '25/26 Standards Met, published 12/02/2026, current until 30 June 2027 (export imported 01/03/2026).',
          at,
        },
        emailDomainsChecked: {
          outcome: 'unsettled',
          evidence: '1 of 2 addresses needs your check (see the note beside person 2 in the list).',
          at,
        },
      },
      ...overrides,
    });

  it('says which items were checked automatically, with the evidence under each, and which could not be', () => {
    const shown = text(helpdeskCard(checked()));
    expect(shown).toContain('Checked automatically, Tue 3 Mar, 09:42: waiting for an agent to confirm');
    expect(shown).toContain('25/26 Standards Met, published 12/02/2026, current until 30 June 2027 (export imported 01/03/2026).');
    expect(shown).toContain('Checked automatically, Tue 3 Mar, 09:42: it does not pass');
    expect(shown).toContain('Could not be checked automatically, Tue 3 Mar, 09:42: tick it once you have checked');
    expect(shown).toContain('1 of 2 addresses needs your check');
    expect(ofType(helpdeskCard(checked()), 'Input.Toggle').map((toggle) => toggle.value)).toEqual([
      'true',
      'false',
      'true',
      'false',
      'false',
    ]);
  });

  it('offers one button that confirms every automatic tick, and hides it once none is left', () => {
    const confirm = (ticket: WorkflowTicket) =>
      ofType(helpdeskCard(ticket), 'Action.Execute').filter((action) => action.verb === 'confirmChecks');
    expect(confirm(checked()).map((action) => action.title)).toEqual(['Confirm the 2 automatic checks']);
    const byAgent = { by: agents[0], at: '2026-03-03T09:50:00.000Z' };
    expect(confirm(checked({ checklist: { odsVerified: byAgent, dsptChecked: byAgent } }))).toEqual([]);
    expect(validateCard(helpdeskCard(checked())).problems).toEqual([]);
  });

  it('says Resolve is refused while an automatic check fails, instead of offering it', () => {
    const card = helpdeskCard(checked());
    expect(ofType(card, 'Action.Execute').some((action) => action.verb === 'resolveTicket')).toBe(false);
    expect(text(card)).toContain('Resolve is refused while "DPIA checked" fails its automatic check: see the checklist.');
  });

  it('says Resolve appears once the automatic checks are confirmed and the rest ticked', () => {
    const passing = checked();
    passing.automaticChecks!.dpiaChecked = { outcome: 'passed', evidence: 'Named in the South East London onboarding DPIA.', at };
    passing.checklist.dpiaChecked = { by: 'system', at };
    expect(text(helpdeskCard(passing))).toContain(
      'Resolve appears once the automatic checks are confirmed and "E-mail domains checked" and "Accounts created" are ticked.',
    );
  });

  it('shows the evidence in the copy posted to the helpdesk channel too, without any e-mail address', () => {
    const shared = buildTicketCard(checked(), { kind: 'helpdesk', agents, shared: true }, { refreshUserIds: [], now: NOW });
    expect(text(shared)).toContain('25/26 Standards Met, published 12/02/2026');
    for (const email of FIXTURE_EMAILS) expect(text(shared)).not.toContain(email);
  });
});
