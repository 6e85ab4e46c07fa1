/** The request as the manager checks it on the summary card, and as the workflow receives it. */
import type { AccessSummary } from '../../cards/accessSummaryCard.js';
import { routeFor } from '../../data/workflow/submission.js';
import type { NewTicketInput } from '../../data/workflow/types.js';
import type { RequestedUser } from '../../data/model.js';
import { londonToday } from '../../data/rules/londonTime.js';
import { recheckOrganisation, type RecheckResult } from '../../data/rules/organisationRecheck.js';
import type { DialogServices } from '../dialogServices.js';
import { HELPDESK_DECIDES_NOTICE, ODS_DIFFERS_NOTICE, ODS_UNKNOWN_NOTICE, ODS_UNVERIFIED_NOTICE } from './accessMessages.js';
import { recordedFacts } from './checkQuestions.js';
import { toTicketOrganisation, type OrganisationDraft } from './organisationDraft.js';
import { whatHappensNext } from './whatHappensNext.js';

export type RequestKind = 'organisationAccess' | 'addUsers';

/**
 * Used before the summary card and again on Submit: the workflow's input, or undefined while the organisation lacks something
 * the workflow needs. 'addUsers' (staff for an onboarded organisation) holds only while the organisation's re-check passes on
 * the imported lists at that moment, and the ticket carries what it found; otherwise the staff go with a request for the
 * organisation ('organisationAccess'), so the workflow routes it as a new one (to the ICS lead when its DPIA does not name it).
 */
export async function requestInput(
  services: DialogServices,
  kind: RequestKind,
  draft: OrganisationDraft,
  users: readonly RequestedUser[],
): Promise<NewTicketInput | undefined> {
  const facts = await recordedFacts(services, draft);
  const checked = kind === 'addUsers' ? await recheck(services, draft) : undefined;
  const stillOnboarded = checked?.stillOnboarded === true;
  const organisation = toTicketOrganisation(draft, {
    namedInDpia: facts.namedInDpia,
    dsptStatus: facts.dsptStatus,
    ...(stillOnboarded ? { recheck: checked.facts } : {}),
  });
  const sentAs: RequestKind = kind === 'addUsers' && !stillOnboarded ? 'organisationAccess' : kind;
  return organisation ? { kind: sentAs, organisation, users: users.map((user) => ({ ...user })) } : undefined;
}

/** Used for "add staff" to an onboarded organisation: its DPIA listing and DSPT, checked against the imported lists now. */
export async function recheck(services: DialogServices, draft: OrganisationDraft): Promise<RecheckResult | undefined> {
  if (!draft.organisationType || !draft.icbCode || !draft.location) return undefined;
  const facts = await recordedFacts(services, draft);
  const now = services.clock();
  return recheckOrganisation({
    organisationType: draft.organisationType,
    typeConfirmedByDirectory: draft.typeConfirmedByDirectory === true,
    location: draft.location,
    icbCode: draft.icbCode,
    namedInDpia: facts.namedInDpia,
    publishedDspt: facts.dsptStatus,
    checkedAt: now.toISOString(),
    today: londonToday(now),
  });
}

/** Used to show the summary card: the request, with the warnings that matter and what will happen after Submit. */
export function requestSummary(
  services: DialogServices,
  input: NewTicketInput,
  draft: OrganisationDraft,
): Omit<AccessSummary, 'summaryId'> {
  const organisation = input.organisation!;
  const users = input.users ?? [];
  const notices: string[] = [];
  if (draft.odsCheck === 'unavailable') notices.push(ODS_UNVERIFIED_NOTICE);
  if (draft.odsCheck === 'notFound') notices.push(ODS_UNKNOWN_NOTICE);
  if (draft.odsCheck === 'differs') notices.push(ODS_DIFFERS_NOTICE);
  if (users.some((user) => user.role === null)) notices.push(HELPDESK_DECIDES_NOTICE);
  const goesTo = routeFor({ kind: input.kind, organisation });
  return {
    kind: input.kind === 'addUsers' ? 'addUsers' : 'organisationAccess',
    organisation,
    users,
    notices,
    whatNext: whatHappensNext(goesTo, organisation, services.calendar, services.clock(), services.helpdesk),
    today: londonToday(services.clock()),
  };
}
