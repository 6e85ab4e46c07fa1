import type {
  AuditEvent,
  TicketLedger,
  BankHoliday,
  ConversationRecord,
  DpiaEntry,
  DsptRecord,
  ImportedList,
  NotificationRecord,
  ReminderLedger,
  RosterEntry,
  RosterKind,
  WorkflowTicket,
} from '../model.js';
import type { NotificationQuery, Page, RosterQuery, TicketQuery } from './records.js';

/** The document the memory and lowdb stores keep (for lowdb, what live.json holds); callers see it only through the contract below. */
export interface LiveData {
  schemaVersion: number;
  tickets: WorkflowTicket[];
  rosters: RosterEntry[];
  conversations: ConversationRecord[];
  dpiaRegister: DpiaEntry[];
  dsptStatuses: DsptRecord[];
  accreditedDomains: string[];
  /** null until an administrator imports a feed; the shipped snapshot applies meanwhile. */
  bankHolidays: BankHoliday[] | null;
  /** The last ticket number handed out (0: none yet); tickets leave the live file when archived, so ids cannot be counted. */
  ticketSequence: number;
  /** What reminders have been sent, so none is sent twice. */
  reminderLedger: ReminderLedger;
  /** Failed turns in a row, by conversation id (kept here so a restart does not reset the count). */
  turnFailures: Record<string, number>;
  /** When the demo was seeded (ISO instant), or null: a seeded demo is never seeded again. */
  demoSeededAt: string | null;
  /** Free-form values from older files; schema 5 moved everything the code used into the fields above, and nothing writes here. */
  settings: Record<string, unknown>;
  /** When each reference list was last imported (ISO instant): an automatic check older than its list is run again. */
  imports: Partial<Record<ImportedList, string>>;
  /** Messages owed to people (Teams, e-mail fallback) until delivered. */
  notifications: NotificationRecord[];
  /** Bot Framework dialog and conversation state, keyed as botbuilder keys it. */
  botState: Record<string, { eTag: string; value: Record<string, unknown>; savedAt?: string }>;
}

/** A bot-state item as botbuilder stores it: its eTag changes on every write (optimistic concurrency). */
export interface BotStateItem {
  eTag: string;
  value: Record<string, unknown>;
  savedAt?: string;
}

/** An audit event as a transaction records it: the store stamps the id and time unless given. */
export type AuditInput = Omit<AuditEvent, 'id' | 'at'> & Partial<Pick<AuditEvent, 'id' | 'at'>>;

/**
 * Reads of one kind of keyed record. Everything returned is a plain copy the caller may keep and change; a change
 * reaches the store only through a transaction.
 */
export interface RecordReads<T, Q> {
  get(key: string): Promise<T | undefined>;
  /** The records matching `query`, in the order they were first stored. */
  list(query?: Q): Promise<T[]>;
}

/** The same, inside a transaction: what the transaction has written so far is seen by its own reads. */
export interface RecordWrites<T, Q> extends RecordReads<T, Q> {
  /** Stores the record under its key, replacing any record there. */
  put(record: T): Promise<void>;
  /** Stores the record only if its key is free; false (and nothing changed) when it is taken. */
  insert(record: T): Promise<boolean>;
  /** Removes the record; false when there was none. */
  delete(key: string): Promise<boolean>;
}

/** What a claim asks: who claims, the instant it is made (a lease ending at or before it has run out), and its lease's end. */
export interface ClaimTerms {
  /** The claiming instance's owner id (host:pid:random): unique per process, so a restarted process is a new owner. */
  owner: string;
  /** ISO instant. */
  now: string;
  /** ISO instant the new lease holds until. */
  leaseUntil: string;
}

/**
 * The outbox's reads, and its claims. A claim is how one instance of the service takes a pending notification for
 * delivery: it writes a lease (the record's `leaseOwner` and `leaseUntil`) that other owners respect until `leaseUntil`
 * has passed, so two instances never deliver the same message, and the claims of a crashed instance are taken over once
 * their lease has run out. The owner may claim again to renew. Writing the outcome (a put of the record without the
 * lease fields, as markSent and markQueued do) releases it, as does `release`. Each claim is a write of its own, atomic across instances.
 */
export interface NotificationOutbox extends RecordReads<NotificationRecord, NotificationQuery> {
  /**
   * Claims up to `limit` pending notifications due by `terms.now` that nobody holds under an unexpired lease (the
   * caller's own claims included: renew one with claim), oldest due first (then first stored); returns them as claimed.
   * Two owners claiming at once get disjoint sets.
   */
  claimDue(terms: ClaimTerms, limit: number): Promise<NotificationRecord[]>;
  /**
   * Claims one pending notification whatever its nextAttemptAt (a host delivering right after its write), or renews the
   * caller's own claim; undefined when there is no such key, it is not pending, or another owner holds it under an
   * unexpired lease.
   */
  claim(key: string, terms: ClaimTerms): Promise<NotificationRecord | undefined>;
  /**
   * Gives claims back before their lease runs out (an instance stopping with claims it has not started delivering): each
   * of `keys` still pending and leased by `owner` loses its lease, whatever its end, and may be claimed by anyone at once;
   * every other record is left as it is. One write; resolves with how many were released.
   */
  release(keys: readonly string[], owner: string): Promise<number>;
}

export interface TicketReads {
  /** A ticket by id: the live one, else the last archived copy. */
  get(id: string): Promise<WorkflowTicket | undefined>;
  /** Live tickets matching `query`, oldest first; a page of them when `page` is given. */
  list(query?: TicketQuery, page?: Page): Promise<WorkflowTicket[]>;
  count(query?: TicketQuery): Promise<number>;
  /** Live tickets matching `query`, oldest first, a batch at a time (the event loop is free between batches). */
  stream(query?: TicketQuery): AsyncIterable<WorkflowTicket>;
  /**
   * Archived tickets matching `query`, oldest first. A ticket archived twice (a crash between the two halves of a move)
   * comes once, as its last copy. Streams: the archive's size does not matter.
   */
  archived(query?: TicketQuery): AsyncIterable<WorkflowTicket>;
  /** The last ticket number handed out (0: none yet), so a copy of the store goes on numbering where this one stopped. */
  lastSequence(): Promise<number>;
}

export interface TicketWrites {
  /** A live ticket by id (archived tickets cannot change). */
  get(id: string): Promise<WorkflowTicket | undefined>;
  list(query?: TicketQuery): Promise<WorkflowTicket[]>;
  /**
   * Called before a transaction decides whether to create a ticket (is there one for this submission already, an open
   * request for this organisation?): until it ends, any other transaction calling this waits, so two never both decide
   * that none exists yet. Stores whose transactions already run one at a time need do nothing.
   */
  lockNewTickets(): Promise<void>;
  /** The next ticket number (1, 2, …): never handed out twice, even after tickets are archived. */
  nextSequence(): Promise<number>;
  /** Moves the numbering on so the next number is after `last` (never back): a copied store goes on where its source stopped. */
  continueSequence(last: number): Promise<void>;
  /** Adds a new ticket; a ticket with its id already live is a conflict. */
  insert(ticket: WorkflowTicket): Promise<void>;
  /**
   * Replaces a live ticket. `readVersion` is the version the change was worked out from: if the stored ticket has
   * another, someone changed it meanwhile and the transaction fails with ConflictError (nothing of it lands).
   */
  update(ticket: WorkflowTicket, readVersion: number): Promise<void>;
}

/** Reference lists an administrator imports (DPIA register, DSPT statuses, accredited domains, bank holidays). */
export interface ReferenceReads {
  dpiaRegister(): Promise<DpiaEntry[]>;
  /** The DSPT rows of one organisation (any case), as published. */
  dsptStatusesFor(odsCode: string): Promise<DsptRecord[]>;
  dsptStatuses(): Promise<DsptRecord[]>;
  accreditedDomains(): Promise<string[]>;
  /** null until a feed is imported (the shipped snapshot applies meanwhile). */
  bankHolidays(): Promise<BankHoliday[] | null>;
  /** When each list was last imported. */
  imports(): Promise<Partial<Record<ImportedList, string>>>;
}

export interface ReferenceWrites extends ReferenceReads {
  setDpiaRegister(entries: DpiaEntry[]): Promise<void>;
  setDsptStatuses(records: DsptRecord[]): Promise<void>;
  setAccreditedDomains(domains: string[]): Promise<void>;
  setBankHolidays(holidays: BankHoliday[] | null): Promise<void>;
  /** Notes when a list was imported. */
  setImported(list: ImportedList, at: string): Promise<void>;
}

/** What the reminder sweep has sent: per open ticket (keyed by ticket id) and per organisation's DSPT renewal (by ODS code). */
export interface ReminderLedgerReads {
  ticket(ticketId: string): Promise<TicketLedger | undefined>;
  /** The entries of these tickets, by ticket id (a ticket with none is left out): the sweep reads them a batch at a time. */
  tickets(ticketIds: readonly string[]): Promise<Record<string, TicketLedger>>;
  /** The tickets that have an entry (the sweep drops the entries of tickets no longer waiting). */
  ticketIds(): Promise<string[]>;
  dspt(odsCode: string): Promise<{ year: string; sent: number } | undefined>;
  /** Every organisation's DSPT entry, by ODS code (one per organisation reminded this year). */
  dsptEntries(): Promise<ReminderLedger['dspt']>;
  /** The whole ledger. It holds an entry per waiting ticket, so on a large store prefer the reads above. */
  all(): Promise<ReminderLedger>;
}

export interface ReminderLedgerWrites extends ReminderLedgerReads {
  setTicket(ticketId: string, entry: TicketLedger | undefined): Promise<void>;
  setDspt(odsCode: string, entry: { year: string; sent: number } | undefined): Promise<void>;
}

/** Small values of their own: failed turns in a row by conversation, when the demo was seeded. */
export interface CounterReads {
  turnFailures(conversationKey: string): Promise<number>;
  demoSeededAt(): Promise<string | null>;
  /** Every conversation's count of failed turns (only those failing), by conversation key: for copying a store. */
  allTurnFailures(): Promise<Record<string, number>>;
}

export interface CounterWrites extends CounterReads {
  setTurnFailures(conversationKey: string, count: number): Promise<void>;
  setDemoSeededAt(at: string): Promise<void>;
}

/** The records one transaction may read and change, and its audit events: all land together or none do. */
export interface StoreTransaction {
  readonly tickets: TicketWrites;
  readonly rosters: RecordWrites<RosterEntry, RosterQuery>;
  readonly conversations: RecordWrites<ConversationRecord, never>;
  readonly notifications: RecordWrites<NotificationRecord, NotificationQuery>;
  readonly botState: RecordWrites<BotStateItem & { key: string }, never>;
  readonly reference: ReferenceWrites;
  readonly reminders: ReminderLedgerWrites;
  readonly counters: CounterWrites;
  /** Records an audit event with the transaction's changes; returns it as recorded. */
  audit(event: AuditInput): AuditEvent;
}

export interface StoreHealth {
  writable: boolean;
  schemaVersion: number;
  liveTickets: number;
  detail?: string;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  ticketId?: string;
}

/**
 * The one persistence boundary (`STORE`): `lowdb`, the default (a durable JSON file, one process), and `memory` (tests and
 * demos); a database implementation can take their place for several instances. tests/data/store/contract/ is what every
 * implementation must pass.
 */
export interface Store {
  readonly tickets: TicketReads;
  readonly rosters: RecordReads<RosterEntry, RosterQuery>;
  readonly conversations: RecordReads<ConversationRecord, never>;
  readonly notifications: NotificationOutbox;
  readonly botState: RecordReads<BotStateItem & { key: string }, never>;
  readonly reference: ReferenceReads;
  readonly reminders: ReminderLedgerReads;
  readonly counters: CounterReads;
  /** Audit events in the order they were written, filtered; streamed. */
  readAudit(query?: AuditQuery): AsyncIterable<AuditEvent>;
  /**
   * Runs `fn` as one transaction and resolves, with what `fn` returned, once everything it changed and audited is durable.
   * If `fn` throws (or a ticket changed meanwhile: ConflictError), nothing of it lands and the error is rethrown.
   * Keep slow work (network calls) outside: a transaction may hold others up while it runs.
   */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T> | T): Promise<T>;
  /** Moves closed tickets out of the live file into the archive. Returns how many moved. */
  archiveClosedTickets(): Promise<number>;
  /**
   * Adds tickets to the archive as they were (moving a store's data: bot/admin/storeCommands.ts), after those already
   * there, so the last copy of a ticket still wins. Not audited: the source's audit trail is copied with them.
   */
  importArchived(tickets: readonly WorkflowTicket[]): Promise<void>;
  health(): Promise<StoreHealth>;
  /** Resolves when every write issued so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type { RosterKind };
