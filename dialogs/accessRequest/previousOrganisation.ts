/**
 * For "add staff": the organisation of the manager's own earlier access request, offered so it is not asked again — but
 * only once that request is finished (the helpdesk resolved it and created the accounts): an organisation still awaiting
 * approval or information, or turned down, is not onboarded, so its staff go through the same checks as a new request.
 */
import { isDone } from '../../data/workflow/accessRequests.js';
import type { TicketOrganisation } from '../../data/model.js';
import { dsptRequiredFor, organisationTypeFromLabel } from '../../data/rules/organisationTypes.js';
import type { Store } from '../../data/store/store.js';
import type { OdsDirectory } from '../dialogServices.js';
import { liveAndArchived } from '../storedRequests.js';
import { directoryFacts, settleDirectoryCheck, type OrganisationDraft } from './organisationDraft.js';

/** An onboarded organisation, as its access request carries it. */
export interface EarlierOrganisation {
  organisation: TicketOrganisation;
  /** The helpdesk ticked "ODS verified" on that request. */
  odsCheckedByHelpdesk: boolean;
}

/**
 * The organisation on the latest finished access request this person made: resolved, closed or archived with the accounts
 * created (a request can only be resolved once they are, so a turned-down one never counts). The archive is read too, so
 * a request the hourly archive run has moved out is still offered.
 */
export async function previousOrganisation(store: Store, aadObjectId: string | undefined): Promise<EarlierOrganisation | undefined> {
  if (!aadObjectId) return undefined;
  const mine = (await liveAndArchived(store, { kind: 'organisationAccess', requester: aadObjectId }))
    .filter((t) => t.organisation && isDone(t))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const latest = mine[0];
  if (!latest?.organisation) return undefined;
  return { organisation: latest.organisation, odsCheckedByHelpdesk: Boolean(latest.checklist?.odsVerified) };
}

/**
 * The draft for the earlier organisation: nothing about it is asked again, but it is checked again (the access request's
 * checks run on it). Its ODS code counts as verified when it was then (or the helpdesk checked it since); otherwise the
 * directory is asked now, so the summary says what is really so: not reachable, not recognised, or recognised under another
 * name. An NHS type the directory did not confirm then is looked up now too: only a confirmed one skips the DSPT.
 */
export async function draftFromEarlier(earlier: EarlierOrganisation, ods: OdsDirectory): Promise<OrganisationDraft> {
  const org = earlier.organisation;
  const type = organisationTypeFromLabel(org.organisationType);
  const draft: OrganisationDraft = {
    odsCode: org.odsCode,
    odsCheck: 'found',
    name: org.name,
    postcode: org.postcode ?? '',
    location: org.location,
    ...(org.borough ? { borough: org.borough } : {}),
    icbCode: org.icbCode,
    ...(type ? { organisationType: type } : {}),
    ...(type && org.typeConfirmedByDirectory === true ? { typeConfirmedByDirectory: true } : {}),
    ...(org.hscn !== undefined ? { hscn: org.hscn } : {}),
    ...(org.accessRoute ? { accessRoute: org.accessRoute } : {}),
  };
  const verified = org.odsVerified === true || earlier.odsCheckedByHelpdesk;
  const nhsUnconfirmed = type !== undefined && !dsptRequiredFor(type) && draft.typeConfirmedByDirectory !== true;
  if (verified && !nhsUnconfirmed) return draft;
  const found = await ods.lookup(org.odsCode);
  if (found.status !== 'found') return verified ? draft : { ...draft, odsCheck: found.status };
  draft.directory = directoryFacts(found.organisation);
  if (!verified) settleDirectoryCheck(draft);
  return draft;
}
