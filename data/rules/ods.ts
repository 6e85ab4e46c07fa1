/** ODS codes: tidy what a person typed, say what kind of organisation it looks like, and read ORD roles. Pure. */

/** The organisation kinds the onboarding cares about. A code's format only suggests one; its ORD roles decide. */
export type OdsKind =
  'socialCareSite' | 'socialCareProvider' | 'nhsTrust' | 'nhsTrustSite' | 'gpPractice' | 'icb' | 'dentalPractice' | 'nonNhsOrganisation';

export type OdsCodeCheck = { ok: true; code: string; kinds: OdsKind[]; description: string } | { ok: false; message: string };

const KIND_NAMES: Record<OdsKind, string> = {
  socialCareSite: 'a care home or other social care service',
  socialCareProvider: "a social care provider's head office",
  nhsTrust: 'an NHS trust',
  nhsTrustSite: 'a hospital or other site of an NHS trust',
  gpPractice: 'a GP practice',
  icb: 'an Integrated Care Board',
  dentalPractice: 'a dental practice',
  nonNhsOrganisation: 'an organisation outside the NHS, such as a charity or company',
};

/**
 * Formats from DOMAIN.md "ODS codes" and the Digital Care Hub's ODS guide. Several can match one code, so the
 * order within this list is the order of likelihood. Dental practices (V + 5 digits, e.g. V03462) also fit the
 * GP practice pattern; a 5-character V code is normally a social care site, but only the ORD role settles it.
 */
const FORMATS: ReadonlyArray<readonly [RegExp, OdsKind]> = [
  // Newer trusts have T codes (TAF Camden and Islington, TAD, TAH), their sites T + 4, like the older R codes.
  [/^[RT][A-Z0-9]{2}$/, 'nhsTrust'],
  [/^Q[A-Z0-9]{2}$/, 'icb'],
  [/^[AC][A-Z0-9]{3}$/, 'socialCareProvider'],
  [/^V[A-Z0-9]{4}$/, 'socialCareSite'],
  [/^[RT][A-Z0-9]{4}$/, 'nhsTrustSite'],
  [/^8[A-Z0-9]{4}$/, 'nonNhsOrganisation'],
  [/^V[0-9]{5}$/, 'dentalPractice'],
  [/^[A-Z][0-9]{5}$/, 'gpPractice'],
];

/**
 * ORD role ids, verified against the ORD roles list (directory.spineservices.nhs.uk/ORD/2-0-0/roles) and the ODS
 * reference data catalogue. GP practices carry primary role RO177 (prescribing cost centre) with non-primary RO76,
 * and ICBs primary RO261 (strategic partnership) with non-primary RO318, so neither primary role is mapped on its own.
 * Order matters only when the primary role is not one of these: the first listed role present wins.
 */
const ROLE_KINDS: ReadonlyArray<readonly [string, OdsKind]> = [
  ['RO76', 'gpPractice'],
  ['RO318', 'icb'],
  ['RO110', 'dentalPractice'],
  ['RO65', 'dentalPractice'],
  ['RO197', 'nhsTrust'],
  ['RO57', 'nhsTrust'],
  ['RO198', 'nhsTrustSite'],
  ['RO104', 'socialCareProvider'],
  ['RO101', 'socialCareSite'],
  ['RO269', 'socialCareSite'],
  ['RO270', 'socialCareSite'],
  ['RO157', 'nonNhsOrganisation'],
];

const TOO_SHORT_OR_LONG =
  'An ODS code is 3 to 6 letters and numbers, like VABC1 for a care home. ' +
  'You can find yours by searching for your postcode on the ODS Data Search and Export website.';

/** Used before storing or comparing any ODS code a person typed: trims, upper-cases and removes spaces. */
export function normaliseOdsCode(input: string): string {
  // NFKC turns full-width letters (pasted from some documents) into plain ones.
  return input.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
}

/** Used when a person gives an ODS code: accepts or explains, and says which kinds of organisation it looks like. */
export function checkOdsCode(input: string | null | undefined): OdsCodeCheck {
  const code = normaliseOdsCode(input ?? '');
  if (code === '') {
    return {
      ok: false,
      message: "Please type your organisation's ODS code. It is 3 to 6 letters and numbers, like VABC1 for a care home.",
    };
  }
  if (!/^[A-Z0-9]+$/.test(code)) {
    return {
      ok: false,
      message: 'An ODS code only has letters and numbers in it, with no dashes or other symbols. Please check it and try again.',
    };
  }
  if (code.length < 3 || code.length > 6) {
    return { ok: false, message: TOO_SHORT_OR_LONG };
  }
  const kinds = FORMATS.filter(([pattern]) => pattern.test(code)).map(([, kind]) => kind);
  return { ok: true, code, kinds, description: describeKinds(kinds) };
}

/** The kind an organisation is, from its ORD role ids (primary role first). */
export function kindFromRoles(roleIds: readonly string[], primaryRoleId?: string): OdsKind | undefined {
  const ids = new Set(roleIds.map((id) => id.trim().toUpperCase()));
  const primary = primaryRoleId?.trim().toUpperCase();
  const byPrimary = ROLE_KINDS.find(([id]) => id === primary);
  if (byPrimary) return byPrimary[1];
  return ROLE_KINDS.find(([id]) => ids.has(id))?.[1];
}

/** Used to show a kind in a sentence, e.g. "a GP practice". */
export function describeOdsKind(kind: OdsKind): string {
  return KIND_NAMES[kind];
}

function describeKinds(kinds: readonly OdsKind[]): string {
  const [first, ...rest] = kinds;
  if (first === undefined) {
    return "This doesn't match a pattern we know, but that can be fine: we'll check it with the NHS organisation directory.";
  }
  const alternatives = rest.length > 0 ? `, or possibly ${rest.map(describeOdsKind).join(' or ')}` : '';
  return `This looks like the code for ${describeOdsKind(first)}${alternatives}. We'll confirm it with the NHS organisation directory.`;
}
