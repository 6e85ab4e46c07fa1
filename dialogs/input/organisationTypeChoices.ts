/**
 * The organisation-type question's options, asked by the readiness and the access request conversations. Each value is
 * the full label (ORGANISATION_TYPE_LABELS, which cards and tickets show); each button is short, and the question says
 * what the short ones mean, so nothing is cut off in Teams.
 */
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, type OrganisationType } from '../../data/rules/organisationTypes.js';
import type { ButtonChoice } from './choiceOptions.js';

const TITLES: Readonly<Record<OrganisationType, string>> = {
  careHome: 'Care home',
  domiciliaryCare: 'Home care',
  charity: 'Charity',
  otherSocialCare: 'Other social care',
  otherNonNhs: 'Other, not NHS',
  nhsTrust: 'NHS trust',
  gpPractice: 'GP practice',
  otherNhs: 'Other NHS',
};

const SYNONYMS: Partial<Readonly<Record<OrganisationType, string[]>>> = {
  careHome: ['nursing home', 'residential home'],
  gpPractice: ['gp surgery', 'surgery'],
};

/** Said after the question: what the short buttons mean. */
export const ORGANISATION_TYPES_EXPLAINED = 'Care home means a residential or nursing home; home care means domiciliary care.';

/** The options, in ORGANISATION_TYPES order (the dialogs read the answer's index). */
export const ORGANISATION_TYPE_CHOICES: readonly ButtonChoice[] = ORGANISATION_TYPES.map((type) => ({
  value: ORGANISATION_TYPE_LABELS[type],
  title: TITLES[type],
  ...(SYNONYMS[type] ? { synonyms: SYNONYMS[type] } : {}),
}));
