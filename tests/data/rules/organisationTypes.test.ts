import { describe, it, expect } from '@jest/globals';
import {
  ORGANISATION_TYPES, ORGANISATION_TYPE_LABELS, dsptRequiredFor, isNhsOrganisation, isOrganisationType, organisationTypeFromOds,
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

  it.each([['careHome', true], ['nhsTrust', true], ['hospital', false], ['', false], [undefined, false], [3, false]])(
    'recognises %j as a known type: %s', (value, known) => {
      expect(isOrganisationType(value)).toBe(known);
    },
  );

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
