/**
 * Requests by ICS and state: how many requests each ICS has in each state, and each request with the
 * working hours it has waited in its current state and in all. Pure: tickets, calendar and now come in.
 */
import type { TicketState, WorkflowTicket } from '../../data/model.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import { KIND_HEADING } from '../../cards/cardText.js';
import { CLOSED_STATES, OPEN_STATES } from '../../data/workflow/transitions.js';
import { waitSince } from '../../data/workflow/waitSince.js';
import { workingClock } from '../reminders/workingClock.js';
import { STATE_LABEL } from '../web/tabWording.js';
import { icsLabel } from './reportPeople.js';
import { inWindow, reportTime, type ReportFilters } from './reportWindow.js';

/** One request. Hours are working hours (Monday to Friday 09:00-17:00 London, bank holidays excluded), to one decimal. */
export interface RequestRow {
  ticket: string;
  kind: string;
  icbCode: string;
  ics: string;
  organisation: string;
  odsCode: string;
  state: TicketState;
  stateLabel: string;
  /** When it was received (ISO) and as London clocks show it. */
  receivedAt: string;
  received: string;
  /** Since when it has been in its state (London clock). */
  inStateSince: string;
  /** Working hours in the current state, for a request still waiting on someone; null once it is finished. */
  hoursInState: number | null;
  /** Working hours from receipt to now, or to when it finished (resolved, turned down, withdrawn, closed). */
  hoursInAll: number;
}

/** How many requests one ICS has in one state. */
export interface RequestCount {
  icbCode: string;
  ics: string;
  state: TicketState;
  stateLabel: string;
  count: number;
}

export interface RequestsReport {
  counts: RequestCount[];
  rows: RequestRow[];
}

/** The live tickets received in the window, of the ICS if given. */
export function requestsByIcs(
  tickets: readonly WorkflowTicket[],
  filters: ReportFilters,
  calendar: WorkingCalendar,
  now: Date,
  dayHours: number,
): RequestsReport {
  const chosen = tickets.filter(
    (t) => inWindow(t.createdAt, filters.window) && (filters.icbCode === undefined || t.organisation?.icbCode === filters.icbCode),
  );
  const earliest = chosen.reduce(
    (min, t) => Math.min(min, finite(Date.parse(t.createdAt), min), finite(Date.parse(t.stateEnteredAt ?? waitSince(t)), min)),
    now.getTime(),
  );
  const clock = workingClock(calendar, now, earliest, dayHours);
  const between = (from: number, to: number) => Math.max(0, clock.hoursSince(from) - clock.hoursSince(to));
  const nowMs = now.getTime();

  const rows = chosen.map((ticket): RequestRow => {
    const open = OPEN_STATES.includes(ticket.state);
    // Time in the state itself (an assigned ticket's clock does not restart with each tick or note).
    const since = ticket.stateEnteredAt ?? waitSince(ticket);
    const sinceMs = finite(Date.parse(since), nowMs);
    const receivedMs = finite(Date.parse(ticket.createdAt), nowMs);
    const icbCode = ticket.organisation?.icbCode ?? '';
    return {
      ticket: ticket.id,
      kind: KIND_HEADING[ticket.kind] ?? ticket.kind,
      icbCode,
      ics: icsLabel(icbCode),
      organisation: ticket.organisation?.name ?? 'No organisation given',
      odsCode: ticket.organisation?.odsCode ?? '',
      state: ticket.state,
      stateLabel: STATE_LABEL[ticket.state] ?? ticket.state,
      receivedAt: ticket.createdAt,
      received: reportTime(new Date(receivedMs).toISOString()),
      inStateSince: reportTime(new Date(sinceMs).toISOString()),
      hoursInState: open ? tenths(between(sinceMs, nowMs)) : null,
      hoursInAll: tenths(between(receivedMs, open ? nowMs : sinceMs)),
    };
  });
  rows.sort(
    (a, b) =>
      a.ics.localeCompare(b.ics) ||
      stateOrder(a.state) - stateOrder(b.state) ||
      (b.hoursInState ?? -1) - (a.hoursInState ?? -1) ||
      a.ticket.localeCompare(b.ticket),
  );

  const counts = new Map<string, RequestCount>();
  for (const row of rows) {
    const key = `${row.icbCode}\u0000${row.state}`;
    const found = counts.get(key);
    if (found) found.count += 1;
    else counts.set(key, { icbCode: row.icbCode, ics: row.ics, state: row.state, stateLabel: row.stateLabel, count: 1 });
  }
  return { counts: [...counts.values()], rows };
}

const ORDER: readonly TicketState[] = [...OPEN_STATES, 'resolved', 'rejected', 'withdrawn', ...CLOSED_STATES];

function stateOrder(state: TicketState): number {
  const index = ORDER.indexOf(state);
  return index === -1 ? ORDER.length : index;
}

function finite(ms: number, otherwise: number): number {
  return Number.isFinite(ms) ? ms : otherwise;
}

function tenths(hours: number): number {
  return Math.round(hours * 10) / 10;
}
