import { describe, it, expect } from '@jest/globals';
import { buildTicketCard } from '../../cards/ticketCard.js';
import { validateCard } from '../helpers/validateCard.js';
import type { OrganisationRecheck, TicketOrganisation, WorkflowTicket } from '../../data/model.js';
import { agents, allStrings, cardTicket, NOW } from './cardFixtures.js';

const shown = (ticket: WorkflowTicket) =>
  allStrings(buildTicketCard(ticket, { kind: 'helpdesk', agents }, { refreshUserIds: [], now: NOW }))
    .map((s) => s.value)
    .join('\n');

function withOrganisation(changes: Partial<TicketOrganisation>, ticket: Partial<WorkflowTicket> = {}): WorkflowTicket {
  const base = cardTicket(ticket);
  return { ...base, organisation: { ...base.organisation!, ...changes } };
}

// Issue 11 point 5: only a type the directory's roles gave is shown as confirmed (source 001 "Organisation verification: … ODS Portal").
describe("the helpdesk card's organisation type", () => {
  it.each<[string, Partial<TicketOrganisation>, string]>([
    [
      'an NHS trust only the requester named',
      { organisationType: 'NHS trust', typeConfirmedByDirectory: false },
      'NHS trust (said by the requester; not confirmed by the ODS directory)',
    ],
    [
      'a GP practice from a ticket made before the type was checked',
      { organisationType: 'GP practice' },
      'GP practice (said by the requester; not confirmed by the ODS directory)',
    ],
    [
      'an NHS trust the directory confirmed',
      { organisationType: 'NHS trust', typeConfirmedByDirectory: true },
      'NHS trust (confirmed by the ODS directory)',
    ],
    [
      'a care home the directory confirmed',
      { organisationType: 'Care home (residential or nursing)', typeConfirmedByDirectory: true },
      'Care home (residential or nursing) (confirmed by the ODS directory)',
    ],
  ])('shows %s', (_case, changes, expected) => {
    expect(shown(withOrganisation(changes, { state: 'assigned' }))).toContain(expected);
  });
});

const RECHECK: OrganisationRecheck = {
  checkedAt: '2026-03-03T09:40:00.000Z',
  dpiaIcbCode: 'QKK',
  dsptRequired: true,
  dsptStatus: '25/26 Standards Met',
  dsptCurrent: true,
  dsptRenewalDue: '2027-06-30',
};

// Issue 11 point 4: source 001 user onboarding "Check organisation is already listed in the ICS Better Onboarding DPIA".
describe('the helpdesk card of an add-staff ticket shows what the re-check found', () => {
  const addStaff = (recheck: OrganisationRecheck | undefined) =>
    withOrganisation({ namedInDpia: true, ...(recheck ? { recheck } : {}) }, { kind: 'addUsers', state: 'awaitingHelpdesk' });

  it('says when it was checked, which ICS DPIA lists it, and the DSPT status as published and until when it is current', () => {
    const text = shown(addStaff(RECHECK));
    expect(text).toContain('Tue 3 Mar, 09:40, against the imported DPIA register and DSPT list');
    expect(text).toContain('Named in the South East London onboarding DPIA');
    expect(text).toContain('25/26 Standards Met (as published), current until 30 June 2027');
  });

  it.each<[string, Partial<OrganisationRecheck>, string]>([
    [
      'a confirmed NHS organisation',
      { dsptRequired: false, dsptStatus: undefined, dsptCurrent: false, dsptRenewalDue: undefined },
      'Not asked: an NHS organisation confirmed by the ODS directory',
    ],
    ['no row in the DSPT list', { dsptStatus: undefined, dsptCurrent: false, dsptRenewalDue: undefined }, 'No published status found'],
    [
      'a status that is no longer current',
      { dsptStatus: '23/24 Standards Met', dsptCurrent: false, dsptRenewalDue: undefined },
      '23/24 Standards Met (as published), not current',
    ],
    ['no DPIA listing', { dpiaIcbCode: undefined }, "Not named in its ICS's onboarding DPIA"],
  ])('shows %s plainly', (_case, changes, expected) => {
    expect(shown(addStaff({ ...RECHECK, ...changes }))).toContain(expected);
  });

  it('has no re-check rows on a ticket that was not re-checked, and the card stays valid with them', () => {
    expect(shown(addStaff(undefined))).not.toContain('re-checked');
    const card = buildTicketCard(addStaff(RECHECK), { kind: 'helpdesk', agents }, { refreshUserIds: [], now: NOW });
    expect(validateCard(card).problems).toEqual([]);
  });
});
