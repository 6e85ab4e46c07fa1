/** What the identity questions carry between their steps and hand back: the draft, and what is known about earlier requests. */
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { OrganisationDraft } from './organisationDraft.js';
import type { RequestKind } from './requestSummary.js';

/**
 * What the identity questions end with. `stopped`: the request goes no further (one is already open or done for this
 * code, or the DSPT export already stops it); the manager has been told why. `onboarded`: adding staff to an organisation
 * whose access request is done, so the staff are sent as 'addUsers', never as a second organisation request.
 */
export interface IdentityResult {
  draft: OrganisationDraft;
  stopped?: boolean;
  onboarded?: boolean;
}

/** What the identity questions start from; the counters survive the replaceDialog that re-asks. */
export interface IdentityOptions {
  draft: OrganisationDraft;
  /** Adding staff (default: asking for access): decides what an existing request for the code means. */
  kind?: RequestKind;
  /** Adding staff: the code's access request is done (kept across the re-asks of the borough). */
  onboarded?: boolean;
  /** Codes the directory did not know, so far. */
  odsMisses?: number;
  /** Boroughs not recognised, so far. */
  boroughMisses?: number;
}

export interface IdentityValues {
  draft: OrganisationDraft;
  /** A code the directory did not know, while the manager decides whether to carry on with it. */
  pendingCode?: string;
  awaiting?: 'directoryRight' | 'carryOn' | 'boroughChoice' | 'icsChoice';
  /** Adding staff to an organisation whose access request is done. */
  onboarded?: boolean;
}

export function identityResult(state: IdentityValues): IdentityResult {
  return { draft: state.draft, ...(state.onboarded ? { onboarded: true } : {}) };
}

export function values(step: WaterfallStepContext): IdentityValues {
  return step.values as IdentityValues;
}
