/** What the readiness conversation says, apart from the outcome (readinessOutcome.ts) and NHSmail (nhsmailRoutes.ts). */
import type { DsptRecord } from '../../data/model.js';
import type { OrganisationType } from '../../data/rules/organisationTypes.js';
import { longDate } from '../../data/rules/longDate.js';

export const ASK_ORGANISATION_TYPE =
  "Let's check whether your organisation is ready for the Universal Care Plan (UCP). What kind of organisation is it?";
export const ASK_ODS_CODE =
  "What is your organisation's ODS code? It is 3 to 6 letters and numbers, like VABC1 for a care home. " +
  "If you don't know it, type I don't know.";
export const ASK_DSPT_STATUS = 'What does your latest Data Security and Protection Toolkit (DSPT) assessment show?';
export const READINESS_HELP =
  'I am checking whether your organisation is ready for the Universal Care Plan (UCP): its type, its ODS code if ' +
  'you know it, its Data Security and Protection Toolkit (DSPT) status and where it is. Nothing is sent to anyone.';
/** The one way to carry on after the DSPT stops an access request. */
export const DSPT_COME_BACK = 'When your DSPT status shows Standards Met, type request access to ask again.';
/** The one way to carry on after the DSPT stops a readiness check (no request exists to carry on with). */
export const DSPT_CHECK_AGAIN = 'When your DSPT status shows Standards Met, type check readiness and I will check again.';
export const NEXT_STEP = 'When you are ready, type request access or use the Request access button on the menu.';
export const NOT_IN_EXPORT = (code: string) => `I couldn't find ${code} in the published DSPT list I have, so I need to ask you.`;
export const NO_ODS_CODE = "That's fine. Without the code I can't look your status up, so I need to ask you.";
export const NHS_NO_DSPT = 'As an NHS organisation, you are not asked for a DSPT status for the UCP.';

/** "I found VN4K2 (Rosewood Court Care Home) in the published DSPT list: "24/25 Standards Met", published on 12 March 2026." */
export function foundInExport(record: DsptRecord): string {
  const published = record.publishedOn ? `, published on ${longDate(record.publishedOn)}` : '';
  return `I found ${record.odsCode} (${record.name}) in the published DSPT list: "${record.status}"${published}.`;
}

const AS_NHS: Partial<Record<OrganisationType, string>> = {
  nhsTrust: 'an NHS trust',
  gpPractice: 'a GP practice',
  otherNhs: 'an NHS organisation',
};

/**
 * Said before the DSPT question when the manager chose an NHS type the NHS organisation directory did not confirm (it gave
 * another type, could not tell, could not be reached, or there was no code): source 001 asks every non-NHS organisation.
 */
export function typeNotConfirmed(type: OrganisationType, code: string | null): string {
  const what = AS_NHS[type] ?? 'an NHS organisation';
  const unconfirmed = code
    ? `The NHS organisation directory could not confirm that ${code} is ${what}`
    : `Without your ODS code I can't confirm with the NHS organisation directory that your organisation is ${what}`;
  return `${unconfirmed}, so I need to ask about its Data Security and Protection Toolkit (DSPT) status, as for any organisation outside the NHS.`;
}
