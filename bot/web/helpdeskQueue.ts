/** The helpdesk queue the tab shows: live tickets with their wait in working hours, overdue ones first. Pure. */
import type { RosterEntry, TicketState, WorkflowTicket } from '../../data/model.js';
import { icsByCode, listIcs } from '../../data/rules/ics.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import { KIND_HEADING } from '../../cards/cardText.js';
import { formatCardTime } from '../../cards/cardTime.js';
import { waitSince } from '../../data/workflow/waitSince.js';
import type { ReminderThresholds } from '../reminders/thresholds.js';
import { workingClock } from '../reminders/workingClock.js';
import { currentMarks, reminderLine } from '../../cards/reminderLines.js';
import { ESCALATIONS } from '../reminders/reminderMarks.js';
import { matchesSearch, type QueueSearch } from './queueSearch.js';
import { OPEN_STATES } from '../../data/workflow/transitions.js';
import { ageText, STATE_LABEL } from './tabWording.js';
import { whoHasIt } from './whoHasIt.js';

/** What the queue may be narrowed to. state: 'open' (the default), 'all', or one state; assignee: an aadObjectId or 'unassigned'. */
export interface QueueFilters {
  state: string;
  ics: string;
  assignee: string;
  /** The search box (queueSearch.ts); absent when nothing was typed. */
  search?: QueueSearch;
}

/** One line of the queue. */
export interface QueueRow {
  id: string;
  kind: string;
  state: string;
  stateLabel: string;
  priority: string;
  icbCode: string;
  icsName: string;
  organisation: string;
  /** The requester's name: the search finds tickets by it. */
  requester: string;
  /** Read from the archive (archive.jsonl), not the live file. */
  archived: boolean;
  /** When the current wait began (ISO). */
  waitingSince: string;
  /** The same, as London clocks show it. */
  waitingSinceText: string;
  ageWorkingHours: number;
  ageText: string;
  assignee: { id: string; name: string } | null;
  /** Who must act next: the assignee, "Nobody yet", the ICS's governance lead, or the care home. */
  withWhom: string;
  /** The latest reminder the sweep sent in this wait, an escalation before a reminder, as a sentence; null when none. */
  reminder: { text: string; escalated: boolean } | null;
  /** Past the first reminder threshold for its state (REMINDER_* settings). */
  overdue: boolean;
  overdueAfterHours: number | null;
}

/** A choice for one of the tab's filters. */
export interface FilterOption {
  value: string;
  label: string;
}

/** The queue and the choices its filters offer. */
export interface QueueView {
  rows: QueueRow[];
  filters: { states: FilterOption[]; ics: FilterOption[]; assignees: FilterOption[] };
  workingDayHours: number;
}

/** Filter values the API accepts: anything else is refused rather than silently showing everything. */
export function isKnownStateFilter(value: string): boolean {
  return value === 'open' || value === 'all' || Object.hasOwn(STATE_LABEL, value);
}

/** The wait after which a ticket in this state is overdue: the first reminder the sweep would send for it. */
export function overdueAfterHours(state: string, t: ReminderThresholds): number | null {
  switch (state as TicketState) {
    case 'submitted':
    case 'awaitingHelpdesk':
      return t.unassignedAfterHours;
    case 'awaitingIcsApproval':
      return t.icsRemindAfterHours;
    case 'assigned':
      return t.assigneeRemindAfterHours;
    case 'needsInformation':
      return t.requesterNudgeAfterHours;
    default:
      return null;
  }
}

/**
 * The tickets matching `filters`, overdue first, then the longest waits. `archivedIds` names
 * those among `tickets` that were read from the archive, so their rows say so.
 */
export function helpdeskQueue(
  tickets: readonly WorkflowTicket[],
  rosters: readonly RosterEntry[],
  calendar: WorkingCalendar,
  now: Date,
  thresholds: ReminderThresholds,
  filters: QueueFilters,
  archivedIds: ReadonlySet<string> = new Set(),
): QueueView {
  const since = tickets.map((ticket) => Date.parse(waitSince(ticket)));
  const earliest = since.reduce((min, ms) => (Number.isFinite(ms) && ms < min ? ms : min), now.getTime());
  const clock = workingClock(calendar, now, earliest, thresholds.workingDayHours);
  const names = agentNames(tickets, rosters);

  const rows: QueueRow[] = [];
  tickets.forEach((ticket, index) => {
    if (!matchesFilters(ticket, filters)) return;
    const hours = Number.isFinite(since[index]) ? clock.hoursSince(since[index]) : 0;
    const limit = overdueAfterHours(ticket.state, thresholds);
    const icbCode = ticket.organisation?.icbCode ?? '';
    const archived = archivedIds.has(ticket.id);
    rows.push({
      id: ticket.id,
      kind: KIND_HEADING[ticket.kind] ?? ticket.kind,
      state: ticket.state,
      stateLabel: `${STATE_LABEL[ticket.state] ?? ticket.state}${archived ? ' (archived)' : ''}`,
      priority: ticket.priority ?? 'normal',
      icbCode,
      icsName: icbCode ? (icsByCode(icbCode)?.name ?? icbCode) : 'No ICS',
      organisation: ticket.organisation ? `${ticket.organisation.name} (${ticket.organisation.odsCode})` : 'No organisation given',
      requester: ticket.requester?.name ?? '',
      archived,
      waitingSince: waitSince(ticket),
      // Worked out only when read (the page shown, as JSON): reading the London clock for every ticket was most of a 5,000-ticket queue's time.
      get waitingSinceText() {
        return formatCardTime(this.waitingSince, now);
      },
      ageWorkingHours: Math.round(hours * 10) / 10,
      ageText: ageText(hours, thresholds.workingDayHours),
      assignee: ticket.assignee ? { id: ticket.assignee.aadObjectId, name: names.get(ticket.assignee.aadObjectId) ?? 'A colleague' } : null,
      withWhom: whoHasIt(ticket, names),
      reminder: latestReminder(ticket, now),
      overdue: limit !== null && hours >= limit,
      overdueAfterHours: limit,
    });
  });
  rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.ageWorkingHours - a.ageWorkingHours || a.id.localeCompare(b.id));

  return { rows, filters: filterOptions(tickets, names), workingDayHours: thresholds.workingDayHours };
}

function latestReminder(ticket: WorkflowTicket, now: Date): QueueRow['reminder'] {
  const marks = currentMarks(ticket);
  const escalations = marks.filter((mark) => ESCALATIONS.has(mark.kind));
  const mark = (escalations.length > 0 ? escalations : marks).at(-1);
  const text = mark ? reminderLine(mark, ticket, now) : undefined;
  return mark && text ? { text, escalated: ESCALATIONS.has(mark.kind) } : null;
}

/** Used for live tickets here and, by the route, for archived ones before they are kept. */
export function matchesFilters(ticket: WorkflowTicket, filters: QueueFilters): boolean {
  if (filters.state === 'open' ? !OPEN_STATES.includes(ticket.state) : filters.state !== 'all' && ticket.state !== filters.state)
    return false;
  if (filters.ics !== '' && (ticket.organisation?.icbCode ?? '') !== filters.ics) return false;
  if (filters.search && !matchesSearch(ticket, filters.search)) return false;
  if (filters.assignee === 'unassigned') return !ticket.assignee;
  return filters.assignee === '' || ticket.assignee?.aadObjectId === filters.assignee;
}

// The roster's display name wins: a ticket keeps the name its assignee had when they took it.
function agentNames(tickets: readonly WorkflowTicket[], rosters: readonly RosterEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const ticket of tickets) {
    const name = ticket.assignee?.name?.trim();
    if (ticket.assignee && name) names.set(ticket.assignee.aadObjectId, name);
  }
  for (const entry of rosters) {
    if (entry.kind === 'helpdeskAgent' && entry.displayName?.trim()) names.set(entry.id, entry.displayName.trim());
  }
  return names;
}

function filterOptions(tickets: readonly WorkflowTicket[], names: Map<string, string>): QueueView['filters'] {
  const states: FilterOption[] = [
    { value: 'open', label: 'All open tickets' },
    { value: 'all', label: 'All tickets, including finished and archived ones' },
    ...Object.entries(STATE_LABEL)
      .filter(([state]) => state !== 'archived')
      .map(([value, label]) => ({ value, label })),
  ];
  const ics: FilterOption[] = [{ value: '', label: 'Every ICS' }, ...listIcs().map((s) => ({ value: s.icbCode, label: s.name }))];
  for (const code of new Set(tickets.map((t) => t.organisation?.icbCode ?? ''))) {
    if (code !== '' && !ics.some((option) => option.value === code)) ics.push({ value: code, label: code });
  }
  const assignees: FilterOption[] = [
    { value: '', label: 'Anyone' },
    { value: 'unassigned', label: 'Nobody yet' },
    ...[...names].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label })),
  ];
  return { states, ics, assignees };
}
