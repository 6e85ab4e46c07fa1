/**
 * "Add staff" for an organisation onboarded earlier: is it still eligible, judged only from the imported lists, now?
 * Source 001's user onboarding table: "Check organisation is already listed in the ICS Better Onboarding DPIA"; an
 * organisation that has dropped out since (left its ICS's DPIA, or its DSPT lapsed after 30 June) is treated as a new one. Pure.
 */
import type { OrganisationRecheck } from '../model.js';
import { parseDsptStatus, renewalDue } from './dspt.js';
import { decideEligibility, type EligibilityOutcome, type OrganisationLocation } from './eligibility.js';
import type { OrganisationType } from './organisationTypes.js';

export interface RecheckInput {
  organisationType: OrganisationType;
  typeConfirmedByDirectory: boolean;
  location: OrganisationLocation;
  /** The organisation's own ICS (ICB code): only its DPIA counts. */
  icbCode: string;
  /** Named in its own ICS's onboarding DPIA, in the imported register. */
  namedInDpia: boolean;
  /** As published in the imported DSPT list; undefined when the list has no row for the code. */
  publishedDspt: string | undefined;
  /** ISO instant of the check; its London date decides whether a status has lapsed. */
  checkedAt: string;
  /** yyyy-mm-dd, London. */
  today: string;
}

export interface RecheckResult {
  /** Still eligible on the lists alone: its staff may go as an 'addUsers' ticket. Otherwise it is checked as a new organisation. */
  stillOnboarded: boolean;
  /** The eligibility outcome from the lists alone (a manager's own DSPT answer is not evidence). */
  outcome: EligibilityOutcome;
  facts: OrganisationRecheck;
}

/** Used when "add staff" names the organisation of an earlier finished request, before the ticket is made. */
export function recheckOrganisation(input: RecheckInput): RecheckResult {
  const dspt = input.publishedDspt === undefined ? undefined : parseDsptStatus(input.publishedDspt, input.today);
  const decision = decideEligibility({
    organisationType: input.organisationType,
    typeConfirmedByDirectory: input.typeConfirmedByDirectory,
    dspt,
    namedInDpia: input.namedInDpia,
    location: input.location,
    today: input.today,
  });
  const current = decision.dsptRequired && decision.dsptOk && dspt !== undefined;
  return {
    stillOnboarded: decision.decision === 'eligible',
    outcome: decision.decision,
    facts: {
      checkedAt: input.checkedAt,
      ...(input.namedInDpia ? { dpiaIcbCode: input.icbCode } : {}),
      dsptRequired: decision.dsptRequired,
      ...(input.publishedDspt !== undefined ? { dsptStatus: input.publishedDspt } : {}),
      dsptCurrent: current,
      ...(current ? { dsptRenewalDue: renewalDue(dspt, input.today).dueOn } : {}),
    },
  };
}
