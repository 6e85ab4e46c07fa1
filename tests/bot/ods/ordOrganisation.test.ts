import { describe, expect, it } from '@jest/globals';
import { readOrdOrganisation } from '../../../bot/ods/ordOrganisation.js';
import { kindFromRoles } from '../../../data/rules/ods.js';
import { CARE_HOME, CLOSED_HOME, GP_PRACTICE, PROVIDER_HQ, SINGLE_ITEM_LISTS, ordAnswer } from '../../fixtures/ordFixtures.js';

describe('reading an ORD organisation', () => {
  it('takes the ICB from the active RE5 relationship whose target is an ICB, not the region or an old CCG', () => {
    expect(readOrdOrganisation(CARE_HOME, 'VX1A2')?.icbCode).toBe('QMJ');
  });

  it('reads roles well enough for the ODS rules to tell a care home, a head office and a GP practice apart', () => {
    const kinds = [CARE_HOME, PROVIDER_HQ, GP_PRACTICE].map((body) => {
      const org = readOrdOrganisation(body, 'X');
      return org && kindFromRoles(org.roleIds, org.primaryRoleId);
    });
    expect(kinds).toEqual(['socialCareSite', 'socialCareProvider', 'gpPractice']);
  });

  it('copes with one-item lists that arrive as bare objects, and an ICB target with no role', () => {
    expect(readOrdOrganisation(SINGLE_ITEM_LISTS, 'VX3C4')).toEqual({
      odsCode: 'VX3C4',
      name: 'LILAC HOUSE',
      postcode: 'CR0 2AA',
      active: true,
      roleIds: ['RO101'],
      primaryRoleId: 'RO101',
      icbCode: 'QWE',
    });
  });

  it('marks a closed organisation as not active and leaves out its ended roles', () => {
    const org = readOrdOrganisation(CLOSED_HOME, 'VX9Z9');
    expect(org).toMatchObject({ active: false, roleIds: [] });
    expect(org?.icbCode).toBeUndefined();
  });

  it('ignores an inactive RE5 relationship', () => {
    const body = ordAnswer({ code: 'VX5E6', name: 'X', roles: [{ id: 'RO101', primary: true }], icb: { code: 'QMF', role: 'RO261' } });
    const rel = (body.Organisation as { Rels: { Rel: Array<Record<string, unknown>> } }).Rels.Rel[0];
    rel.Status = 'Inactive';
    expect(readOrdOrganisation(body, 'VX5E6')?.icbCode).toBeUndefined();
  });

  it.each([
    ['no body', undefined],
    ['an array', []],
    ['an error answer', { errorCode: 404, errorText: 'Not Found' }],
    ['no name', { Organisation: { Status: 'Active' } }],
    ['no status', { Organisation: { Name: 'X' } }],
    ['a name that is not text', { Organisation: { Name: 42, Status: 'Active' } }],
  ])('refuses %s', (_label, body) => {
    expect(readOrdOrganisation(body, 'VX1A2')).toBeUndefined();
  });
});
