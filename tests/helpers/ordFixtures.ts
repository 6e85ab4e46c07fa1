/**
 * ORD 2-0-0 organisation answers, in the shape `GET /ORD/2-0-0/organisations/{code}` returns (JSON converted from the
 * ODS XML: a one-item list may come as a bare object). Names, codes and addresses are made up; the shape, role ids
 * (RO101 social care site, RO104 social care provider, RO177/RO76 GP practice) and relationships (RE5 "is located in
 * the geography of", RE6 "is operated by", RE4 "is commissioned by") follow the live directory.
 */

const OID = { root: '2.16.840.1.113883.2.1.3.2.4.18.48', assigningAuthorityName: 'HSCIC' };

function orgId(extension: string) {
  return { ...OID, extension };
}

/** A care home site in Islington (North Central London ICB, QMJ), operated by AX12, in NHS England's London region (Y56). */
export const CARE_HOME = {
  Organisation: {
    Name: 'SUNNYVIEW CARE HOME',
    Date: [{ Type: 'Operational', Start: '2016-04-01' }],
    OrgId: orgId('VX1A2'),
    Status: 'Active',
    LastChangeDate: '2024-07-05',
    orgRecordClass: 'RC2',
    GeoLoc: {
      Location: { AddrLn1: '12 SAMPLE ROAD', Town: 'LONDON', PostCode: 'N1 7AB', Country: 'ENGLAND', UPRN: 5300000001 },
    },
    Contacts: { Contact: [{ type: 'tel', value: '020 7946 0000' }] },
    Roles: {
      Role: [
        { id: 'RO101', uniqueRoleId: 512345, primaryRole: true, Date: [{ Type: 'Operational', Start: '2016-04-01' }], Status: 'Active' },
      ],
    },
    Rels: {
      Rel: [
        {
          Date: [{ Type: 'Operational', Start: '2016-04-01' }],
          Status: 'Active',
          Target: { OrgId: orgId('AX12'), PrimaryRoleId: { id: 'RO104', uniqueRoleId: 401234 } },
          id: 'RE6',
          uniqueRelId: 801234,
        },
        {
          Date: [{ Type: 'Operational', Start: '2016-04-01', End: '2022-06-30' }],
          Status: 'Inactive',
          Target: { OrgId: orgId('93C'), PrimaryRoleId: { id: 'RO98', uniqueRoleId: 301234 } },
          id: 'RE5',
          uniqueRelId: 801235,
        },
        {
          Date: [{ Type: 'Operational', Start: '2022-07-01' }],
          Status: 'Active',
          Target: { OrgId: orgId('Y56'), PrimaryRoleId: { id: 'RO209', uniqueRoleId: 301235 } },
          id: 'RE5',
          uniqueRelId: 801236,
        },
        {
          Date: [{ Type: 'Operational', Start: '2022-07-01' }],
          Status: 'Active',
          Target: { OrgId: orgId('QMJ'), PrimaryRoleId: { id: 'RO261', uniqueRoleId: 301236 } },
          id: 'RE5',
          uniqueRelId: 801237,
        },
      ],
    },
  },
};

interface Variant {
  code: string;
  name: string;
  status?: 'Active' | 'Inactive';
  postcode?: string;
  roles: Array<{ id: string; primary?: boolean; status?: string }>;
  icb?: { code: string; role?: string };
  recordClass?: 'RC1' | 'RC2';
}

/** An ORD answer for a made-up organisation, in the same shape as CARE_HOME. */
export function ordAnswer(variant: Variant): Record<string, unknown> {
  const operational = [{ Type: 'Operational', Start: '2015-01-01', ...(variant.status === 'Inactive' ? { End: '2023-03-31' } : {}) }];
  return {
    Organisation: {
      Name: variant.name,
      Date: operational,
      OrgId: orgId(variant.code),
      Status: variant.status ?? 'Active',
      LastChangeDate: '2024-01-10',
      orgRecordClass: variant.recordClass ?? 'RC1',
      GeoLoc: { Location: { AddrLn1: '1 EXAMPLE STREET', Town: 'LONDON', PostCode: variant.postcode ?? 'SE1 7EH', Country: 'ENGLAND' } },
      Roles: {
        Role: variant.roles.map((role, i) => ({
          id: role.id,
          uniqueRoleId: 600000 + i,
          ...(role.primary ? { primaryRole: true } : {}),
          Date: operational,
          Status: role.status ?? 'Active',
        })),
      },
      ...(variant.icb
        ? {
          Rels: {
            Rel: [{
              Date: operational,
              Status: 'Active',
              Target: { OrgId: orgId(variant.icb.code), ...(variant.icb.role ? { PrimaryRoleId: { id: variant.icb.role, uniqueRoleId: 300001 } } : {}) },
              id: 'RE5',
              uniqueRelId: 700001,
            }],
          },
        }
        : {}),
    },
  };
}

/** The care home's operator: a social care provider's head office (4-character A code), South East London ICB. */
export const PROVIDER_HQ = ordAnswer({ code: 'AX12', name: 'SUNNYVIEW CARE LTD', roles: [{ id: 'RO104', primary: true }], icb: { code: 'QKK', role: 'RO261' } });

/** A GP practice: primary role RO177 (prescribing cost centre) with RO76 (GP practice). */
export const GP_PRACTICE = ordAnswer({
  code: 'F83999', name: 'EXAMPLE MEDICAL CENTRE', postcode: 'N7 6LB', roles: [{ id: 'RO177', primary: true }, { id: 'RO76' }], icb: { code: 'QMJ', role: 'RO261' },
});

/** A care home that has closed. */
export const CLOSED_HOME = ordAnswer({
  code: 'VX9Z9', name: 'FORMER ROSE COURT CARE HOME', status: 'Inactive', recordClass: 'RC2', roles: [{ id: 'RO101', primary: true, status: 'Inactive' }],
});

/** The XML-to-JSON quirk: one role and one relationship arrive as bare objects, and the ICB target carries no role. */
export const SINGLE_ITEM_LISTS = {
  Organisation: {
    Name: 'LILAC HOUSE',
    OrgId: orgId('VX3C4'),
    Status: 'Active',
    orgRecordClass: 'RC2',
    GeoLoc: { Location: { PostCode: 'cr0 2aa' } },
    Roles: { Role: { id: 'RO101', uniqueRoleId: 512999, primaryRole: true, Status: 'Active' } },
    Rels: { Rel: { Status: 'Active', Target: { OrgId: orgId('QWE') }, id: 'RE5', uniqueRelId: 801999 } },
  },
};

/** The ORD API's answer to an unknown code. */
export const NOT_FOUND_BODY = { errorCode: 404, errorText: 'Not Found' };

/** Every fixture by its code, as the fake ORD server serves them. */
export const ORD_FIXTURES: Readonly<Record<string, unknown>> = {
  VX1A2: CARE_HOME,
  AX12: PROVIDER_HQ,
  F83999: GP_PRACTICE,
  VX9Z9: CLOSED_HOME,
  VX3C4: SINGLE_ITEM_LISTS,
};
