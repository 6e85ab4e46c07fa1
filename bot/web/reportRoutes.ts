/**
 * The tab's reports: GET /api/tab/reports/<name> (JSON tables) and /api/tab/reports/<name>.csv, with
 * the queue's authorisation (helpdesk roster members, or local mode): the unreachable managers report is personal data.
 */
import type restify from 'restify';
import type { Request, Response } from 'restify';
import { ValidationError } from '../../data/errors.js';
import type { WorkflowTicket } from '../../data/model.js';
import { listIcs } from '../../data/rules/ics.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import type { Store } from '../../data/store/store.js';
import { errorKind, type Logger } from '../log.js';
import { csvLines } from '../reports/csv.js';
import { csvTable, isReportName } from '../reports/reportTables.js';
import { reportFilters, type ReportFilters } from '../reports/reportWindow.js';
import { runReport, type ReportLive } from '../reports/runReport.js';
import { sendCsv } from './sendCsv.js';
import { isStoreUnavailable, sendStoreUnavailable } from '../storeUnavailable.js';

export interface ReportRouteDeps {
  store: Store;
  logger: Logger;
  calendar: WorkingCalendar;
  now: () => Date;
  dayHours: number;
  /** The queue's check: answers the refusal itself and returns false. */
  authorised: (req: Request, res: Response) => Promise<boolean>;
}

/** The ICSs a report may be narrowed to, for the tab's choice. */
const ICS_CHOICES = () => [{ value: '', label: 'Every ICS' }, ...listIcs().map((ics) => ({ value: ics.icbCode, label: ics.name }))];

const REPORT_PATH = /^\/api\/tab\/reports\/([a-z]{1,20})(\.csv)?$/;

/** The reports' JSON and CSV routes, behind the same helpdesk-roster check as the queue. */
export function registerReportRoutes(server: restify.Server, deps: ReportRouteDeps): void {
  server.get('/api/tab/reports/:name', async (req: Request, res: Response) => {
    if (!(await deps.authorised(req, res))) return;
    const url = new URL(req.url ?? '/', 'http://tab.invalid');
    const match = REPORT_PATH.exec(url.pathname);
    if (!match || !isReportName(match[1])) return sendJson(res, 404, { error: 'There is no such report.' });
    let filters: ReportFilters;
    try {
      const query = url.searchParams;
      filters = reportFilters({
        from: query.get('from') ?? undefined,
        to: query.get('to') ?? undefined,
        ics: query.get('ics') ?? undefined,
      });
    } catch (err) {
      if (err instanceof ValidationError) return sendJson(res, 400, { error: err.message.replace(/--/g, '') });
      throw err;
    }
    try {
      const view = await runReport(match[1], filters, {
        live: () => liveRecords(deps.store),
        audit: (query) => deps.store.readAudit(query),
        archived: (ids) => archivedTickets(deps.store, ids),
        calendar: deps.calendar,
        now: deps.now(),
        dayHours: deps.dayHours,
      });
      if (match[2] !== '.csv') return sendJson(res, 200, { ...view, icsChoices: ICS_CHOICES() });
      const table = csvTable(view);
      const body = `${csvLines(table.columns, table.rows).join('\r\n')}\r\n`;
      sendCsv(res, `ucp-${view.name}-report.csv`, body);
    } catch (err) {
      if (isStoreUnavailable(err)) return sendStoreUnavailable(res);
      deps.logger.error('helpdesk tab could not build a report', { report: match[1], error: errorKind(err) });
      sendJson(res, 500, { error: 'The report could not be read.' });
    }
  });
}

// Copies, as every read of the store is: the report reads the audit trail between its reads, while the live records may change.
async function liveRecords(store: Store): Promise<ReportLive> {
  const [tickets, rosters, notifications, conversations] = await Promise.all([
    store.tickets.list(),
    store.rosters.list(),
    store.notifications.list(),
    store.conversations.list(),
  ]);
  return { tickets, rosters, notifications, conversations };
}

async function archivedTickets(store: Store, ids: ReadonlySet<string>): Promise<WorkflowTicket[]> {
  const found: WorkflowTicket[] = [];
  for await (const ticket of store.tickets.archived({ ids: [...ids] })) found.push(ticket);
  return found;
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.send(status, body);
}
