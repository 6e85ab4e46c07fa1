/** The routes to NHSmail for a care provider (source 004), told when the manager's own e-mail could not be used for the UCP. */
import { meetsNhsmailBar, type ParsedDsptStatus } from '../../data/rules/dspt.js';
import { DIGITAL_SOCIAL_CARE_HELPLINE, NAS_ADMIN_SUPPORT } from '../../data/rules/sourceContacts.js';
import { isNhsOrganisation, type OrganisationType } from '../../data/rules/organisationTypes.js';

const NAS =
  'The National Administration Service (NAS) portal: the main route for small providers registered with the CQC. ' +
  'Each care site registers itself online with its site ODS code (the 5-character code starting with V). The accounts are ' +
  `looked after centrally, so you do not need your own IT administrator: admin support is at ${NAS_ADMIN_SUPPORT}.`;
const SELF =
  'Self-management: for large providers with their own IT team. You apply once for the whole organisation (at head ' +
  'office level), add each site, and manage starters, leavers and passwords yourselves.';
const THIRD_PARTY =
  'The third-party route: for services that are not registered with the CQC. It has its own application form; ' +
  'you must provide or support publicly funded health and social care, and the NHSmail team checks that you are eligible.';
const ALLOWANCE = 'Each site can normally have up to 10 named accounts and 1 shared mailbox.';
const THIRD_PARTY_ALLOWANCE = 'Through the third-party route an organisation can normally have up to 50 accounts.';
const HELPLINE = `The Digital Social Care helpline can help with NHSmail questions: ${DIGITAL_SOCIAL_CARE_HELPLINE}.`;

/** The routes that fit this kind of service, best first; care homes and home care are CQC-registered, others may not be. */
export function nhsmailRoutes(type: OrganisationType): string[] {
  if (type === 'careHome' || type === 'domiciliaryCare') return [NAS, SELF];
  return [`If your service is registered with the CQC: ${lowerFirst(NAS)}`, THIRD_PARTY, SELF];
}

/**
 * The whole explanation, as lines: why the address cannot be used, how to get NHSmail for this kind of service, and the
 * DSPT bar for NHSmail (Approaching Standards or better) when the status does not reach it yet.
 */
export function nhsmailAdvice(type: OrganisationType, refusal: string, dspt: ParsedDsptStatus | undefined): string[] {
  if (isNhsOrganisation(type)) {
    return [`About your own e-mail address: ${refusal}`, 'As an NHS organisation, your IT team can give you an NHSmail account.'];
  }
  const bar =
    dspt && meetsNhsmailBar(dspt)
      ? 'Your DSPT status is already enough for NHSmail.'
      : 'NHSmail needs your DSPT at Approaching Standards or better, so publish your assessment first.';
  return [
    `About your own e-mail address: ${refusal}`,
    'NHSmail is free for care providers. The ways to get it that fit a service like yours:',
    ...nhsmailRoutes(type).map((route) => `- ${route}`),
    ALLOWANCE,
    ...(type === 'careHome' || type === 'domiciliaryCare' ? [] : [THIRD_PARTY_ALLOWANCE]),
    bar,
    HELPLINE,
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
