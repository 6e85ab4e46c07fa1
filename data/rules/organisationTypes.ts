/** The organisation types the eligibility rules tell apart, and which of them are asked for a DSPT status. Pure. */
import type { OdsKind } from './ods.js';

export const ORGANISATION_TYPES = [
  'careHome',
  'domiciliaryCare',
  'charity',
  'otherSocialCare',
  'otherNonNhs',
  'nhsTrust',
  'gpPractice',
  'otherNhs',
] as const;

/** careHome covers residential and nursing homes; domiciliaryCare is home care. */
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Plain-English names for choices shown to a care home manager. */
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  careHome: 'Care home (residential or nursing)',
  domiciliaryCare: 'Home care (domiciliary care)',
  charity: 'Charity',
  otherSocialCare: 'Other social care service',
  otherNonNhs: 'Another organisation outside the NHS',
  nhsTrust: 'NHS trust',
  gpPractice: 'GP practice',
  otherNhs: 'Another NHS organisation',
};

const NHS_TYPES: ReadonlySet<string> = new Set<OrganisationType>(['nhsTrust', 'gpPractice', 'otherNhs']);

/** The type a ticket names by its label (tickets keep the words the manager chose); undefined for words that are not a label. */
export function organisationTypeFromLabel(label: string | undefined): OrganisationType | undefined {
  return ORGANISATION_TYPES.find((type) => ORGANISATION_TYPE_LABELS[type] === label);
}

/** Used to check a type that came from a card or stored data before trusting it. */
export function isOrganisationType(value: unknown): value is OrganisationType {
  return typeof value === 'string' && (ORGANISATION_TYPES as readonly string[]).includes(value);
}

/** NHS organisations are not asked for a DSPT status (source 001). */
export function isNhsOrganisation(type: OrganisationType): boolean {
  return NHS_TYPES.has(type);
}

/**
 * Source 001 asks social care, charities, domiciliary care and any non-NHS
 * organisation for DSPT Standards Met. Anything not known to be NHS is asked, so an unexpected value stays safe.
 */
export function dsptRequiredFor(type: OrganisationType): boolean {
  return !NHS_TYPES.has(type);
}

/**
 * Used wherever the DSPT question is decided. Source 001 asks every organisation outside the NHS for DSPT Standards Met,
 * so a type the manager chose switches the DSPT off only when the ODS directory's roles gave that same NHS type: an NHS
 * type the directory contradicts, cannot tell, or could not be asked about (no code, not reachable) is asked like any other.
 */
export function dsptAsked(type: OrganisationType, typeConfirmedByDirectory: boolean): boolean {
  return dsptRequiredFor(type) || !typeConfirmedByDirectory;
}

/** Used when the type is chosen: the directory's roles (organisationTypeFromOds) gave exactly the type the manager chose. */
export function typeConfirmed(chosen: OrganisationType, fromDirectory: OrganisationType | undefined): boolean {
  return fromDirectory !== undefined && fromDirectory === chosen;
}

/**
 * Used after an ODS directory look-up to suggest a type for the person to confirm. Undefined when the directory
 * cannot tell (a charity looks like any non-NHS organisation; a dental practice could be either side).
 */
export function organisationTypeFromOds(kind: OdsKind | undefined, roleIds: readonly string[] = []): OrganisationType | undefined {
  const roles = new Set(roleIds.map((id) => id.trim().toUpperCase()));
  switch (kind) {
    case 'socialCareSite':
    case 'socialCareProvider':
      // RO269 CARE HOME and RO270 DOMICILIARY CARE are the non-primary roles that say what the service does.
      if (roles.has('RO269')) return 'careHome';
      if (roles.has('RO270')) return 'domiciliaryCare';
      return 'otherSocialCare';
    case 'nhsTrust':
    case 'nhsTrustSite':
      return 'nhsTrust';
    case 'gpPractice':
      return 'gpPractice';
    case 'icb':
      return 'otherNhs';
    case 'nonNhsOrganisation':
      return 'otherNonNhs';
    default:
      return undefined;
  }
}
