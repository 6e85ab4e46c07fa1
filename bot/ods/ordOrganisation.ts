/**
 * Reads one ORD 2-0-0 organisation answer (`GET /ORD/2-0-0/organisations/{code}`) into the product's OdsOrganisation.
 * The ORD JSON is converted from XML, so a list with one item can arrive as a bare object: every list is read as "one or many".
 */
import type { OdsOrganisation } from '../../dialogs/dialogServices.js';

/** ICBs carry primary role RO261; RE5 ("is located in the geography of") also points at NHS England regions and sub-ICB locations. */
const ICB_PRIMARY_ROLE = 'RO261';
const ICB_OTHER_ROLE = 'RO318';
const ICB_CODE = /^Q[A-Z0-9]{2}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function many(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** A role or relationship without a Status is taken as current: older records leave it out. */
function isActive(entry: Json): boolean {
  const status = text(entry.Status);
  return status === undefined || status.toLowerCase() === 'active';
}

function icbOf(organisation: Json): string | undefined {
  const rels = many(isObject(organisation.Rels) ? organisation.Rels.Rel : undefined).filter(
    (rel) => text(rel.id)?.toUpperCase() === 'RE5' && isActive(rel),
  );
  const targets = rels.flatMap((rel) => {
    const target = isObject(rel.Target) ? rel.Target : {};
    const code = text(isObject(target.OrgId) ? target.OrgId.extension : undefined)?.toUpperCase();
    const role = text(isObject(target.PrimaryRoleId) ? target.PrimaryRoleId.id : undefined)?.toUpperCase();
    return code ? [{ code, role }] : [];
  });
  const byRole = targets.find((t) => t.role === ICB_PRIMARY_ROLE);
  // Some answers leave the target's role out; a Q + 2 code is then taken as the ICB.
  return (byRole ?? targets.find((t) => (t.role === undefined || t.role === ICB_OTHER_ROLE) && ICB_CODE.test(t.code)))?.code;
}

/** From a 200 answer of the ORD API: the organisation, or undefined when the body is not an ORD organisation. */
export function readOrdOrganisation(body: unknown, requestedCode: string): OdsOrganisation | undefined {
  const organisation = isObject(body) ? body.Organisation : undefined;
  if (!isObject(organisation)) return undefined;
  const name = text(organisation.Name);
  const status = text(organisation.Status);
  if (!name || !status) return undefined;
  const roles = many(isObject(organisation.Roles) ? organisation.Roles.Role : undefined).filter(isActive);
  const roleIds = roles.flatMap((role) => text(role.id)?.toUpperCase() ?? []);
  const primaryRoleId = text(roles.find((role) => role.primaryRole === true || role.primaryRole === 'true')?.id)?.toUpperCase();
  const location = isObject(organisation.GeoLoc) && isObject(organisation.GeoLoc.Location) ? organisation.GeoLoc.Location : {};
  const odsCode = text(isObject(organisation.OrgId) ? organisation.OrgId.extension : undefined)?.toUpperCase() ?? requestedCode;
  return {
    odsCode,
    name,
    postcode: text(location.PostCode)?.toUpperCase(),
    active: status.toLowerCase() === 'active',
    roleIds,
    primaryRoleId,
    icbCode: icbOf(organisation),
  };
}
