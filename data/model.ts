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

/** icsChannel: an ICS's channel that receives its approval cards instead of (or as well as) each lead's 1:1 chat. */
export type RosterKind = 'icsLead' | 'icsChannel' | 'helpdeskAgent' | 'helpdeskChannel';

/** A person or channel allowed to act for a role. `scope` is the ICB code for ICS leads. */
export interface RosterEntry {
  kind: RosterKind;
  /** Teams user aadObjectId for people; the channel's conversation id for a channel. */
  id: string;
  displayName?: string;
  scope?: string;
  addedAt: string;
}

/**
 * A stored Teams conversation reference (Bot Framework's shape kept opaque here).
 * Keyed `user:<aadObjectId>` for a person's 1:1 chat with the bot, `conversation:<id>` for a channel or group chat.
 */
export interface ConversationRecord {
  key: string;
  reference: Record<string, unknown>;
  usable: boolean;
  updatedAt: string;
  /** When the welcome was sent in this conversation (bot/teams/conversationReferences.ts claimWelcome): it is sent once. */
  welcomedAt?: string;
}

export type TicketKind = 'organisationAccess' | 'addUsers' | 'deactivateUsers' | 'question';

/** The fields every ticket has, whatever its kind; the store keeps WorkflowTicket, which adds the rest. */
export interface Ticket {
  id: string;
  kind: TicketKind;
  state: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
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

export type TicketState =
  | 'submitted'
  | 'awaitingIcsApproval'
  | 'awaitingHelpdesk'
  | 'assigned'
  | 'needsInformation'
  | 'resolved'
  | 'closed'
  | 'archived'
  | 'rejected'
  | 'withdrawn';

export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/** The helpdesk's checks from source 001, in order, each ticked by an agent (and audited). */
export const CHECKLIST_ITEMS = ['odsVerified', 'dpiaChecked', 'dsptChecked', 'emailDomainsChecked', 'accountsCreated'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/** The checks the service runs itself (source 001's first four); "Accounts created" is always the agent's. */
export const AUTOMATIC_ITEMS = ['odsVerified', 'dpiaChecked', 'dsptChecked', 'emailDomainsChecked'] as const;
export type AutomaticItem = (typeof AUTOMATIC_ITEMS)[number];

/** The reference lists an administrator imports; the store keeps when each was last imported (`LiveData.imports`). */
export type ImportedList = 'dpia' | 'dspt' | 'accreditedDomains' | 'bankHolidays';

/**
 * What one automatic check found. passed: the service ticks the item ("checked automatically") for an agent to confirm;
 * failed: the evidence says what is wrong; unsettled: the service could not tell (the reason says why) and the agent checks.
 */
export interface AutomaticCheck {
  outcome: 'passed' | 'failed' | 'unsettled';
  /** Plain text a helpdesk agent reads: what was checked and what was found. No e-mail addresses (the channel copy shows it). */
  evidence: string;
  /** ISO instant of the check. */
  at: string;
  /** The agent who unticked this automatic tick: later runs record what they find but never tick it again. */
  overruledBy?: Stamp;
}

/** A Teams person: the aadObjectId is the identity; the name is for display only. */
export interface PersonRef {
  aadObjectId: string;
  name?: string;
}

/** Who did something and when. */
export interface Stamp {
  by: PersonRef | 'system';
  at: string;
}

/** A member of staff asked for in an access or add-users request. */
export interface RequestedUser {
  name: string;
  jobTitle: string;
  /** null: the title is not in the table and the helpdesk decides. */
  role: UcpRole | null;
  email: string;
  /** The requester confirmed appropriate use of a domain outside the accepted list (source 001). */
  emailConfirmed?: boolean;
  /**
   * The address may be a shared or role mailbox ("jane.nurse"): the manager said it is this person's own, and the helpdesk
   * checks that before making the account. Says what to check.
   */
  emailCheck?: string;
  registration?: { body: string; number: string };
}

/** Someone to deactivate (a leaver). */
export interface Leaver {
  name: string;
  email: string;
  /** yyyy-mm-dd */
  lastWorkingDay: string;
}

export interface TicketOrganisation {
  odsCode: string;
  name: string;
  /** The ICS whose lead approves, by ICB code. */
  icbCode: string;
  postcode?: string;
  borough?: string;
  location: 'london' | 'commissioned' | 'outside';
  namedInDpia: boolean;
  organisationType?: string;
  /** As published, e.g. "25/26 Standards Met". */
  dsptStatus?: string;
  /** false while the ODS directory could not be reached ("ODS not yet verified"). */
  odsVerified?: boolean;
  /** The ODS directory's roles gave the type the manager chose; otherwise the type is the manager's word only (and DSPT was asked). */
  typeConfirmedByDirectory?: boolean;
  hscn?: boolean;
  accessRoute?: 'recordSystem' | 'webPortal';
  /** Add staff: the organisation's DPIA listing and DSPT checked again against the imported lists when the staff were sent. */
  recheck?: OrganisationRecheck;
}

/** What the re-check of an onboarded organisation found (source 001 user onboarding: "Check organisation is already listed in the ICS Better Onboarding DPIA"). */
export interface OrganisationRecheck {
  /** ISO instant of the check. */
  checkedAt: string;
  /** The ICS (ICB code) whose onboarding DPIA lists the organisation; absent when its own ICS's DPIA does not. */
  dpiaIcbCode?: string;
  /** False when the organisation is a confirmed NHS type (source 001 asks only non-NHS organisations). */
  dsptRequired: boolean;
  /** As published in the imported DSPT list; absent when the list has no row for the code. */
  dsptStatus?: string;
  /** The status is Standards Met or Exceeded and not past its renewal deadline. */
  dsptCurrent: boolean;
  /** yyyy-mm-dd: the 30 June by which the status must be renewed, when it is current. */
  dsptRenewalDue?: string;
}

/** One posted copy of a ticket's card, so every copy can be updated when the ticket changes. */
export interface CardCopy {
  audience: 'icsLead' | 'helpdesk';
  /** ConversationRecord key. */
  conversationKey: string;
  activityId: string;
}

/**
 * One reminder or escalation the reminder sweep sent about a ticket, written in the same store update as the sweep's
 * ledger (so exactly once), for its cards and the helpdesk tab. Bookkeeping, not a transition: the version stays.
 */
export interface ReminderMark {
  /** The sweep's reminder kind (bot/reminders/reminderWording.ts ReminderKind). */
  kind: string;
  /** ISO instant the sweep recorded it. */
  at: string;
  /** ISO instant the wait it belongs to began (the ticket's wait at the time). */
  since: string;
  /** Working hours the ticket had waited when it was sent. */
  waitedHours: number;
  /** The configured wait (REMINDER_* settings) after which it fell due. */
  dueAfterHours: number;
  /** Working hours in a working day when it was sent, so "2 working days" reads as configured. */
  workingDayHours: number;
}

/** A ticket as the workflow keeps it. */
export interface WorkflowTicket extends Ticket {
  state: TicketState;
  priority: TicketPriority;
  requester: PersonRef & { email?: string };
  organisation?: TicketOrganisation;
  users?: RequestedUser[];
  leavers?: Leaver[];
  question?: string;
  assignee?: PersonRef;
  /** Ticked by an agent, or by the service ('system') for an automatic check that passed, until an agent confirms it. */
  checklist: Partial<Record<ChecklistItem, Stamp>>;
  /** The ICS governance lead's onboarding approval (source 001), for the helpdesk's DPIA check. */
  icsApproval?: Stamp;
  /** The latest automatic check of each item (data/workflow/automaticChecks.ts), kept with its evidence. */
  automaticChecks?: Partial<Record<AutomaticItem, AutomaticCheck>>;
  /** Where a needs-information ticket goes back to once the requester answers. */
  returnTo?: TicketState;
  /** When the ticket entered its current state (reminders count waiting time from it). */
  stateEnteredAt?: string;
  /**
   * The last transition, for "who acted and when" on every card. `role` is the role the person acted in (one person may
   * be requester, ICS lead and helpdesk agent at once), so a card says "Approved by …, … governance lead"; older tickets
   * have none, and the cards then read the role from the verb where only one role may use it.
   */
  lastAction?: Stamp & { verb: string; reason?: string; role?: 'requester' | 'icsLead' | 'helpdeskAgent' | 'system' };
  /** The last reason given (reject, needs information), shown to the requester. */
  reason?: string;
  /** The press of Submit that made it (the summary card's id): a repeat of that press finds this ticket. */
  submissionId?: string;
  cardCopies: CardCopy[];
  /** What the reminder sweep has sent about it, the latest of each kind per wait, newest last (at most 12). */
  remindersSent?: ReminderMark[];
}

/** One ticket's reminders in its current wait. */
export interface TicketLedger {
  /** ISO instant the wait began; a different one means a new wait, and its reminders start again. */
  since: string;
  /** For each reminder kind, the highest ordinal sent in this wait. */
  sent: Record<string, number>;
}

/**
 * What reminders have been sent (bot/reminders/ledger.ts): per open ticket, its current wait; per organisation, the DSPT
 * reminders sent this year. Compact on purpose (every write re-serialises the live file).
 */
export interface ReminderLedger {
  tickets: Record<string, TicketLedger>;
  /** By ODS code: the year and how many of that year's DSPT reminder dates have been sent. */
  dspt: Record<string, { year: string; sent: number }>;
}

/** A message owed to someone, kept until it is delivered so nothing is lost while Teams or e-mail is down. */
export interface NotificationRecord {
  /** Idempotency key, e.g. `T-000123:approved:requester`: the same key is never delivered twice. */
  key: string;
  recipient: { aadObjectId?: string; conversationKey?: string; email?: string };
  /** Plain text for Teams and the e-mail body. */
  text: string;
  subject: string;
  /** Optional Adaptive Card for Teams. */
  card?: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed';
  via?: 'teams' | 'email';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt?: string;
  /** When delivery was last tried (ISO); absent on records from before it was kept. The helpdesk's unreachable report shows it. */
  lastAttemptAt?: string;
  /** An error code, never a message that could carry personal data. */
  lastError?: string;
  /**
   * The instance of the service delivering it right now (its owner id, host:pid:random), from its claim
   * (store.notifications.claim/claimDue) until the outcome is recorded; absent when nobody holds it.
   */
  leaseOwner?: string;
  /** ISO instant the claim holds until: once it has passed, another instance may claim the notification (a crashed owner's). */
  leaseUntil?: string;
}
