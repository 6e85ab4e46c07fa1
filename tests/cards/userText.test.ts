import { describe, it, expect } from '@jest/globals';
import { buildRequesterUpdate } from '../../cards/requesterUpdate.js';
import { buildTicketCard, type TicketCardView } from '../../cards/ticketCard.js';
import { validateCard } from '../helpers/validateCard.js';
import type { WorkflowTicket } from '../../data/model.js';
import { allStrings, cardTicket, FIXTURE_EMAILS, NOW } from './cardFixtures.js';

// What people might type: a template binding, markdown, HTML and a markdown link. Each must be shown exactly as typed.
const TYPED = ' ${ticketId} ${$root.version} **bold** <b>x</b> [link](http://x)';

function typedTicket(overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  const base = cardTicket();
  return cardTicket({
    organisation: { ...base.organisation!, name: `Rosewood${TYPED}`, borough: `Lewisham${TYPED}` },
    users: [
      {
        name: `Samuel${TYPED}`,
        jobTitle: `Carer${TYPED}`,
        role: null,
        email: 'samuel.okafor@nhs.net',
        registration: { body: 'NMC', number: `12A${TYPED}` },
      },
    ],
    leavers: [{ name: `Old${TYPED}`, email: 'old.leaver@nhs.net', lastWorkingDay: '2026-02-27' }],
    requester: { aadObjectId: 'aad-requester-grace', name: `Grace${TYPED}`, email: 'grace.adeyemi@nhs.net' },
    lastAction: { by: { aadObjectId: 'aad-lead-sam', name: `Sam${TYPED}` }, at: '2026-03-02T10:04:00.000Z', verb: 'askForInformation' },
    question: `Why${TYPED}`,
    reason: `Because${TYPED}`,
    ...overrides,
  });
}

const VIEWS: TicketCardView[] = [
  { kind: 'icsLead' },
  { kind: 'helpdesk', agents: [{ aadObjectId: 'aad-agent-alex', name: `Alex${TYPED}` }] },
  { kind: 'readOnly' },
  { kind: 'notAllowed', message: `Not you${TYPED}` },
  { kind: 'requester' },
];

describe('text people typed', () => {
  it.each(VIEWS.map((view) => [view.kind, view] as const))(
    'stays exactly as typed on the %s card, and only in text runs or input titles, which render no markdown',
    (_kind, view) => {
      for (const state of ['awaitingIcsApproval', 'assigned', 'needsInformation', 'rejected'] as const) {
        const card = buildTicketCard(typedTicket({ state }), view, { refreshUserIds: ['29:x'], notice: `Notice${TYPED}`, now: NOW });
        expect(validateCard(card).problems).toEqual([]);
        const holders = allStrings(card).filter((s) => s.value.includes('**bold**'));
        expect(holders.length).toBeGreaterThan(0);
        for (const { holder, key, value } of holders) {
          expect(value).toContain(TYPED.trim());
          const plain =
            (holder.type === 'TextRun' && key === 'text') ||
            (holder.type === 'Input.Toggle' && key === 'title') ||
            (holder.title === value && holder.value !== undefined);
          expect({ type: holder.type, key, plain }).toEqual({ type: holder.type, key, plain: true });
        }
        // Nothing typed was evaluated: the binding did not turn into the ticket id.
        expect(holders.every((s) => !s.value.includes('UCP-000123'))).toBe(true);
      }
    },
  );

  it('shows the organisation name, the notice and the reason literally on the cards that carry them', () => {
    const ics = JSON.stringify(
      buildTicketCard(typedTicket({ state: 'rejected' }), { kind: 'icsLead' }, { refreshUserIds: [], notice: `Notice${TYPED}`, now: NOW }),
    );
    for (const literal of [`Rosewood${TYPED} (VN4K2)`, `Notice${TYPED}`, `Because${TYPED}`])
      expect(ics).toContain(JSON.stringify(literal).slice(1, -1));
  });

  it('stays literal in the requester update text and card', () => {
    const update = buildRequesterUpdate(
      typedTicket({ state: 'rejected' }),
      { from: 'awaitingIcsApproval', to: 'rejected', reason: `Because${TYPED}` },
      { now: NOW },
    );
    expect(update?.text).toContain(`"Because${TYPED}"`);
    expect(JSON.stringify(update?.card)).toContain(JSON.stringify(`Because${TYPED}`).slice(1, -1));
  });
});

describe('e-mail addresses', () => {
  it.each(['icsLead', 'readOnly', 'notAllowed', 'requester'] as const)('never appear on the %s card, in any state', (kind) => {
    const view: TicketCardView = kind === 'notAllowed' ? { kind, message: 'Not on the roster.' } : { kind };
    for (const state of [
      'submitted',
      'awaitingIcsApproval',
      'awaitingHelpdesk',
      'assigned',
      'needsInformation',
      'resolved',
      'closed',
      'rejected',
      'withdrawn',
    ] as const) {
      const shown = JSON.stringify(buildTicketCard(cardTicket({ state, reason: 'A reason' }), view, { refreshUserIds: [], now: NOW }));
      for (const email of FIXTURE_EMAILS) expect(shown).not.toContain(email);
    }
  });
});
