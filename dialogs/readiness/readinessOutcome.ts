/**
 * What the readiness check tells the manager, from the eligibility rules (data/rules/eligibility.ts) and where the DSPT
 * status came from. Where the organisation is (London, commissioned for Londoners, outside London) is asked, so the
 * routes of source 001 for organisations outside London can be given. Whether it is named in a DPIA is known only
 * when the ODS code is (the imported register): without it the check covers the DSPT only and never says "ready". Pure.
 */
import { renewalDue } from '../../data/rules/dspt.js';
import { decideEligibility, type EligibilityDecision, type OrganisationLocation } from '../../data/rules/eligibility.js';
import type { OrganisationType } from '../../data/rules/organisationTypes.js';
import type { DsptFinding } from './dsptAnswers.js';
import { longDate } from '../../data/rules/longDate.js';

export interface ReadinessFacts {
  organisationType: OrganisationType;
  /** The ODS directory's roles gave this type; without it an NHS type is asked for the DSPT like any other. */
  typeConfirmedByDirectory?: boolean;
  /** null: the manager did not know it. */
  odsCode: string | null;
  dspt: DsptFinding;
  /** From the imported DPIA register; undefined without an ODS code. */
  namedInDpia: boolean | undefined;
  /** Where the manager said the organisation is. */
  location: OrganisationLocation;
  /** yyyy-mm-dd, London. */
  today: string;
}

export interface ReadinessOutcome {
  decision: EligibilityDecision;
  /** One short line that says where they stand. */
  headline: string;
  /** The reasons and next steps, in order, each its own line. */
  lines: string[];
}

/** Why the DSPT matters, for those who have not published one yet (source 004). */
export const WHY_DSPT_MATTERS =
  "Why it matters: the DSPT shows that your home keeps people's information safe, on paper and on " +
  'computer. The UCP holds the wishes of the people you care for and is seen by ambulance crews, NHS 111 and ' +
  'out-of-hours doctors, so London asks every care provider to reach Standards Met before it can use it. Standards Met also ' +
  'opens the door to NHSmail and shared care records, and it is what commissioners and the CQC expect to see.';

/** Support for completing it, from source 004, said with the steps for a status that is not there yet. */
export const DSPT_SUPPORT =
  'The Better Security, Better Care programme offers free guidance and local support, including ' +
  'registration and completion workshops.';

/** Without an ODS code the DPIA cannot be checked; said in place of a DPIA reason, with the route if it is not named (source 001). */
export function dpiaNotChecked(location: OrganisationLocation): string {
  const start =
    'Without your ODS code I could not check whether your organisation is named in a data protection impact assessment ' +
    '(DPIA) for the UCP, so this check covers only the DSPT. The UCP helpdesk checks the DPIA when you request access. ';
  switch (location) {
    case 'commissioned':
      return `${start}If your organisation is not named, the lead of the London Integrated Care System (ICS) that commissions your service is asked to approve it, which usually takes around a week.`;
    case 'outside':
      return `${start}If your organisation is not named, it must first complete its own DPIA for UCP access, and the UCP helpdesk will explain what that involves.`;
    default:
      return `${start}If your organisation is not named, we ask your Integrated Care System (ICS) to approve it, which usually takes around a week.`;
  }
}

/** The readiness check's outcome, from the facts gathered. */
export function readinessOutcome(facts: ReadinessFacts): ReadinessOutcome {
  const dpiaKnown = facts.namedInDpia !== undefined;
  // Without an ODS code the DPIA question stays open: judge the DSPT side alone and say so instead of guessing.
  const decision = decideEligibility({
    organisationType: facts.organisationType,
    typeConfirmedByDirectory: facts.typeConfirmedByDirectory === true,
    dspt: facts.dspt.parsed,
    namedInDpia: facts.namedInDpia ?? true,
    location: facts.location,
    today: facts.today,
  });
  const reasons = dpiaKnown
    ? decision.reasons
    : decision.reasons.filter((reason) => !/named in the data protection impact assessment/.test(reason));
  const lines = [...reasons, ...(dpiaKnown ? [] : [dpiaNotChecked(facts.location)]), ...decision.nextSteps];

  const status = facts.dspt.parsed?.status;
  if (decision.dsptRequired && !decision.dsptOk) {
    if (status === undefined || status === 'notPublished') lines.push(WHY_DSPT_MATTERS);
    lines.push(DSPT_SUPPORT);
  }
  if (decision.dsptRequired && decision.dsptOk && facts.dspt.parsed) {
    const due = renewalDue(facts.dspt.parsed, facts.today);
    lines.push(
      `The DSPT is renewed every year by 30 June: make sure your next assessment is published by ${longDate(due.dueOn)}, or access could stop.`,
    );
  }
  return { decision, headline: headline(decision, status, dpiaKnown), lines };
}

function headline(decision: EligibilityDecision, status: string | undefined, dpiaKnown: boolean): string {
  if (!dpiaKnown && decision.dsptOk) {
    const dspt = decision.dsptRequired
      ? 'Your DSPT status is in order for the UCP'
      : 'Your organisation does not need a DSPT status for the UCP';
    return `${dspt}, but I could not check the DPIA, so I cannot say yet that your organisation is ready.`;
  }
  switch (decision.decision) {
    case 'eligible':
      return 'Good news: your organisation is ready for the UCP.';
    case 'needsIcsApproval':
      return 'You are nearly ready: your DSPT status is fine, and your Integrated Care System needs to approve your organisation.';
    case 'needsOwnDpia':
      return 'Your organisation needs its own data protection impact assessment first.';
    default:
      if (status === 'approachingStandards') return 'You are on your way, but not ready for the UCP yet: it needs DSPT Standards Met.';
      if (status === 'standardsMet' || status === 'standardsExceeded')
        return 'Your DSPT assessment needs renewing before your organisation can use the UCP.';
      if (status === 'unknown') return "Let's confirm your DSPT status first: the UCP needs Standards Met.";
      return 'Your organisation needs a published DSPT assessment at Standards Met before it can use the UCP.';
  }
}
