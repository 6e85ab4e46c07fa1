import { describe, it, expect } from '@jest/globals';
import { checkOdsCode, describeOdsKind, kindFromRoles, normaliseOdsCode, type OdsKind } from '../../../data/rules/ods.js';

describe('normaliseOdsCode', () => {
  it.each([
    ['  vabc1 ', 'VABC1'],
    ['v ab c1', 'VABC1'],
    ['rj1', 'RJ1'],
    ['Ｖａｂｃ１', 'VABC1'],
    ['a81001\t', 'A81001'],
  ])('tidies %j into %j so the same code is always stored the same way', (input, expected) => {
    expect(normaliseOdsCode(input)).toBe(expected);
  });
});

describe('checkOdsCode', () => {
  it.each<[string, OdsKind[]]>([
    ['VABC1', ['socialCareSite']],
    ['vn1ab', ['socialCareSite']],
    ['AC6A', ['socialCareProvider']],
    ['C1X2', ['socialCareProvider']],
    ['RJ1', ['nhsTrust']],
    ['R1K', ['nhsTrust']],
    ['RJ122', ['nhsTrustSite']],
    ['RYJ02', ['nhsTrustSite']],
    ['TAF', ['nhsTrust']],
    ['TAD', ['nhsTrust']],
    ['tah', ['nhsTrust']],
    ['TAF01', ['nhsTrustSite']],
    ['TAD12', ['nhsTrustSite']],
    ['T81001', ['gpPractice']],
    ['A81001', ['gpPractice']],
    ['F84003', ['gpPractice']],
    ['V03462', ['dentalPractice', 'gpPractice']],
    ['QMJ', ['icb']],
    ['QWE', ['icb']],
    ['8HX12', ['nonNhsOrganisation']],
    ['FVR79', []],
    ['93C', []],
    ['BXYZ', []],
  ])('accepts %s and says it looks like %j', (input, kinds) => {
    const result = checkOdsCode(input);
    expect(result).toEqual({ ok: true, code: normaliseOdsCode(input), kinds, description: expect.any(String) });
  });

  it('accepts a code typed with spaces and lower case, and returns it tidied', () => {
    expect(checkOdsCode(' v abc1 ')).toMatchObject({ ok: true, code: 'VABC1' });
  });

  it('says "looks like" a care home for a V code, never that it is one', () => {
    const result = checkOdsCode('VABC1');
    expect(result.ok && result.description).toBe(
      "This looks like the code for a care home or other social care service. We'll confirm it with the NHS organisation directory.",
    );
  });

  it('says "looks like" an NHS trust for a newer T code such as TAF (Camden and Islington), as for an R code', () => {
    const trust = checkOdsCode('TAF');
    expect(trust.ok && trust.description).toBe(
      "This looks like the code for an NHS trust. We'll confirm it with the NHS organisation directory.",
    );
    const site = checkOdsCode('TAF01');
    expect(site.ok && site.description).toBe(
      "This looks like the code for a hospital or other site of an NHS trust. We'll confirm it with the NHS organisation directory.",
    );
  });

  it('names the more likely kind first when a code could be two kinds', () => {
    const result = checkOdsCode('V03462');
    expect(result.ok && result.description).toMatch(/^This looks like the code for a dental practice, or possibly a GP practice\./);
  });

  it('still accepts a code in a pattern it does not know, and says it will be checked', () => {
    const result = checkOdsCode('FVR79');
    expect(result.ok && result.description).toMatch(/we'll check it with the NHS organisation directory/);
  });

  it.each([
    ['', /type your organisation's ODS code/],
    ['   ', /type your organisation's ODS code/],
    [null, /type your organisation's ODS code/],
    [undefined, /type your organisation's ODS code/],
    ['VAB-C1', /only has letters and numbers/],
    ['V.ABC', /only has letters and numbers/],
    ['VABC1!', /only has letters and numbers/],
    ['<b>', /only has letters and numbers/],
    ['RJ', /3 to 6 letters and numbers/],
    ['V', /3 to 6 letters and numbers/],
    ['K81003001', /3 to 6 letters and numbers/],
    ['VABCDEF', /3 to 6 letters and numbers/],
  ])('refuses %j with a reason a care home manager understands', (input, message) => {
    const result = checkOdsCode(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('gives an example of a real-looking code when the length is wrong', () => {
    const result = checkOdsCode('AB');
    expect(!result.ok && result.message).toContain('An ODS code is 3 to 6 letters and numbers, like VABC1');
  });
});

describe('kindFromRoles', () => {
  it.each<[string, string[], string | undefined, OdsKind | undefined]>([
    ['a care home site', ['RO101', 'RO269'], 'RO101', 'socialCareSite'],
    ['a home care site', ['RO101', 'RO270'], 'RO101', 'socialCareSite'],
    ['a social care head office', ['RO104'], 'RO104', 'socialCareProvider'],
    ['an NHS foundation trust', ['RO197', 'RO57'], 'RO197', 'nhsTrust'],
    ['an NHS trust site', ['RO198'], 'RO198', 'nhsTrustSite'],
    ['a GP practice (prescribing cost centre with the GP practice role)', ['RO177', 'RO76'], 'RO177', 'gpPractice'],
    ['an ICB (strategic partnership with the ICB role)', ['RO261', 'RO318'], 'RO261', 'icb'],
    ['a general dental practice', ['RO110'], 'RO110', 'dentalPractice'],
    ['a private dental practice', ['RO177', 'RO65'], 'RO177', 'dentalPractice'],
    ['a non-NHS organisation', ['RO157'], 'RO157', 'nonNhsOrganisation'],
    ['a prescribing cost centre that is not a GP practice', ['RO177'], 'RO177', undefined],
    ['a pharmacy', ['RO182'], 'RO182', undefined],
    ['nothing at all', [], undefined, undefined],
  ])('recognises %s', (_name, roles, primary, expected) => {
    expect(kindFromRoles(roles, primary)).toBe(expected);
  });

  it('trusts the primary role over the other roles', () => {
    expect(kindFromRoles(['RO157', 'RO101'], 'RO101')).toBe('socialCareSite');
  });

  it('works without being told the primary role', () => {
    expect(kindFromRoles(['RO177', 'RO76'])).toBe('gpPractice');
  });

  it('copes with role ids in lower case or with spaces', () => {
    expect(kindFromRoles([' ro101 '], 'ro101')).toBe('socialCareSite');
  });
});

describe('describeOdsKind', () => {
  it('describes every kind in plain words without internal codes', () => {
    const kinds: OdsKind[] = [
      'socialCareSite',
      'socialCareProvider',
      'nhsTrust',
      'nhsTrustSite',
      'gpPractice',
      'icb',
      'dentalPractice',
      'nonNhsOrganisation',
    ];
    for (const kind of kinds) {
      expect(describeOdsKind(kind)).toMatch(/^an? [A-Za-z]/);
      expect(describeOdsKind(kind)).not.toMatch(/RO\d|[a-z][A-Z]/);
    }
  });
});
