/**
 * The organisation a leavers request is for, from its ODS code: an earlier request for the same code, else the DPIA
 * register, else the ODS directory. Whatever is still missing (the name, the ICS) the dialog asks for.
 */
import type { DpiaEntry, TicketOrganisation, WorkflowTicket } from '../../data/model.js';
import { icsByCode } from '../../data/rules/ics.js';
import { normaliseOdsCode } from '../../data/rules/ods.js';
import type { OdsDirectory } from '../dialogServices.js';

/** What is known so far; a ticket needs odsCode, name, icbCode, location and namedInDpia. */
export type PartialOrganisation = Partial<TicketOrganisation> & { odsCode: string };

/** True when it can go on a ticket as it is. */
export function isComplete(org: PartialOrganisation): org is TicketOrganisation {
  return Boolean(org.name && org.icbCode && org.location && typeof org.namedInDpia === 'boolean');
}

/**
 * What goes on the deactivation ticket: a complete organisation as it is; one outside London as the manager gave it, with
 * no London ICS (icbCode '') and location 'outside', so the helpdesk still sees its ODS code and name. Undefined without a name.
 */
export function ticketOrganisation(org: PartialOrganisation, outsideLondon: boolean): TicketOrganisation | undefined {
  if (isComplete(org)) return org;
  if (!outsideLondon || !org.name) return undefined;
  return { ...org, name: org.name, icbCode: '', location: 'outside', namedInDpia: org.namedInDpia ?? false };
}

/** From stored data only (earlier requests, newest first, then the DPIA register); used before asking the ODS directory. */
export function organisationFromStore(
  tickets: readonly WorkflowTicket[],
  register: readonly DpiaEntry[],
  odsCode: string,
): PartialOrganisation | undefined {
  const code = normaliseOdsCode(odsCode);
  const earlier = tickets
    .map((t) => t.organisation)
    .filter((org): org is TicketOrganisation => org !== undefined && normaliseOdsCode(org.odsCode) === code)
    .at(-1);
  if (earlier) return earlier;
  const entry = register.find((e) => normaliseOdsCode(e.odsCode) === code);
  // A DPIA register belongs to a London ICS, so its organisations are judged as London ones.
  if (entry) return { odsCode: code, name: entry.name, icbCode: entry.icbCode, location: 'london', namedInDpia: true };
  return undefined;
}

/** From the ODS directory: the name, the postcode and, when its ICB is a London ICS, the ICS. Nothing when it cannot be reached. */
export async function organisationFromDirectory(ods: OdsDirectory, odsCode: string): Promise<PartialOrganisation | undefined> {
  let result;
  try {
    result = await ods.lookup(odsCode);
  } catch {
    return undefined;
  }
  if (result.status !== 'found') return undefined;
  const org = result.organisation;
  const ics = org.icbCode ? icsByCode(org.icbCode) : undefined;
  return {
    odsCode: normaliseOdsCode(odsCode),
    name: org.name,
    ...(org.postcode ? { postcode: org.postcode } : {}),
    ...(ics ? { icbCode: ics.icbCode, location: 'london' as const } : {}),
    namedInDpia: false,
    odsVerified: true,
  };
}
