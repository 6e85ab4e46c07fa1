import { describe, it, expect } from '@jest/globals';
import type { EligibilityOutcome, OrganisationLocation } from '../../../data/rules/eligibility.js';
import { recheckOrganisation, type RecheckInput } from '../../../data/rules/organisationRecheck.js';
import type { OrganisationType } from '../../../data/rules/organisationTypes.js';

const LISTED = 'source 001 user onboarding "Check organisation is already listed in the ICS Better Onboarding DPIA"';
const STANDARDS_MET = 'source 001 "Data Security and Protection Toolkit compliant at Standards Met … required for … Non-NHS organisations"';
const APPROVAL =
  'source 001 "Where an organisation is DSPT compliant but not listed in the Better onboarding DPIA, help desk shall seek onboarding approval"';
const OWN_DPIA =
  'source 001 "outside of London and requires access for a patient who receives care in London … will need to complete a DPIA"';
const RENEWAL = 'DOMAIN.md DSPT "its yearly publication deadline is 30 June" (dspt.ts renewalDue)';

/** 2 March 2026: "24/25" is current until 30 June 2026, "23/24" lapsed after 30 June 2025. */
const TODAY = '2026-03-02';
const base: RecheckInput = {
  organisationType: 'careHome',
  typeConfirmedByDirectory: true,
  location: 'london',
  icbCode: 'QKK',
  namedInDpia: true,
  publishedDspt: '25/26 Standards Met',
  checkedAt: '2026-03-02T10:04:00.000Z',
  today: TODAY,
};

type Row = [string, string, Partial<RecheckInput>, boolean, EligibilityOutcome];
const ROWS: Row[] = [
  ['in its DPIA, Standards Met and current', LISTED, {}, true, 'eligible'],
  ['in its DPIA, Standards Exceeded', LISTED, { publishedDspt: '25/26 Standards Exceeded' }, true, 'eligible'],
  ["in its DPIA, last year's Standards Met still before its 30 June", RENEWAL, { publishedDspt: '24/25 Standards Met' }, true, 'eligible'],
  ['in its DPIA, DSPT lapsed after 30 June', RENEWAL, { publishedDspt: '23/24 Standards Met' }, false, 'needsDsptFirst'],
  ['in its DPIA, DSPT now Approaching Standards', STANDARDS_MET, { publishedDspt: '25/26 Approaching Standards' }, false, 'needsDsptFirst'],
  ['in its DPIA, DSPT now Not Published', STANDARDS_MET, { publishedDspt: 'Not Published' }, false, 'needsDsptFirst'],
  [
    "in its DPIA, no row in the DSPT list any more (a manager's answer is not evidence)",
    STANDARDS_MET,
    { publishedDspt: undefined },
    false,
    'needsDsptFirst',
  ],
  ['in its DPIA, a status that cannot be read', STANDARDS_MET, { publishedDspt: 'Standards Met with plan' }, false, 'needsDsptFirst'],
  ['no longer in its DPIA, DSPT current', APPROVAL, { namedInDpia: false }, false, 'needsIcsApproval'],
  [
    'no longer in its DPIA and DSPT lapsed',
    STANDARDS_MET,
    { namedInDpia: false, publishedDspt: '23/24 Standards Met' },
    false,
    'needsDsptFirst',
  ],
  [
    'commissioned for Londoners, no longer in the DPIA',
    APPROVAL,
    { location: 'commissioned' as OrganisationLocation, namedInDpia: false },
    false,
    'needsIcsApproval',
  ],
  [
    'outside London, no longer in a DPIA',
    OWN_DPIA,
    { location: 'outside' as OrganisationLocation, namedInDpia: false },
    false,
    'needsOwnDpia',
  ],
  [
    'an NHS trust the directory confirmed, no DSPT row',
    STANDARDS_MET,
    { organisationType: 'nhsTrust' as OrganisationType, publishedDspt: undefined },
    true,
    'eligible',
  ],
  [
    'an NHS trust only the manager named, no DSPT row',
    STANDARDS_MET,
    { organisationType: 'nhsTrust' as OrganisationType, typeConfirmedByDirectory: false, publishedDspt: undefined },
    false,
    'needsDsptFirst',
  ],
  [
    'a GP practice only the manager named, Standards Met',
    STANDARDS_MET,
    { organisationType: 'gpPractice' as OrganisationType, typeConfirmedByDirectory: false },
    true,
    'eligible',
  ],
  [
    'a confirmed NHS trust no longer in its DPIA',
    APPROVAL,
    { organisationType: 'nhsTrust' as OrganisationType, namedInDpia: false, publishedDspt: undefined },
    false,
    'needsIcsApproval',
  ],
];

describe('re-checking an onboarded organisation when staff are added', () => {
  it.each(ROWS)('%s (%s)', (_case, _source, changes, stillOnboarded, outcome) => {
    const result = recheckOrganisation({ ...base, ...changes });
    expect(result).toMatchObject({ stillOnboarded, outcome });
  });

  it('records what it found for the helpdesk card: when, which ICS DPIA, the DSPT as published and until when it is current', () => {
    expect(recheckOrganisation(base).facts).toEqual({
      checkedAt: '2026-03-02T10:04:00.000Z',
      dpiaIcbCode: 'QKK',
      dsptRequired: true,
      dsptStatus: '25/26 Standards Met',
      dsptCurrent: true,
      dsptRenewalDue: '2027-06-30',
    });
  });

  it('records a lapsed status as published but not current, and no DPIA when its own ICS no longer lists it', () => {
    expect(recheckOrganisation({ ...base, namedInDpia: false, publishedDspt: '23/24 Standards Met' }).facts).toEqual({
      checkedAt: '2026-03-02T10:04:00.000Z',
      dsptRequired: true,
      dsptStatus: '23/24 Standards Met',
      dsptCurrent: false,
    });
  });

  it('records that a confirmed NHS organisation was not asked for the DSPT', () => {
    expect(recheckOrganisation({ ...base, organisationType: 'otherNhs', publishedDspt: undefined }).facts).toEqual({
      checkedAt: '2026-03-02T10:04:00.000Z',
      dpiaIcbCode: 'QKK',
      dsptRequired: false,
      dsptCurrent: false,
    });
  });
});
