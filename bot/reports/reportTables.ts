/** The three reports as tables with headed columns: the same table is the tab's view and the CSV, so the two never differ. */
import type { DecisionRow } from './decisions.js';
import type { RequestsReport } from './requestsByIcs.js';
import type { UnreachableRow } from './unreachableManagers.js';

/** The reports, by the name the CLI and the API use. */
export const REPORT_NAMES = ['requests', 'decisions', 'unreachable'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export function isReportName(value: string): value is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(value);
}

/** A table as people read it; cells are text or numbers (working hours). */
export interface ReportTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A report ready to show: its tables, the last of which is the one exported as CSV (one row per request, decision or manager). */
export interface ReportView {
  name: ReportName;
  title: string;
  /** What the report covers, in a sentence or two. */
  note: string;
  tables: ReportTable[];
}

const HOURS = 'Hours are working hours: Monday to Friday, 09:00 to 17:00 London time, without bank holidays.';

/** Requests by ICS and state: the counts, then every request. */
export function requestsTables(report: RequestsReport): ReportView {
  return {
    name: 'requests',
    title: 'Requests by ICS and state',
    note: `Requests in the live records (closed ones move to the archive within the hour), by the day they were received. ${HOURS}`,
    tables: [
      {
        caption: 'How many requests each ICS has in each state',
        columns: ['ICS', 'State', 'Requests'],
        rows: report.counts.map((c) => [c.ics, c.stateLabel, c.count]),
      },
      {
        caption: 'Each request, with the working hours it has waited',
        columns: [
          'Ticket',
          'Request',
          'ICS',
          'Organisation',
          'ODS code',
          'State',
          'Received (London)',
          'In this state since (London)',
          'Working hours in this state',
          'Working hours in all',
        ],
        rows: report.rows.map((r) => [
          r.ticket,
          r.kind,
          r.ics,
          r.organisation,
          r.odsCode,
          r.stateLabel,
          r.received,
          r.inStateSince,
          r.hoursInState ?? 'Finished',
          r.hoursInAll,
        ]),
      },
    ],
  };
}

/** Decisions, oldest first. */
export function decisionsTables(rows: readonly DecisionRow[]): ReportView {
  return {
    name: 'decisions',
    title: 'Decisions',
    note: 'Approvals, refusals, requests for information, assignments, priorities, escalations, resolutions, closures and withdrawals, from the audit trail.',
    tables: [
      {
        caption: 'Who decided what, in which role, and when',
        columns: ['When (London)', 'Ticket', 'ICS', 'Organisation', 'Decision', 'Who', 'Role', 'From', 'To', 'Reason given'],
        rows: rows.map((r) => [r.when, r.ticket, r.ics, r.organisation, r.decision, r.who, r.role, r.from, r.to, r.reason]),
      },
    ],
  };
}

/** Managers to phone, latest failure first. */
export function unreachableTables(rows: readonly UnreachableRow[]): ReportView {
  return {
    name: 'unreachable',
    title: 'Managers the bot cannot reach',
    note: 'Teams says the app is uninstalled or blocked and the e-mail failed too, so the latest message is still waiting: please phone them. Personal data: for the helpdesk only.',
    tables: [
      {
        caption: 'Care home managers to phone: Teams and e-mail both failed',
        columns: ['Name', 'E-mail', 'Organisation', 'Tickets', 'Last tried (London)', 'Why', 'Message waiting'],
        rows: rows.map((r) => [r.name, r.email, r.organisation, r.tickets, r.lastTried, r.why, r.waiting]),
      },
    ],
  };
}

/** The table a report exports as CSV. */
export function csvTable(view: ReportView): ReportTable {
  return view.tables[view.tables.length - 1];
}
