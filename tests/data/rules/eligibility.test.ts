import { describe, it, expect } from '@jest/globals';
import { parseDsptStatus, type ParsedDsptStatus } from '../../../data/rules/dspt.js';
import {
  decideEligibility,
  type EligibilityInput,
  type EligibilityOutcome,
  type OrganisationLocation,
} from '../../../data/rules/eligibility.js';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../data/rules/organisationTypes.js';

/** The day statuses are read on: every year used here had begun by then, except where a test says otherwise. */
const TODAY = '2026-12-05';
const SOCIAL: OrganisationType[] = ['careHome', 'domiciliaryCare', 'charity', 'otherSocialCare', 'otherNonNhs'];
const NHS: OrganisationType[] = ['nhsTrust', 'gpPractice', 'otherNhs'];

type DsptClass = 'met' | 'approaching' | 'missing';
const DSPT_BY_CLASS: Record<DsptClass, Array<[string, ParsedDsptStatus | undefined]>> = {
  met: [
    ['24/25 Standards Met', parseDsptStatus('24/25 Standards Met', TODAY)],
    ['Standards Exceeded', parseDsptStatus('Standards Exceeded', TODAY)],
  ],
  approaching: [['24/25 Approaching Standards', parseDsptStatus('24/25 Approaching Standards', TODAY)]],
  missing: [
    ['Not Published', parseDsptStatus('Not Published', TODAY)],
    ['Standards Not Met', parseDsptStatus('Standards Not Met', TODAY)],
    ['no status at all', undefined],
  ],
};

// The rules written out by hand, one row per case, so the table can disagree with the code.
// [location, named in DPIA, DSPT class, decision for social care / non-NHS, decision for NHS, ICS approval needed]
const EXPECTED: Array<[OrganisationLocation, boolean, DsptClass, EligibilityOutcome, EligibilityOutcome, boolean]> = [
  ['london', true, 'met', 'eligible', 'eligible', false],
  ['london', true, 'approaching', 'needsDsptFirst', 'eligible', false],
  ['london', true, 'missing', 'needsDsptFirst', 'eligible', false],
  ['london', false, 'met', 'needsIcsApproval', 'needsIcsApproval', true],
  ['london', false, 'approaching', 'needsDsptFirst', 'needsIcsApproval', true],
  ['london', false, 'missing', 'needsDsptFirst', 'needsIcsApproval', true],
  ['commissioned', true, 'met', 'eligible', 'eligible', false],
  ['commissioned', true, 'approaching', 'needsDsptFirst', 'eligible', false],
  ['commissioned', true, 'missing', 'needsDsptFirst', 'eligible', false],
  ['commissioned', false, 'met', 'needsIcsApproval', 'needsIcsApproval', true],
  ['commissioned', false, 'approaching', 'needsDsptFirst', 'needsIcsApproval', true],
  ['commissioned', false, 'missing', 'needsDsptFirst', 'needsIcsApproval', true],
  ['outside', true, 'met', 'eligible', 'eligible', false],
  ['outside', true, 'approaching', 'needsDsptFirst', 'eligible', false],
  ['outside', true, 'missing', 'needsDsptFirst', 'eligible', false],
  ['outside', false, 'met', 'needsOwnDpia', 'needsOwnDpia', false],
  ['outside', false, 'approaching', 'needsOwnDpia', 'needsOwnDpia', false],
  ['outside', false, 'missing', 'needsOwnDpia', 'needsOwnDpia', false],
];

const CASES = EXPECTED.flatMap(([location, namedInDpia, dsptClass, socialDecision, nhsDecision, icsApprovalNeeded]) =>
  ORGANISATION_TYPES.flatMap((organisationType) =>
    DSPT_BY_CLASS[dsptClass].map(([dsptName, dspt]) => {
      const isNhs = NHS.includes(organisationType);
      return {
        name: `${organisationType}, ${dsptName}, ${namedInDpia ? 'in' : 'not in'} the DPIA, ${location}`,
        // NHS types here are the ones the ODS directory confirmed; a type only the manager gave is tested below.
        input: { organisationType, typeConfirmedByDirectory: true, dspt, namedInDpia, location } satisfies EligibilityInput,
        decision: isNhs ? nhsDecision : socialDecision,
        icsApprovalNeeded,
        dsptRequired: !isNhs,
        dsptOk: isNhs || dsptClass === 'met',
      };
    }),
  ),
);

describe('decideEligibility across every organisation type, DSPT status, DPIA listing and location', () => {
  it('covers all eight organisation types, split between social care and NHS', () => {
    expect([...SOCIAL, ...NHS].sort()).toEqual([...ORGANISATION_TYPES].sort());
    expect(CASES).toHaveLength(ORGANISATION_TYPES.length * 6 * 2 * 3);
  });

  it.each(CASES)('$name → $decision', ({ input, decision, icsApprovalNeeded, dsptRequired, dsptOk }) => {
    const result = decideEligibility(input);
    expect(result).toMatchObject({ decision, icsApprovalNeeded, dsptRequired, dsptOk });
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.nextSteps.length).toBeGreaterThan(0);
    for (const line of [...result.reasons, ...result.nextSteps]) {
      expect(line).not.toMatch(/[a-z][A-Z]|undefined|RO\d|\$\{/);
      expect(line).toMatch(/^[A-Z].*[.)]$/);
    }
  });
});

const careHome = (overrides: Partial<EligibilityInput> = {}): EligibilityInput => ({
  organisationType: 'careHome',
  dspt: parseDsptStatus('24/25 Standards Met', TODAY),
  namedInDpia: true,
  location: 'london',
  ...overrides,
});

const textOf = (input: EligibilityInput): string => {
  const result = decideEligibility(input);
  return [...result.reasons, ...result.nextSteps].join('\n');
};

describe('what a care home manager is told', () => {
  it('tells an eligible home it can go ahead and ask for accounts', () => {
    const result = decideEligibility(careHome());
    expect(result.reasons).toContain('Your Data Security and Protection Toolkit (DSPT) assessment shows Standards Met for 2024-25.');
    expect(result.nextSteps).toEqual(['You can go ahead and ask for UCP accounts for your staff.']);
  });

  it('tells a home not in the DPIA that its ICS lead will be asked, and that it takes around a week', () => {
    const result = decideEligibility(careHome({ namedInDpia: false }));
    expect(result.reasons[0]).toMatch(/not yet named in your Integrated Care System's data protection impact assessment \(DPIA\)/);
    expect(result.nextSteps.join(' ')).toMatch(/governance lead to approve your organisation\. This usually takes around a week/);
  });

  it('tells a commissioned organisation outside London that the London lead for that service decides', () => {
    const text = textOf(careHome({ namedInDpia: false, location: 'commissioned' }));
    expect(text).toMatch(/outside London and commissioned to care for Londoners/);
    expect(text).toMatch(/London Integrated Care System lead for the service you are commissioned to provide/);
    expect(text).toMatch(/around a week/);
  });

  it('sends an organisation outside London to complete its own DPIA, through the helpdesk, with no approval', () => {
    const result = decideEligibility(careHome({ namedInDpia: false, location: 'outside' }));
    expect(result.decision).toBe('needsOwnDpia');
    expect(result.icsApprovalNeeded).toBe(false);
    expect(result.nextSteps.join(' ')).toMatch(/complete its own DPIA/);
    expect(result.nextSteps.join(' ')).toMatch(/UCP helpdesk/);
    expect(result.nextSteps.join(' ')).not.toMatch(/approve/);
  });

  it('gives both reasons when an organisation outside London also has no DSPT, and the DSPT steps too', () => {
    const result = decideEligibility(careHome({ namedInDpia: false, location: 'outside', dspt: parseDsptStatus('Not Published', TODAY) }));
    expect(result.decision).toBe('needsOwnDpia');
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[0]).toMatch(/outside London/);
    expect(result.reasons[1]).toMatch(/no published Data Security and Protection Toolkit/);
    expect(result.nextSteps.join(' ')).toMatch(/Register your organisation on the DSPT website/);
  });

  it('explains that Approaching Standards is fine for NHSmail but not yet for the UCP', () => {
    const result = decideEligibility(careHome({ dspt: parseDsptStatus('24/25 Approaching Standards', TODAY) }));
    expect(result.decision).toBe('needsDsptFirst');
    expect(result.reasons[0]).toBe(
      'Your Data Security and Protection Toolkit (DSPT) assessment shows Approaching Standards for 2024-25. ' +
        'That is enough for NHSmail, but the UCP needs Standards Met.',
    );
    expect(result.nextSteps[0]).toMatch(/improvement plan/);
    expect(result.nextSteps.join(' ')).not.toMatch(/Register your organisation/);
  });

  it.each([
    ['Not Published', parseDsptStatus('Not Published', TODAY), /no published Data Security and Protection Toolkit/],
    [
      'an unreadable status',
      parseDsptStatus('Standards Met - with improvement plan', TODAY),
      /could not confirm your Data Security and Protection Toolkit/,
    ],
    ['no status', undefined, /do not have a Data Security and Protection Toolkit/],
  ])('with %s, points to registering, workshops, the helpline and the 30 June deadline', (_name, dspt, reason) => {
    const result = decideEligibility(careHome({ dspt }));
    expect(result.decision).toBe('needsDsptFirst');
    expect(result.reasons[0]).toMatch(reason);
    const steps = result.nextSteps.join('\n');
    expect(steps).toMatch(/Register your organisation on the DSPT website \(www\.dsptoolkit\.nhs\.uk\)/);
    expect(steps).toMatch(/workshops/);
    expect(steps).toMatch(/0208 133 3430/);
    expect(steps).toMatch(/help@digitalsocialcare\.co\.uk/);
    expect(steps).toMatch(/9am to 5pm, Monday to Friday/);
    expect(steps).toMatch(/every year by 30 June/);
  });

  it('names the next deadline when it knows the date', () => {
    const text = textOf(careHome({ dspt: parseDsptStatus('Not Published', TODAY), today: '2026-07-14' }));
    expect(text).toMatch(/the next deadline for you is 30 June 2027/);
  });

  it('says approval will follow once the DSPT is sorted, when the home is not in the DPIA either', () => {
    const result = decideEligibility(careHome({ dspt: parseDsptStatus('Not Published', TODAY), namedInDpia: false }));
    expect(result.decision).toBe('needsDsptFirst');
    expect(result.icsApprovalNeeded).toBe(true);
    expect(result.nextSteps.at(-1)).toMatch(/^After that, we will ask your Integrated Care System's governance lead/);
  });

  it('does not ask an NHS organisation about its DSPT', () => {
    const result = decideEligibility({
      organisationType: 'gpPractice',
      typeConfirmedByDirectory: true,
      dspt: undefined,
      namedInDpia: true,
      location: 'london',
    });
    expect(result.decision).toBe('eligible');
    expect(result.dsptRequired).toBe(false);
    expect(result.reasons.join(' ')).toMatch(/As an NHS organisation, you do not need to show/);
  });
});

// Source 001 "Data Security and Protection Toolkit compliant at Standards Met … required for … Non-NHS organisations":
// only the directory can say an organisation is NHS, so a type the manager gave alone is judged like a non-NHS one.
describe('an NHS type the ODS directory did not confirm', () => {
  const UNCONFIRMED = EXPECTED.flatMap(([location, namedInDpia, dsptClass, socialDecision]) =>
    NHS.flatMap((organisationType) =>
      [undefined, false].flatMap((typeConfirmedByDirectory) =>
        DSPT_BY_CLASS[dsptClass].map(([dsptName, dspt]) => ({
          name: `${organisationType} (confirmed: ${String(typeConfirmedByDirectory)}), ${dsptName}, ${namedInDpia ? 'in' : 'not in'} the DPIA, ${location}`,
          input: {
            organisationType,
            dspt,
            namedInDpia,
            location,
            ...(typeConfirmedByDirectory === false ? { typeConfirmedByDirectory } : {}),
          } satisfies EligibilityInput,
          decision: socialDecision,
          dsptOk: dsptClass === 'met',
        })),
      ),
    ),
  );

  it.each(UNCONFIRMED)('is asked for the DSPT like any organisation outside the NHS: $name', ({ input, decision, dsptOk }) => {
    const result = decideEligibility(input);
    expect(result).toMatchObject({ decision, dsptRequired: true, dsptOk });
    expect(result.reasons.join(' ')).not.toMatch(/As an NHS organisation/);
  });
});

describe('an out-of-date DSPT status', () => {
  it('no longer counts once its renewal deadline has passed', () => {
    const result = decideEligibility(careHome({ dspt: parseDsptStatus('22/23 Standards Met', TODAY), today: '2025-01-10' }));
    expect(result.decision).toBe('needsDsptFirst');
    expect(result.dsptOk).toBe(false);
    expect(result.reasons[0]).toBe(
      'Your latest published Data Security and Protection Toolkit (DSPT) assessment is for 2022-23, and it needed renewing by 30 June 2024.',
    );
    expect(result.nextSteps[0]).toBe(
      'Your organisation needs to publish a new assessment now: complete it on the DSPT website ' +
        '(www.dsptoolkit.nhs.uk) and publish it at Standards Met. Until it is published, your organisation cannot use the UCP.',
    );
  });

  it("tells a lapsed organisation to publish now, never by next year's 30 June", () => {
    const result = decideEligibility(careHome({ dspt: parseDsptStatus('24/25 Standards Met', '2026-07-14'), today: '2026-07-14' }));
    expect(result.decision).toBe('needsDsptFirst');
    const steps = result.nextSteps.join(' ');
    expect(steps).toContain('publish a new assessment now');
    expect(steps).not.toMatch(/30 June 2027|next deadline|due every year/);
  });

  it('still counts up to and including its renewal day', () => {
    expect(decideEligibility(careHome({ dspt: parseDsptStatus('23/24 Standards Met', TODAY), today: '2025-06-30' })).decision).toBe(
      'eligible',
    );
    expect(decideEligibility(careHome({ dspt: parseDsptStatus('23/24 Standards Met', TODAY), today: '2025-07-01' })).decision).toBe(
      'needsDsptFirst',
    );
  });

  it('is not judged on age when no date is given', () => {
    expect(decideEligibility(careHome({ dspt: parseDsptStatus('19/20 Standards Met', TODAY) })).decision).toBe('eligible');
  });
});

// Source 001 "Data Security and Protection Toolkit compliant at Standards Met" and source 004 "annual self-assessment":
// a status dated after today (data/rules/dspt.ts parseDsptStatus) is unknown, so it never lets an organisation through.
describe('a DSPT status dated after today', () => {
  it.each<[string, OrganisationType, string, string, EligibilityOutcome]>([
    // rule followed, organisation type, status, today, decision
    [
      "source 001 'compliant at Standards Met': a year that has not begun is not met",
      'careHome',
      '27/28 Standards Met',
      '2026-12-05',
      'needsDsptFirst',
    ],
    [
      "source 001 'compliant at Standards Met': the day before the year begins",
      'domiciliaryCare',
      '27/28 Standards Exceeded',
      '2027-03-31',
      'needsDsptFirst',
    ],
    [
      "source 001 'compliant at Standards Met': once the year has begun it counts",
      'careHome',
      '27/28 Standards Met',
      '2027-04-01',
      'eligible',
    ],
    ["source 001 'compliant at Standards Met': the year in progress counts", 'careHome', '26/27 Standards Met', '2026-12-05', 'eligible'],
    [
      "source 001 'required for … Non-NHS organisations': an NHS trust the directory confirmed is not asked",
      'nhsTrust',
      '27/28 Standards Met',
      '2026-12-05',
      'eligible',
    ],
  ])('%s (%s, %j on %s → %s)', (_rule, organisationType, raw, today, decision) => {
    const dspt = parseDsptStatus(raw, today);
    const result = decideEligibility({
      organisationType,
      typeConfirmedByDirectory: true,
      dspt,
      namedInDpia: true,
      location: 'london',
      today,
    });
    expect(result.decision).toBe(decision);
    expect(result.dsptOk).toBe(decision === 'eligible');
  });

  it('tells the manager the status is dated after today and how to check it', () => {
    const result = decideEligibility(careHome({ dspt: parseDsptStatus('27/28 Standards Met', '2026-12-05'), today: '2026-12-05' }));
    expect(result.reasons[0]).toBe(
      'The Data Security and Protection Toolkit (DSPT) status we found, "27/28 Standards Met", is dated after today, so we cannot count it as Standards Met yet.',
    );
    expect(result.nextSteps[0]).toMatch(
      /Check your status by searching for your organisation on the DSPT website \(www\.dsptoolkit\.nhs\.uk\)/,
    );
  });
});
