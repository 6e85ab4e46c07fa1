/**
 * What the manager has told us about the organisation so far. Kept in the dialog's options and step values (plain JSON,
 * persisted with the dialog state), so a conversation resumes after a restart. Each question is skipped once its field is set.
 */
import type { OrganisationRecheck, TicketOrganisation } from '../../data/model.js';
import type { OrganisationLocation } from '../../data/rules/eligibility.js';
import { kindFromRoles } from '../../data/rules/ods.js';
import { ORGANISATION_TYPE_LABELS, organisationTypeFromOds, type OrganisationType } from '../../data/rules/organisationTypes.js';
import { compactKey } from '../../data/rules/text.js';
import type { OdsOrganisation } from '../dialogServices.js';
import type { DsptChoice } from '../readiness/dsptAnswers.js';

export interface OrganisationDraft {
  odsCode?: string;
  /**
   * found: the directory knows it (and the name and postcode agree with it); unavailable: it could not be reached; notFound: the
   * manager carried on with a code it does not know; differs: the directory knows it, but the name or postcode given is not its own.
   */
  odsCheck?: 'found' | 'unavailable' | 'notFound' | 'differs';
  /** What the directory said, kept to offer and compare. */
  directory?: { name: string; postcode?: string; icbCode?: string; suggestedType?: OrganisationType };
  name?: string;
  postcode?: string;
  location?: OrganisationLocation;
  /** The London borough the organisation is in, or (outside London) the one that commissions it or where the person cared for lives. */
  borough?: string;
  icbCode?: string;
  organisationType?: OrganisationType;
  /**
   * The directory's roles gave the type chosen (worked out once the type is known; carried from an earlier request). Only then
   * may an NHS type skip the DSPT question (data/rules/organisationTypes.ts dsptAsked).
   */
  typeConfirmedByDirectory?: boolean;
  /** One of the readiness conversation's DSPT_CHOICES; only asked when the imported DSPT export has no status for this code. */
  dsptAnswer?: DsptChoice;
  /** null: the manager is not sure. */
  hscn?: boolean | null;
  accessRoute?: 'recordSystem' | 'webPortal';
}

/** The parts of the organisation a manager can change from the summary card. */
export const ORGANISATION_SECTIONS = ['odsCode', 'nameAndPostcode', 'place', 'organisationType', 'network', 'accessRoute'] as const;
export type OrganisationSection = (typeof ORGANISATION_SECTIONS)[number];

/** Choice titles for "what would you like to change?". */
export const SECTION_TITLES: Readonly<Record<OrganisationSection, string>> = {
  odsCode: 'ODS code',
  nameAndPostcode: 'Name and postcode',
  place: 'Where it is (borough or ICS)',
  organisationType: 'Type of organisation',
  network: 'Network (HSCN or internet)',
  accessRoute: 'How staff reach the UCP',
};

/** Their buttons, short enough for Teams to show whole; SECTIONS_EXPLAINED says what the shortened ones cover. */
export const SECTION_BUTTONS: Readonly<Record<OrganisationSection, string>> = {
  ...SECTION_TITLES,
  place: 'Where it is',
  network: 'Network',
  accessRoute: 'Access route',
};

/** Used when the manager picks a part to change: that part and whatever depends on it are asked again. */
export function clearSection(draft: OrganisationDraft, section: OrganisationSection): OrganisationDraft {
  const next: OrganisationDraft = { ...draft };
  switch (section) {
    case 'odsCode':
      return {};
    case 'nameAndPostcode':
      delete next.name;
      delete next.postcode;
      return next;
    case 'place':
      delete next.location;
      delete next.borough;
      delete next.icbCode;
      return next;
    case 'organisationType':
      delete next.organisationType;
      delete next.typeConfirmedByDirectory;
      delete next.dsptAnswer;
      return next;
    case 'network':
      delete next.hscn;
      return next;
    case 'accessRoute':
      delete next.accessRoute;
      return next;
  }
}

/**
 * Used once the name and postcode are known: a code the directory knows is verified only when the name (and the postcode,
 * when one was given) are the directory's own; typed ones that differ are left for the helpdesk to check.
 */
export function settleDirectoryCheck(draft: OrganisationDraft): void {
  const { directory, name, postcode } = draft;
  if (!directory || name === undefined || postcode === undefined || (draft.odsCheck !== 'found' && draft.odsCheck !== 'differs')) return;
  const sameName = compactKey(name) === compactKey(directory.name);
  const samePostcode = postcode === '' || !directory.postcode || compactKey(postcode) === compactKey(directory.postcode);
  draft.odsCheck = sameName && samePostcode ? 'found' : 'differs';
}

/** Used after a directory look-up: what the draft keeps of it, with the type its roles give (when they tell). */
export function directoryFacts(org: OdsOrganisation): NonNullable<OrganisationDraft['directory']> {
  const suggestedType = organisationTypeFromOds(kindFromRoles(org.roleIds, org.primaryRoleId), org.roleIds);
  return {
    name: org.name,
    ...(org.postcode ? { postcode: org.postcode } : {}),
    ...(org.icbCode ? { icbCode: org.icbCode } : {}),
    ...(suggestedType ? { suggestedType } : {}),
  };
}

/**
 * The organisation as the ticket carries it; undefined while something the workflow needs is missing.
 * `dsptStatus` is only ever the published status: what a manager told us is not evidence, and the cards say "as published".
 */
export function toTicketOrganisation(
  draft: OrganisationDraft,
  facts: { namedInDpia: boolean; dsptStatus?: string; recheck?: OrganisationRecheck },
): TicketOrganisation | undefined {
  if (!draft.odsCode || !draft.name || !draft.icbCode || !draft.location) return undefined;
  const org: TicketOrganisation = {
    odsCode: draft.odsCode,
    name: draft.name,
    icbCode: draft.icbCode,
    location: draft.location,
    namedInDpia: facts.namedInDpia,
    odsVerified: draft.odsCheck === 'found',
  };
  if (draft.postcode) org.postcode = draft.postcode;
  if (draft.borough) org.borough = draft.borough;
  if (draft.organisationType) {
    org.organisationType = ORGANISATION_TYPE_LABELS[draft.organisationType];
    org.typeConfirmedByDirectory = draft.typeConfirmedByDirectory === true;
  }
  if (facts.dsptStatus) org.dsptStatus = facts.dsptStatus;
  if (typeof draft.hscn === 'boolean') org.hscn = draft.hscn;
  if (draft.accessRoute) org.accessRoute = draft.accessRoute;
  if (facts.recheck) org.recheck = facts.recheck;
  return org;
}
