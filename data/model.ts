/** The records the product keeps. Pure types: no I/O, no Bot Framework. */

/** UCP roles from source 001 (System Administrator is UCP-internal and never requested through the bot). */
export type UcpRole = 'Clinical' | 'Non-Clinical' | 'Urgent Care';

/** One London Integrated Care System, keyed by its ICB's ODS code. */
export interface Ics {
  icbCode: string;
  name: string;
  shortName: string;
  boroughs: string[];
}

/** A row of an ICS's onboarding DPIA: this organisation may use the UCP once its other checks pass. */
export interface DpiaEntry {
  odsCode: string;
  name: string;
  icbCode: string;
}

/** A row of the DSPT organisation-search export, as published. */
export interface DsptRecord {
  odsCode: string;
  name: string;
  /** The status string exactly as published, e.g. "24/25 Standards Met". */
  status: string;
  /** ISO date (yyyy-mm-dd) of publication, when given. */
  publishedOn?: string;
  sector?: string;
  icb?: string;
}

/** A bank holiday, in the gov.uk feed's event shape. */
export interface BankHoliday {
  title: string;
  date: string;
  notes: string;
  bunting?: boolean;
}

export type RosterKind = 'icsLead' | 'helpdeskAgent' | 'helpdeskChannel';

/** A person or channel allowed to act for a role. `scope` is the ICB code for ICS leads. */
export interface RosterEntry {
  kind: RosterKind;
  /** Teams user aadObjectId for people; the channel's conversation id for a channel. */
  id: string;
  displayName?: string;
  scope?: string;
  addedAt: string;
}

/** A stored Teams conversation reference (Bot Framework's shape kept opaque here). */
export interface ConversationRecord {
  key: string;
  reference: Record<string, unknown>;
  usable: boolean;
  updatedAt: string;
}

export type TicketKind = 'organisationAccess' | 'addUsers' | 'deactivateUsers' | 'question';

/** A helpdesk ticket. The workflow issue grows this; the store only relies on these fields. */
export interface Ticket {
  id: string;
  kind: TicketKind;
  state: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  [field: string]: unknown;
}

/** One line of the audit trail: who did what, when, from which state to which. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  ticketId?: string;
  from?: string;
  to?: string;
  reason?: string;
  details?: Record<string, unknown>;
}
