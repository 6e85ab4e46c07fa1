import type {
  AuditEvent,
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

/** What the live file holds. Closed tickets and the audit trail live elsewhere so this stays small. */
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

/** A unit of work inside one serialised write: change `data`, record audit events; both land together or not at all. */
export interface Transaction {
  readonly data: LiveData;
  /**
   * The same data without the write tracking, for large read-only scans inside an update (the reminder sweep over every open
   * ticket): much faster, and the caller promises never to write through it. Writes go through `data`.
   */
  readonly scan: Readonly<LiveData>;
  audit(event: Omit<AuditEvent, 'id' | 'at'> & Partial<Pick<AuditEvent, 'id' | 'at'>>): AuditEvent;
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
 * The one persistence boundary. The default implementation is a lowdb JSON file (one process);
 * a database implementation can take its place for several instances.
 */
export interface Store {
  /**
   * The live records for reading. Never mutate what it returns. It shows a group of updates from the moment the group
   * is applied, slightly before it is on disk; if that write then fails, the group is undone and its callers are told.
   * Anything that must not act on unsaved data (a decision sent to a person) awaits its own update() first.
   */
  read<T>(fn: (data: Readonly<LiveData>) => T): T;
  /** read() without the write guard, for large read-only scans on a hot path; `fn` must not keep or change what it sees. */
  scan<T>(fn: (data: Readonly<LiveData>) => T): T;
  /**
   * Applies `fn` on the serialised write path. Resolves only when the change (and its audit events) is on disk.
   * If `fn` throws, nothing is changed and the error is rethrown.
   */
  update<T>(fn: (tx: Transaction) => T): Promise<T>;
  /** Moves closed tickets out of the live file into the archive. Returns how many moved. */
  archiveClosedTickets(): Promise<number>;
  /** A ticket from the archive, by id. */
  findArchivedTicket(id: string): Promise<WorkflowTicket | undefined>;
  /**
   * Every archived ticket, oldest first, for searches over the archive (the helpdesk tab); a ticket archived twice comes
   * twice and the later copy counts. `wanted` may skip a stored line before it is parsed (it sees the line's JSON text).
   */
  archivedTickets(wanted?: (line: string) => boolean): AsyncIterable<WorkflowTicket>;
  /** Audit events in the order they were written, filtered. */
  readAudit(query?: AuditQuery): AsyncIterable<AuditEvent>;
  health(): Promise<StoreHealth>;
  /** Resolves when every write issued so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type { RosterKind };
