import { describe, it, expect } from '@jest/globals';
import {
  ORGANISATION_TYPES,
  ORGANISATION_TYPE_LABELS,
  dsptAsked,
  dsptRequiredFor,
  isNhsOrganisation,
  isOrganisationType,
  organisationTypeFromOds,
  typeConfirmed,
  type OrganisationType,
} from '../../../data/rules/organisationTypes.js';
import type { OdsKind } from '../../../data/rules/ods.js';

describe('organisation types', () => {
  it.each<[OrganisationType, boolean]>([
    ['careHome', true],
    ['domiciliaryCare', true],
    ['charity', true],
    ['otherSocialCare', true],
    ['otherNonNhs', true],
    ['nhsTrust', false],
    ['gpPractice', false],
    ['otherNhs', false],
  ])('%s is asked for a DSPT status: %s', (type, required) => {
    expect(dsptRequiredFor(type)).toBe(required);
    expect(isNhsOrganisation(type)).toBe(!required);
  });

  it('asks for a DSPT status when a type it does not know slips through', () => {
    expect(dsptRequiredFor('spaceAgency' as OrganisationType)).toBe(true);
  });

  it.each([
    ['careHome', true],
    ['nhsTrust', true],
    ['hospital', false],
    ['', false],
    [undefined, false],
    [3, false],
  ])('recognises %j as a known type: %s', (value, known) => {
    expect(isOrganisationType(value)).toBe(known);
  });

  it('has a plain label for every type', () => {
    for (const type of ORGANISATION_TYPES) {
      expect(ORGANISATION_TYPE_LABELS[type]).toMatch(/^[A-Z][A-Za-z (),]+$/);
      expect(ORGANISATION_TYPE_LABELS[type]).not.toMatch(/[a-z][A-Z]/);
    }
  });
});

describe('organisationTypeFromOds', () => {
  it.each<[OdsKind | undefined, string[], OrganisationType | undefined]>([
    ['socialCareSite', ['RO101', 'RO269'], 'careHome'],
    ['socialCareSite', ['RO101', 'RO270'], 'domiciliaryCare'],
    ['socialCareSite', ['RO101'], 'otherSocialCare'],
    ['socialCareProvider', ['RO104'], 'otherSocialCare'],
    ['nhsTrust', ['RO197'], 'nhsTrust'],
    ['nhsTrustSite', ['RO198'], 'nhsTrust'],
    ['gpPractice', ['RO177', 'RO76'], 'gpPractice'],
    ['icb', ['RO261', 'RO318'], 'otherNhs'],
    ['nonNhsOrganisation', ['RO157'], 'otherNonNhs'],
    ['dentalPractice', ['RO110'], undefined],
    [undefined, [], undefined],
  ])('suggests %s with roles %j as %s', (kind, roles, expected) => {
    expect(organisationTypeFromOds(kind, roles)).toBe(expected);
  });
});

// Issue 11 point 5: the manager's word alone never switches off source 001's DSPT requirement; the directory's roles must agree.
const NON_NHS_LINE = 'source 001 "Data Security and Protection Toolkit compliant at Standards Met … required for … Non-NHS organisations"';
const ODS_LINE = 'source 001 "Organisation verification: Search for the organisation via the NHS Digital ODS Portal"';
describe('whether the DSPT is asked, from the type given and what the ODS directory says', () => {
  it.each<[string, boolean, string, OrganisationType, OrganisationType | undefined]>([
    ['NHS trust, directory says NHS trust', false, ODS_LINE, 'nhsTrust', 'nhsTrust'],
    ['GP practice, directory says GP practice', false, ODS_LINE, 'gpPractice', 'gpPractice'],
    ['another NHS organisation, directory says ICB (another NHS organisation)', false, ODS_LINE, 'otherNhs', 'otherNhs'],
    ['NHS trust, directory says care home', true, NON_NHS_LINE, 'nhsTrust', 'careHome'],
    ['GP practice, directory says another organisation outside the NHS', true, NON_NHS_LINE, 'gpPractice', 'otherNonNhs'],
    ['another NHS organisation, directory says NHS trust (not the type given)', true, ODS_LINE, 'otherNhs', 'nhsTrust'],
    ['NHS trust, directory cannot tell (dental practice, unknown roles)', true, NON_NHS_LINE, 'nhsTrust', undefined],
    ['GP practice, directory not reachable or no code', true, NON_NHS_LINE, 'gpPractice', undefined],
    ['care home, directory says care home', true, NON_NHS_LINE, 'careHome', 'careHome'],
    ['care home, directory says NHS trust', true, NON_NHS_LINE, 'careHome', 'nhsTrust'],
    ['charity, directory cannot tell', true, NON_NHS_LINE, 'charity', undefined],
  ])('%s: DSPT asked %s, following %s', (_case, asked, _source, chosen, fromDirectory) => {
    expect(dsptAsked(chosen, typeConfirmed(chosen, fromDirectory))).toBe(asked);
  });
});
