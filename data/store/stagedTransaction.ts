/**
 * A transaction over the in-process document (the memory and lowdb stores): reads see the stored records and the
 * transaction's own writes; writes are staged and land in one piece (`changes()`, on the store's serialised write
 * path), or not at all. Nothing stored is handed out: every record goes in and comes out as a copy.
 */
import { ConflictError } from '../errors.js';
import type { AuditEvent, ImportedList, TicketLedger, WorkflowTicket } from '../model.js';
import { copy, ownEntry } from './documentRecords.js';
import {
  dsptRowsFor,
  notificationMatches,
  rosterKey,
  rosterMatches,
  ticketMatches,
  type NotificationQuery,
  type RosterQuery,
} from './records.js';
import { carryPositions, findByKey, positionsOf } from './positions.js';
import type { AuditInput, BotStateItem, LiveData, RecordWrites, StoreTransaction } from './store.js';

/** A staged value, or DELETED for a removal. */
const DELETED = Symbol('deleted');
type Staged<T> = T | typeof DELETED;

/** Staged writes to one keyed collection of the document. */
class KeyedOverlay<T> {
  readonly changes = new Map<string, Staged<T>>();

  constructor(
    private readonly stored: () => Iterable<T>,
    private readonly find: (key: string) => T | undefined,
    readonly keyOf: (record: T) => string,
  ) {}

  get(key: string): T | undefined {
    const staged = this.changes.get(key);
    if (staged === DELETED) return undefined;
    return staged ?? this.find(key);
  }

  /** Stored records with the staged ones in their place, then the new ones, in that order. */
  *all(): Iterable<T> {
    for (const record of this.stored()) {
      const key = this.keyOf(record);
      const staged = this.changes.get(key);
      if (staged === undefined) yield record;
      else if (staged !== DELETED) yield staged;
    }
    for (const [key, staged] of this.changes) if (staged !== DELETED && this.find(key) === undefined) yield staged;
  }

  set(record: T): void {
    this.changes.set(this.keyOf(record), record);
  }

  delete(key: string): boolean {
    if (this.get(key) === undefined) return false;
    this.changes.set(key, DELETED);
    return true;
  }
}

/** The stored array with the staged changes: a new array (stored arrays are never changed in place), or undefined when none. */
function nextArray<T>(stored: readonly T[], overlay: KeyedOverlay<T>): T[] | undefined {
  if (overlay.changes.size === 0) return undefined;
  const positions = positionsOf(stored, overlay.keyOf);
  const next = stored.slice();
  const added: string[] = [];
  let removed = false;
  for (const [key, staged] of overlay.changes) {
    const at = positions.get(key);
    if (staged === DELETED) removed ||= at !== undefined;
    else if (at !== undefined) next[at] = staged;
    else {
      added.push(key);
      next.push(staged);
    }
  }
  if (removed) return next.filter((record) => overlay.changes.get(overlay.keyOf(record)) !== DELETED);
  carryPositions(stored, next, added);
  return next;
}

/** The same for a collection kept as an object by key. */
function nextObject<R, V>(
  stored: Readonly<Record<string, V>>,
  overlay: KeyedOverlay<R>,
  toValue: (record: R) => V,
): Record<string, V> | undefined {
  if (overlay.changes.size === 0) return undefined;
  const next = { ...stored };
  for (const [key, staged] of overlay.changes) {
    if (staged === DELETED) delete next[key];
    else next[key] = toValue(staged);
  }
  return next;
}

/** Reads and writes of one keyed collection, copying on the way in and out. */
function recordWrites<T, Q>(overlay: KeyedOverlay<T>, matches: (record: T, query: Q) => boolean): RecordWrites<T, Q> {
  return {
    get: async (key) => {
      const found = overlay.get(key);
      return found === undefined ? undefined : copy(found);
    },
    list: async (query) => [...overlay.all()].filter((record) => query === undefined || matches(record, query)).map(copy),
    put: async (record) => overlay.set(copy(record)),
    insert: async (record) => {
      if (overlay.get(overlay.keyOf(record)) !== undefined) return false;
      overlay.set(copy(record));
      return true;
    },
    delete: async (key) => overlay.delete(key),
  };
}

const noQuery = (): boolean => true;
const ticketKey = (ticket: WorkflowTicket): string => ticket.id;
const recordKey = (record: { key: string }): string => record.key;

export class StagedTransaction implements StoreTransaction {
  readonly #tickets: KeyedOverlay<WorkflowTicket>;
  readonly #rosters: KeyedOverlay<(typeof this.data.rosters)[number]>;
  readonly #conversations: KeyedOverlay<(typeof this.data.conversations)[number]>;
  readonly #notifications: KeyedOverlay<(typeof this.data.notifications)[number]>;
  readonly #botState: KeyedOverlay<BotStateItem & { key: string }>;
  readonly #turnFailures: KeyedOverlay<{ key: string; count: number }>;
  readonly #ledgerTickets: KeyedOverlay<{ key: string; entry: TicketLedger }>;
  readonly #ledgerDspt: KeyedOverlay<{ key: string; entry: { year: string; sent: number } }>;
  readonly #values: Partial<
    Pick<LiveData, 'dpiaRegister' | 'dsptStatuses' | 'accreditedDomains' | 'bankHolidays' | 'ticketSequence' | 'demoSeededAt'>
  > = {};
  readonly #imports: Partial<Record<ImportedList, string>> = {};
  readonly #events: AuditEvent[] = [];
  #open = true;

  readonly tickets: StoreTransaction['tickets'];
  readonly rosters: StoreTransaction['rosters'];
  readonly conversations: StoreTransaction['conversations'];
  readonly notifications: StoreTransaction['notifications'];
  readonly botState: StoreTransaction['botState'];
  readonly reference: StoreTransaction['reference'];
  readonly reminders: StoreTransaction['reminders'];
  readonly counters: StoreTransaction['counters'];

  /**
   * @param data the stored document as it is now (never changed here)
   * @param stamp gives a recorded audit event its id and time
   */
  constructor(
    private readonly data: Readonly<LiveData>,
    private readonly stamp: (event: AuditInput) => AuditEvent,
  ) {
    this.#tickets = new KeyedOverlay(
      () => data.tickets,
      (id) => findByKey(data.tickets, ticketKey, id),
      ticketKey,
    );
    this.#rosters = new KeyedOverlay(
      () => data.rosters,
      (key) => findByKey(data.rosters, rosterKey, key),
      rosterKey,
    );
    this.#conversations = new KeyedOverlay(
      () => data.conversations,
      (key) => findByKey(data.conversations, recordKey, key),
      recordKey,
    );
    this.#notifications = new KeyedOverlay(
      () => data.notifications,
      (key) => findByKey(data.notifications, recordKey, key),
      recordKey,
    );
    this.#botState = keyedObject(
      () => data.botState,
      (key, item) => ({ key, ...item }),
    );
    this.#turnFailures = keyedObject(
      () => data.turnFailures,
      (key, count) => ({ key, count }),
    );
    this.#ledgerTickets = keyedObject(
      () => data.reminderLedger.tickets,
      (key, entry) => ({ key, entry }),
    );
    this.#ledgerDspt = keyedObject(
      () => data.reminderLedger.dspt,
      (key, entry) => ({ key, entry }),
    );

    const tickets = this.#tickets;
    const values = this.#values;
    const imports = this.#imports;
    const value = <K extends keyof typeof values>(key: K): NonNullable<LiveData[K]> | LiveData[K] =>
      copy(key in values ? (values[key] as LiveData[K]) : data[key]);

    this.tickets = {
      get: async (id) => {
        const found = tickets.get(id);
        return found === undefined ? undefined : copy(found);
      },
      list: async (query) => [...tickets.all()].filter((t) => query === undefined || ticketMatches(t, query)).map(copy),
      // Transactions on a document store run one after another already.
      lockNewTickets: async () => undefined,
      nextSequence: async () => {
        const next = (values.ticketSequence ?? data.ticketSequence) + 1;
        values.ticketSequence = next;
        return next;
      },
      continueSequence: async (last) => {
        values.ticketSequence = Math.max(values.ticketSequence ?? data.ticketSequence, last);
      },
      insert: async (ticket) => {
        if (tickets.get(ticket.id) !== undefined)
          throw new ConflictError(`Ticket ${ticket.id} already exists, so it was not created again.`, { ticketId: ticket.id });
        tickets.set(copy(ticket));
      },
      update: async (ticket, readVersion) => {
        const stored = tickets.get(ticket.id);
        if (stored === undefined || stored.version !== readVersion)
          throw new ConflictError(`Ticket ${ticket.id} was changed or archived by someone else meanwhile, so this change was not made.`, {
            ticketId: ticket.id,
            readVersion,
            storedVersion: stored?.version,
          });
        tickets.set(copy(ticket));
      },
    };
    this.rosters = recordWrites(this.#rosters, (entry, query: RosterQuery) => rosterMatches(entry, query));
    this.conversations = recordWrites(this.#conversations, noQuery);
    this.notifications = recordWrites(this.#notifications, (record, query: NotificationQuery) => notificationMatches(record, query));
    this.botState = recordWrites(this.#botState, noQuery);
    const turnFailures = this.#turnFailures;
    const ledgerTickets = this.#ledgerTickets;
    const ledgerDspt = this.#ledgerDspt;

    this.reference = {
      dpiaRegister: async () => value('dpiaRegister'),
      dsptStatuses: async () => value('dsptStatuses'),
      dsptStatusesFor: async (odsCode) => copy(dsptRowsFor(values.dsptStatuses ?? data.dsptStatuses, odsCode)),
      accreditedDomains: async () => value('accreditedDomains'),
      bankHolidays: async () => value('bankHolidays'),
      imports: async () => ({ ...data.imports, ...imports }),
      setDpiaRegister: async (entries) => void (values.dpiaRegister = copy(entries)),
      setDsptStatuses: async (records) => void (values.dsptStatuses = copy(records)),
      setAccreditedDomains: async (domains) => void (values.accreditedDomains = [...domains]),
      setBankHolidays: async (holidays) => void (values.bankHolidays = holidays === null ? null : copy(holidays)),
      setImported: async (list, at) => void (imports[list] = at),
    };
    this.reminders = {
      ticket: async (ticketId) => copy(ledgerTickets.get(ticketId)?.entry),
      tickets: async (ticketIds) => {
        const found: Record<string, TicketLedger> = {};
        for (const id of ticketIds) {
          const entry = ledgerTickets.get(id)?.entry;
          if (entry !== undefined) found[id] = copy(entry);
        }
        return found;
      },
      ticketIds: async () => [...ledgerTickets.all()].map((r) => r.key),
      dspt: async (odsCode) => copy(ledgerDspt.get(odsCode)?.entry),
      dsptEntries: async () => Object.fromEntries([...ledgerDspt.all()].map((r) => [r.key, copy(r.entry)])),
      all: async () => ({
        tickets: Object.fromEntries([...ledgerTickets.all()].map((r) => [r.key, copy(r.entry)])),
        dspt: Object.fromEntries([...ledgerDspt.all()].map((r) => [r.key, copy(r.entry)])),
      }),
      setTicket: async (ticketId, entry) => {
        if (entry === undefined) ledgerTickets.delete(ticketId);
        else ledgerTickets.set({ key: ticketId, entry: copy(entry) });
      },
      setDspt: async (odsCode, entry) => {
        if (entry === undefined) ledgerDspt.delete(odsCode);
        else ledgerDspt.set({ key: odsCode, entry: copy(entry) });
      },
    };
    this.counters = {
      turnFailures: async (key) => turnFailures.get(key)?.count ?? 0,
      demoSeededAt: async () => (values.demoSeededAt !== undefined ? values.demoSeededAt : data.demoSeededAt),
      allTurnFailures: async () => Object.fromEntries([...turnFailures.all()].map(({ key, count }) => [key, count])),
      setTurnFailures: async (key, count) => {
        if (count <= 0) turnFailures.delete(key);
        else turnFailures.set({ key, count });
      },
      setDemoSeededAt: async (at) => void (values.demoSeededAt = at),
    };
  }

  audit(input: AuditInput): AuditEvent {
    if (!this.#open) throw new TypeError('tx.audit() was called after its transaction had finished.');
    const event = this.stamp(input);
    this.#events.push(event);
    return copy(event);
  }

  /** The audit events recorded, in order. */
  get events(): readonly AuditEvent[] {
    return this.#events;
  }

  /** Takes live tickets out of the document (the archive run only: they are in the archive already). */
  removeTickets(ids: Iterable<string>): void {
    for (const id of ids) this.#tickets.delete(id);
  }

  /** Ends the transaction: later calls to audit() are mistakes. */
  close(): void {
    this.#open = false;
  }

  /**
   * The document's fields this transaction changes, each a new value built from the stored one (records and collections
   * are never changed in place, so the previous values stay intact for undo and the serialiser's cache stays true).
   */
  changes(): Partial<LiveData> {
    const data = this.data;
    const changed: Partial<LiveData> = { ...this.#values };
    const tickets = nextArray(data.tickets, this.#tickets);
    if (tickets) changed.tickets = tickets;
    const rosters = nextArray(data.rosters, this.#rosters);
    if (rosters) changed.rosters = rosters;
    const conversations = nextArray(data.conversations, this.#conversations);
    if (conversations) changed.conversations = conversations;
    const notifications = nextArray(data.notifications, this.#notifications);
    if (notifications) changed.notifications = notifications;
    const botState = nextObject(data.botState, this.#botState, ({ key: _key, ...item }) => item);
    if (botState) changed.botState = botState;
    const turnFailures = nextObject(data.turnFailures, this.#turnFailures, (r) => r.count);
    if (turnFailures) changed.turnFailures = turnFailures;
    const ledgerTickets = nextObject(data.reminderLedger.tickets, this.#ledgerTickets, (r) => r.entry);
    const ledgerDspt = nextObject(data.reminderLedger.dspt, this.#ledgerDspt, (r) => r.entry);
    if (ledgerTickets || ledgerDspt)
      changed.reminderLedger = { tickets: ledgerTickets ?? data.reminderLedger.tickets, dspt: ledgerDspt ?? data.reminderLedger.dspt };
    if (Object.keys(this.#imports).length > 0) changed.imports = { ...data.imports, ...this.#imports };
    return changed;
  }
}

/** An object-map collection of the document (botState, turnFailures, ledger entries) seen as keyed records. */
function keyedObject<V, R extends { key: string }>(
  object: () => Record<string, V>,
  toRecord: (key: string, value: V) => R,
): KeyedOverlay<R> {
  return new KeyedOverlay<R>(
    function* () {
      for (const [key, value] of Object.entries(object())) yield toRecord(key, value);
    },
    (key) => {
      const found = ownEntry(object(), key);
      return found === undefined ? undefined : toRecord(key, found);
    },
    (record) => record.key,
  );
}
