/**
 * The store's reads over the in-process document (the memory and lowdb stores): each query filters the stored records
 * and hands out copies of what matched, so nothing stored ever leaves the store.
 */
import type { NotificationRecord, TicketLedger, WorkflowTicket } from '../model.js';
import { normaliseOdsCode } from '../rules/ods.js';
import { copy, ownEntry } from './documentRecords.js';
import {
  dsptRowsFor,
  notificationMatches,
  rosterKey,
  rosterMatches,
  ticketMatches,
  type NotificationQuery,
  type TicketQuery,
} from './records.js';
import { findByKey } from './positions.js';
import type { LiveData, RecordReads, Store } from './store.js';
import { mayHoldOneOf } from './ticketArchive.js';

/** Where archived tickets are kept: one JSON text per archived copy, oldest first. */
export interface ArchiveReader {
  find(id: string): Promise<WorkflowTicket | undefined>;
  all(wanted?: (line: string) => boolean): AsyncIterable<WorkflowTicket>;
}

/** The store's reads; the outbox's claims are writes, which the store adds (notificationClaims.ts). */
export type DocumentReads = Pick<Store, 'tickets' | 'rosters' | 'conversations' | 'botState' | 'reference' | 'reminders' | 'counters'> & {
  notifications: RecordReads<NotificationRecord, NotificationQuery>;
};

/** Tickets copied per batch of a stream; between batches the event loop is free. */
const BATCH = 500;

export function documentReads(data: () => Readonly<LiveData>, archive: ArchiveReader): DocumentReads {
  const matching = (query: TicketQuery | undefined) => {
    const tickets = data().tickets;
    return query === undefined ? tickets : tickets.filter((t) => ticketMatches(t, query));
  };
  return {
    tickets: {
      get: async (id) => {
        const live = findByKey(data().tickets, (t) => t.id, id);
        return live ? copy(live) : archive.find(id);
      },
      list: async (query, page) => {
        const found = matching(query);
        const offset = page?.offset ?? 0;
        return (page ? found.slice(offset, offset + page.limit) : found).map(copy);
      },
      count: async (query) => matching(query).length,
      stream: (query) => streamTickets(data, query),
      archived: (query) => archivedTickets(archive, query),
      lastSequence: async () => data().ticketSequence,
    },
    rosters: {
      get: async (key) => copy(findByKey(data().rosters, rosterKey, key)),
      list: async (query) =>
        data()
          .rosters.filter((e) => query === undefined || rosterMatches(e, query))
          .map(copy),
    },
    conversations: {
      get: async (key) => copy(findByKey(data().conversations, (c) => c.key, key)),
      list: async () => data().conversations.map(copy),
    },
    notifications: {
      get: async (key) => copy(findByKey(data().notifications, (n) => n.key, key)),
      list: async (query) =>
        data()
          .notifications.filter((n) => query === undefined || notificationMatches(n, query))
          .map(copy),
    },
    botState: {
      get: async (key) => {
        const state = data().botState;
        return Object.hasOwn(state, key) ? { key, ...copy(state[key]) } : undefined;
      },
      list: async () => Object.entries(data().botState).map(([key, item]) => ({ key, ...copy(item) })),
    },
    reference: {
      dpiaRegister: async () => copy(data().dpiaRegister),
      dsptStatuses: async () => copy(data().dsptStatuses),
      dsptStatusesFor: async (odsCode) => dsptRowsFor(data().dsptStatuses, odsCode).map(copy),
      accreditedDomains: async () => [...data().accreditedDomains],
      bankHolidays: async () => copy(data().bankHolidays),
      imports: async () => ({ ...data().imports }),
    },
    reminders: {
      ticket: async (ticketId) => copy(ownEntry(data().reminderLedger.tickets, ticketId)),
      tickets: async (ticketIds) => {
        const stored = data().reminderLedger.tickets;
        const found: Record<string, TicketLedger> = {};
        for (const id of ticketIds) {
          const entry = ownEntry(stored, id);
          if (entry !== undefined) found[id] = copy(entry);
        }
        return found;
      },
      ticketIds: async () => Object.keys(data().reminderLedger.tickets),
      dspt: async (odsCode) => copy(ownEntry(data().reminderLedger.dspt, odsCode)),
      dsptEntries: async () => copy(data().reminderLedger.dspt),
      all: async () => copy(data().reminderLedger),
    },
    counters: {
      turnFailures: async (key) => ownEntry(data().turnFailures, key) ?? 0,
      demoSeededAt: async () => data().demoSeededAt,
      allTurnFailures: async () => ({ ...data().turnFailures }),
    },
  };
}

async function* streamTickets(data: () => Readonly<LiveData>, query: TicketQuery | undefined): AsyncGenerator<WorkflowTicket> {
  // The tickets as they are now: a commit replaces the stored array rather than changing it.
  const tickets = data().tickets;
  for (let start = 0; start < tickets.length; start += BATCH) {
    const batch: WorkflowTicket[] = [];
    for (const ticket of tickets.slice(start, start + BATCH))
      if (query === undefined || ticketMatches(ticket, query)) batch.push(copy(ticket));
    yield* batch;
    if (start + BATCH < tickets.length) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Past this many matches, testing a line for each one's id is slower than parsing every line. */
const MATCHED_NEEDLES = 32;

/** The last archived copy of each matching ticket. Holds only the matches, so a narrow query over a large archive stays small. */
async function* archivedTickets(archive: ArchiveReader, query: TicketQuery | undefined): AsyncGenerator<WorkflowTicket> {
  const cheap = lineFilter(query);
  const latest = new Map<string, WorkflowTicket>();
  // A later copy of a ticket already matched must be read even when the cheap test would skip it: it replaces the match.
  const matched = new Set<string>();
  const wanted =
    cheap && ((line: string) => cheap(line) || matched.size > MATCHED_NEEDLES || [...matched].some((needle) => line.includes(needle)));
  for await (const ticket of archive.all(wanted)) {
    if (query === undefined || ticketMatches(ticket, query)) {
      latest.set(ticket.id, ticket);
      matched.add(JSON.stringify(ticket.id));
    } else {
      // A later copy that no longer matches still replaces the earlier one.
      latest.delete(ticket.id);
      matched.delete(JSON.stringify(ticket.id));
    }
  }
  yield* latest.values();
}

/**
 * A cheap test on an archived line before it is parsed: a line lacking the requester's id, the submission, the id part, the
 * ODS code, the ICS code (as JSON.stringify wrote it) or every id asked for cannot match.
 */
function lineFilter(query: TicketQuery | undefined): ((line: string) => boolean) | undefined {
  const needles = [query?.requester, query?.submissionId, query?.idContains].filter((value): value is string => value !== undefined);
  if (query?.ics !== undefined) needles.push(`"icbCode":${JSON.stringify(query.ics)}`);
  const ods = query?.odsCode === undefined ? undefined : normaliseOdsCode(query.odsCode);
  const oneOf = query?.ids === undefined ? undefined : mayHoldOneOf(new Set(query.ids));
  if (needles.length === 0 && !ods && !oneOf) return undefined;
  return (line) =>
    needles.every((needle) => line.includes(needle)) &&
    // The stored code is compared as ticketMatches compares it (any case, spaces ignored), or a match would be skipped here.
    (!ods || line.toUpperCase().replace(/\s+/g, '').includes(ods)) &&
    (!oneOf || oneOf(line));
}
