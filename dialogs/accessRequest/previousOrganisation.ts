/** For "add staff": the organisation of the manager's own earlier access request, offered so it is not asked again. */
import type { TicketOrganisation, WorkflowTicket } from '../../data/model.js';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from '../../data/rules/organisationTypes.js';
import type { Store } from '../../data/store/store.js';
import type { OrganisationDraft } from './organisationDraft.js';

/** The organisation on the latest access request this person made (live tickets only), as a plain copy. */
export function previousOrganisation(store: Store, aadObjectId: string | undefined): TicketOrganisation | undefined {
  if (!aadObjectId) return undefined;
  return store.read((data) => {
    const mine = (data.tickets as readonly unknown[] as readonly WorkflowTicket[])
      .filter((t) => t.kind === 'organisationAccess' && t.requester?.aadObjectId === aadObjectId && t.organisation && !['rejected', 'withdrawn'].includes(t.state))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    return mine[0]?.organisation ? (JSON.parse(JSON.stringify(mine[0].organisation)) as TicketOrganisation) : undefined;
  });
}

/** The draft for an organisation already on a ticket: nothing about it is asked again. */
export function draftFromTicket(org: TicketOrganisation): OrganisationDraft {
  const type = ORGANISATION_TYPES.find((t) => ORGANISATION_TYPE_LABELS[t] === org.organisationType);
  return {
    odsCode: org.odsCode,
    odsCheck: org.odsVerified ? 'found' : 'unavailable',
    name: org.name,
    postcode: org.postcode ?? '',
    location: org.location,
    ...(org.borough ? { borough: org.borough } : {}),
    icbCode: org.icbCode,
    ...(type ? { organisationType: type } : {}),
    ...(org.hscn !== undefined ? { hscn: org.hscn } : {}),
    ...(org.accessRoute ? { accessRoute: org.accessRoute } : {}),
  };
}
