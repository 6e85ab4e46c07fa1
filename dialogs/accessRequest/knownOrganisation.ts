/**
 * What is already known about an organisation as soon as its ODS code is given, before anything else is asked:
 * an access request for it that is open or done (so no second organisation request reaches the ICS lead), and a DSPT
 * status in the imported export that is not Standards Met (so the manager is not asked its borough and type first).
 * The decisions are pure, over the records the store's queries return.
 */
import { accessRequestsFor, isDone, isOpen } from '../../data/workflow/accessRequests.js';
import { OPEN_STATES } from '../../data/workflow/transitions.js';
import type { DsptRecord, WorkflowTicket } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';
import { decideEligibility } from '../../data/rules/eligibility.js';
import { dsptRequiredFor, type OrganisationType } from '../../data/rules/organisationTypes.js';
import { findPublishedStatus, fromExport } from '../readiness/dsptAnswers.js';
import { liveAndArchived } from '../storedRequests.js';

/** The organisation's access request found for a code: open or done, and whether the person asking made it. */
export interface ExistingRequest {
  ticket: WorkflowTicket;
  open: boolean;
  mine: boolean;
}

/**
 * existingAccessRequest over the store: the open requests for the code first (they are always live); only when there is
 * none, the done ones, the archived included, so an organisation whose request was archived is still onboarded.
 */
export async function findExistingRequest(
  store: Store,
  odsCode: string,
  aadObjectId: string | undefined,
): Promise<ExistingRequest | undefined> {
  const open = await store.tickets.list({ kind: 'organisationAccess', odsCode, states: OPEN_STATES });
  const tickets = open.length > 0 ? open : await liveAndArchived(store, { kind: 'organisationAccess', odsCode });
  return existingAccessRequest(tickets, odsCode, aadObjectId);
}

/**
 * The organisation access request for this ODS code that matters most among `tickets`: an open one (the person's own
 * first), else a done one. Turned-down, withdrawn and finished-without-accounts requests do not count: the organisation
 * may ask again.
 */
export function existingAccessRequest(
  tickets: readonly WorkflowTicket[],
  odsCode: string,
  aadObjectId: string | undefined,
): ExistingRequest | undefined {
  const forCode = accessRequestsFor(tickets, odsCode);
  const mineFirst = (a: WorkflowTicket, b: WorkflowTicket) => Number(isMine(b, aadObjectId)) - Number(isMine(a, aadObjectId));
  const open = forCode.filter(isOpen).sort(mineFirst)[0];
  const found = open ?? forCode.filter(isDone).sort(mineFirst)[0];
  if (!found) return undefined;
  return { ticket: found, open: found === open, mine: isMine(found, aadObjectId) };
}

/** How far someone else's open request has got, in words that do not speak to its requester ("we need … from you"). */
export function stageForOthers(state: string): string {
  switch (state) {
    case 'awaitingIcsApproval':
      return 'waiting for approval from the Integrated Care System';
    case 'awaitingHelpdesk':
      return 'with the UCP helpdesk';
    case 'assigned':
      return 'being worked on by the UCP helpdesk';
    case 'needsInformation':
      return 'waiting for more information from the person who asked';
    default:
      return 'received';
  }
}

function isMine(ticket: WorkflowTicket, aadObjectId: string | undefined): boolean {
  return aadObjectId !== undefined && ticket.requester?.aadObjectId === aadObjectId;
}

/** Why the DSPT stops the request now, and what to do: from the export alone. */
export interface EarlyDsptStop {
  /** The export's row that stops it, to say what was found. */
  record: DsptRecord;
  reason: string;
  nextSteps: string[];
}

/**
 * The DSPT stop, when the imported export has a status for this code that is not Standards Met (or has lapsed) and the
 * directory does not show an NHS organisation (which needs no DSPT). Undefined when the export says nothing, or it is met:
 * the later checks then decide as before. The DPIA is judged later, so it is left out here.
 */
export function earlyDsptStop(
  records: readonly DsptRecord[],
  odsCode: string,
  directoryType: OrganisationType | undefined,
  today: string,
): EarlyDsptStop | undefined {
  if (directoryType !== undefined && !dsptRequiredFor(directoryType)) return undefined;
  const record = findPublishedStatus(records, odsCode);
  if (!record) return undefined;
  const decision = decideEligibility({
    organisationType: 'careHome',
    dspt: fromExport(record, today).parsed,
    namedInDpia: true,
    location: 'london',
    today,
  });
  if (decision.decision !== 'needsDsptFirst') return undefined;
  return { record, reason: decision.reasons[0], nextSteps: decision.nextSteps };
}
