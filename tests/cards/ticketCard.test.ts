import { describe, it, expect } from '@jest/globals';
import { buildTicketCard, type TicketCardView } from '../../cards/ticketCard.js';
import { validateCard } from '../helpers/validateCard.js';
import type { TicketState, WorkflowTicket } from '../../data/model.js';
import { agents, ALL_STATES, allStrings, buttonVerbs, cardTicket, NOW, ofType } from './cardFixtures.js';

const VIEWS: TicketCardView[] = [
  { kind: 'icsLead' },
  { kind: 'helpdesk', agents },
  // The copy posted to a helpdesk channel, with a roster and with nobody on it yet.
  { kind: 'helpdesk', agents, shared: true },
  { kind: 'helpdesk', agents: [], shared: true },
  { kind: 'readOnly' },
  { kind: 'notAllowed', message: 'You are not on the ICS lead roster for South East London.' },
  { kind: 'requester' },
];

const VARIANTS: [string, Partial<WorkflowTicket>][] = [
  ['an organisation access request', {}],
  ['a request to add users', { kind: 'addUsers', leavers: undefined }],
  ['a leavers request', { kind: 'deactivateUsers', users: undefined }],
  [
    'a question with no organisation',
    { kind: 'question', organisation: undefined, users: undefined, leavers: undefined, question: 'How do I reset a password?' },
  ],
  ['a ticket nobody has acted on, with no users', { lastAction: undefined, users: [], checklist: {} }],
  [
    'a ticket with every check ticked and a reason',
    {
      reason: 'Please confirm the DSPT status.',
      checklist: Object.fromEntries(
        ['odsVerified', 'dpiaChecked', 'dsptChecked', 'emailDomainsChecked', 'accountsCreated'].map((item) => [
          item,
          { by: 'system', at: '2026-03-02T11:00:00.000Z' },
        ]),
      ),
    },
  ],
];

const EVERY_CHECK: WorkflowTicket['checklist'] = Object.fromEntries(
  ['odsVerified', 'dpiaChecked', 'dsptChecked', 'emailDomainsChecked', 'accountsCreated'].map((item) => [
    item,
    { by: agents[0], at: '2026-03-02T11:00:00.000Z' },
  ]),
);

function build(ticket: WorkflowTicket, view: TicketCardView, notice?: string) {
  return buildTicketCard(ticket, view, { refreshUserIds: ['29:lead-1', '29:agent-1'], notice, now: NOW });
}

describe('every ticket card view, in every state', () => {
  const cases = VIEWS.flatMap((view) =>
    ALL_STATES.flatMap((state) => VARIANTS.map(([variant, overrides]) => [view.kind, state, variant, view, overrides] as const)),
  );

  it.each(cases)('the %s view of %s (%s) parses and validates clean as version 1.5', (_kind, state, _variant, view, overrides) => {
    const card = build(cardTicket({ state, ...overrides }), view, 'Sam Lead already approved this at 10:04.');
    const check = validateCard(card);
    expect(check.problems).toEqual([]);
    expect(check.version).toBe('1.5');
    // A binding the data did not fill stays as "${...}" in the output: every field must be supplied.
    expect(JSON.stringify(card)).not.toContain('${');
  });
});

describe('which buttons each view shows', () => {
  const helpdeskWorking = ['assignTicket', 'requestInformation', 'tickChecklist'];
  const expected: Record<'icsLead' | 'helpdesk', Partial<Record<TicketState, string[]>>> = {
    icsLead: { awaitingIcsApproval: ['approveOrganisation', 'rejectOrganisation', 'requestInformation'] },
    helpdesk: {
      awaitingHelpdesk: helpdeskWorking,
      assigned: [...helpdeskWorking, 'resolveTicket'].sort(),
      resolved: ['closeTicket'],
      rejected: ['closeTicket'],
      withdrawn: ['closeTicket'],
    },
  };

  it.each(ALL_STATES)('in %s: the ICS lead and the helpdesk get only the buttons the workflow allows', (state) => {
    const ticket = cardTicket({ state, checklist: EVERY_CHECK });
    expect([...new Set(buttonVerbs(build(ticket, { kind: 'icsLead' })))].sort()).toEqual(expected.icsLead[state] ?? []);
    expect([...new Set(buttonVerbs(build(ticket, { kind: 'helpdesk', agents })))].sort()).toEqual(expected.helpdesk[state] ?? []);
  });

  it.each(ALL_STATES)('in %s: read-only and not-allowed cards have no buttons at all', (state) => {
    for (const view of VIEWS.filter((v) => !['icsLead', 'helpdesk', 'requester'].includes(v.kind))) {
      const card = build(cardTicket({ state }), view);
      expect(buttonVerbs(card)).toEqual([]);
      expect(ofType(card, 'Action.ShowCard')).toEqual([]);
      expect(ofType(card, 'Input.Text')).toEqual([]);
    }
  });

  const OPEN = ['submitted', 'awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation'];
  it.each(ALL_STATES)('in %s: the requester can answer a question, and withdraw while the request is open', (state) => {
    const card = build(cardTicket({ state }), { kind: 'requester' });
    const expectedVerbs = [
      ...(state === 'needsInformation' ? ['provideInformation'] : []),
      ...(OPEN.includes(state) ? ['withdrawRequest'] : []),
    ];
    expect(buttonVerbs(card).sort()).toEqual(expectedVerbs.sort());
    expect(ofType(card, 'Input.Text').map((input) => input.id)).toEqual(state === 'needsInformation' ? ['answer'] : []);
    expect(validateCard(card).problems).toEqual([]);
  });

  it('puts each reason box inside its own action, so Approve is never held up by an empty reason', () => {
    const card = build(cardTicket(), { kind: 'icsLead' });
    const topLevelInputs = (card.body as Record<string, unknown>[]).filter((element) => String(element.type).startsWith('Input.'));
    expect(topLevelInputs).toEqual([]);
    const shows = ofType(card, 'Action.ShowCard');
    expect(
      shows.map((show) => [
        show.title,
        ofType(show.card, 'Input.Text').map((input) => input.id),
        buttonVerbs(show.card as Record<string, unknown>),
      ]),
    ).toEqual([
      ['Reject', ['rejectReason'], ['rejectOrganisation']],
      ['Ask for information', ['requestReason'], ['requestInformation']],
    ]);
  });

  it('carries the ticket id and the stored version on every button, and only those (plus the item on a checklist save)', () => {
    const ticket = cardTicket({ state: 'assigned', version: 42 });
    for (const view of [{ kind: 'icsLead' }, { kind: 'helpdesk', agents }] as TicketCardView[]) {
      for (const state of ALL_STATES) {
        const card = build({ ...ticket, state }, view);
        for (const action of ofType(card, 'Action.Execute')) {
          const { item, ...rest } = action.data as Record<string, unknown>;
          expect(rest).toEqual({ ticketId: 'UCP-000123', version: 42 });
          expect(item === undefined || action.verb === 'tickChecklist').toBe(true);
        }
      }
    }
  });

  it('offers Assign only when the roster has someone to choose', () => {
    const card = build(cardTicket({ state: 'awaitingHelpdesk' }), { kind: 'helpdesk', agents: [] });
    expect(buttonVerbs(card)).not.toContain('assignTicket');
    expect(validateCard(card).problems).toEqual([]);
  });
});

describe('the notice and the refresh', () => {
  it('shows the notice as a highlighted first line, exactly as given', () => {
    for (const view of VIEWS) {
      const card = build(cardTicket(), view, 'Sam Lead already approved this at 10:04.');
      const first = (card.body as Record<string, unknown>[])[0];
      expect(first.style).toBe('warning');
      expect(ofType(first, 'TextRun').map((run) => run.text)).toEqual(['Sam Lead already approved this at 10:04.']);
    }
  });

  it('leaves the notice out when there is none, or only spaces', () => {
    for (const notice of [undefined, '   ']) {
      const card = build(cardTicket(), { kind: 'readOnly' }, notice);
      expect((card.body as Record<string, unknown>[]).some((element) => element.style === 'warning')).toBe(false);
    }
  });

  it('asks Teams to refresh the card for the given viewers with refreshCard and the ticket id', () => {
    const card = buildTicketCard(cardTicket(), { kind: 'readOnly' }, { refreshUserIds: ['29:a', '29:b'], now: NOW });
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refreshCard', title: 'Refresh', data: { ticketId: 'UCP-000123', version: 7 } },
      userIds: ['29:a', '29:b'],
    });
  });

  it('keeps the first 60 distinct viewers when given more, as Teams refreshes at most 60', () => {
    const ids = ['29:dup', '29:dup', ...Array.from({ length: 70 }, (_, i) => `29:user-${i}`), ''];
    const card = buildTicketCard(cardTicket(), { kind: 'icsLead' }, { refreshUserIds: ids, now: NOW });
    const userIds = (card.refresh as { userIds: string[] }).userIds;
    expect(userIds).toHaveLength(60);
    expect(userIds.slice(0, 3)).toEqual(['29:dup', '29:user-0', '29:user-1']);
    expect(userIds[59]).toBe('29:user-58');
  });

  it('keeps the refresh even with no listed viewers, so anyone can still ask for their own view', () => {
    const card = buildTicketCard(cardTicket(), { kind: 'requester' }, { refreshUserIds: [], now: NOW });
    expect(card.refresh).toMatchObject({ action: { verb: 'refreshCard' }, userIds: [] });
    expect(validateCard(card).problems).toEqual([]);
  });
});

describe('what each view says', () => {
  const text = (card: object) =>
    allStrings(card)
      .map((s) => s.value)
      .join('\n');

  it('tells the ICS lead what they need to decide, with roles and no e-mail addresses', () => {
    const ticket = cardTicket({
      users: [...(cardTicket().users ?? []), { name: 'Tom Whitfield', jobTitle: 'Activities Lead', role: null, email: 'tom@example.org' }],
    });
    const shown = text(build(ticket, { kind: 'icsLead' }));
    for (const phrase of [
      'Rosewood Court Care Home',
      'VN4K2 (ODS verified by the UCP helpdesk)',
      'South East London',
      'Lewisham',
      'London',
      '25/26 Standards Met (as published)',
      'Not named in the ICS onboarding DPIA',
      '3 people asked for access',
      'Non-Clinical: ',
      'Clinical: ',
      'Role for the helpdesk to decide: ',
      '1 person',
    ]) {
      expect(shown).toContain(phrase);
    }
    // The lead decides on the organisation, not its staff: no names, job titles or addresses.
    expect(shown).not.toMatch(/@|Samuel Okafor|Tom Whitfield|Health Care Assistant|Activities Lead/);
  });

  // Source 004 "annual self-assessment": a status for a year that has not begun cannot have been published (data/rules/dspt.ts).
  it.each<[string, TicketCardView]>([
    ['ICS lead', { kind: 'icsLead' }],
    ['helpdesk', { kind: 'helpdesk', agents }],
  ])('the %s view never shows a status dated after today as if it counted', (_name, view) => {
    const ticket = cardTicket();
    const future = { ...ticket, organisation: { ...ticket.organisation!, dsptStatus: '99/00 Standards Met' } };
    expect(text(build(future, view))).toContain('99/00 Standards Met (as published, but dated after today: it counts as unknown, not met)');
    expect(text(build(ticket, view))).not.toContain('dated after today');
  });

  it('says "ODS not yet verified" while the ODS directory could not be reached and the helpdesk has not ticked it', () => {
    const ticket = cardTicket({ checklist: {} });
    const shown = text(
      build(
        { ...ticket, organisation: { ...ticket.organisation!, odsVerified: false, dsptStatus: undefined, namedInDpia: true } },
        { kind: 'icsLead' },
      ),
    );
    expect(shown).toContain('VN4K2 (ODS not yet verified)');
    expect(shown).toContain('No published status found');
    expect(shown).toContain('Named in the ICS onboarding DPIA');
  });

  it('shows the read-only status and who acted last in London time, and nothing personal', () => {
    const shown = text(build(cardTicket({ state: 'awaitingHelpdesk', reason: 'Private reason' }), { kind: 'readOnly' }));
    expect(shown).toContain('Waiting for the UCP helpdesk');
    expect(shown).toContain('Approved by Sam Lead, South East London governance lead, Mon 2 Mar, 10:04');
    for (const personal of ['Grace', 'Samuel', 'Priya', 'Leaver', 'Private reason', 'Health Care Assistant', 'SE13', '@'])
      expect(shown).not.toContain(personal);
  });

  it("names the ICS lead's role on a ticket last sent back under the former name askForInformation, stored with no role", () => {
    const lastAction = { by: { aadObjectId: 'aad-lead-sam', name: 'Sam Lead' }, at: '2026-03-02T10:04:00.000Z', verb: 'askForInformation' };
    const shown = text(build(cardTicket({ state: 'needsInformation', returnTo: 'awaitingIcsApproval', lastAction }), { kind: 'readOnly' }));
    expect(shown).toContain('Sent back for more information by Sam Lead, South East London governance lead, Mon 2 Mar, 10:04');
  });

  it("names the role from the ticket's record when the ICS lead or the helpdesk sent it back for more information", () => {
    const by = { aadObjectId: 'aad-lead-sam', name: 'Sam Lead' };
    const asLead = cardTicket({
      state: 'needsInformation',
      lastAction: { by, at: '2026-03-02T10:04:00.000Z', verb: 'requestInformation', role: 'icsLead' },
    });
    expect(text(build(asLead, { kind: 'readOnly' }))).toContain(
      'Sent back for more information by Sam Lead, South East London governance lead',
    );
    const asAgent = cardTicket({
      state: 'needsInformation',
      lastAction: { by, at: '2026-03-02T10:04:00.000Z', verb: 'requestInformation', role: 'helpdeskAgent' },
    });
    expect(text(build(asAgent, { kind: 'readOnly' }))).toContain('Sent back for more information by Sam Lead, UCP helpdesk');
  });

  it('calls the care home manager "the care home" outside the helpdesk view', () => {
    const ticket = cardTicket({
      state: 'withdrawn',
      lastAction: { by: { aadObjectId: 'aad-requester-grace', name: 'Grace Adeyemi' }, at: '2026-07-01T08:30:00.000Z', verb: 'withdraw' },
    });
    expect(text(build(ticket, { kind: 'readOnly' }))).toContain('Withdrawn by the care home, Wed 1 Jul, 09:30');
    expect(text(build(ticket, { kind: 'helpdesk', agents }))).toContain('Withdrawn by Grace Adeyemi, the care home, Wed 1 Jul, 09:30');
  });

  it('tells a person not on the roster that they cannot act, and why', () => {
    const card = build(cardTicket(), { kind: 'notAllowed', message: 'You are not on the ICS lead roster for South East London.' });
    const shown = text(card);
    expect(shown).toContain('You cannot act on this card');
    expect(shown).toContain('You are not on the ICS lead roster for South East London.');
    expect(text(build(cardTicket(), { kind: 'readOnly' }))).not.toContain('You cannot act on this card');
  });

  it('tells the requester the status, what happens next and the reason, without e-mail addresses', () => {
    const waiting = text(
      build(cardTicket({ state: 'needsInformation', reason: "Which floor is the nurses' station on?", returnTo: 'awaitingIcsApproval' }), {
        kind: 'requester',
      }),
    );
    expect(waiting).toContain('We need more information from you');
    expect(waiting).toContain('What the South East London governance lead needs to know');
    expect(waiting).toContain("Which floor is the nurses' station on?");
    expect(waiting).toContain('Please press Answer the question on the card');
    const rejected = text(build(cardTicket({ state: 'rejected', reason: 'Not commissioned by this ICS.' }), { kind: 'requester' }));
    expect(rejected).toContain('Why it was not approved');
    expect(rejected).toContain('Not commissioned by this ICS.');
    for (const shown of [waiting, rejected]) expect(shown).not.toMatch(/@/);
  });

  it('gives the requester the next steps and the internet address once accounts are created', () => {
    const card = build(
      cardTicket({ state: 'resolved', checklist: { accountsCreated: { by: agents[0], at: '2026-03-03T09:00:00.000Z' } } }),
      { kind: 'requester' },
    );
    const shown = text(card);
    expect(shown).toContain('ucp.better@nhs.net');
    expect(shown).toContain('https://london-scpa.better.care/');
    expect(shown).toContain('extra code by e-mail');
    expect(shown).toContain('training');
    expect(ofType(card, 'Action.OpenUrl').map((link) => link.url)).toEqual(['https://london-scpa.better.care/']);
    expect(shown).not.toContain('grace.adeyemi');
  });

  it('shows a year only for a time in another year than now', () => {
    const ticket = cardTicket({ lastAction: { by: 'system', at: '2025-12-31T16:00:00.000Z', verb: 'escalate' } });
    expect(text(build(ticket, { kind: 'readOnly' }))).toContain('Escalated automatically, Wed 31 Dec 2025, 16:00');
  });
});
