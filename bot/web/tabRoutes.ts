/** The helpdesk tab's routes: the page (GET /tab), its script and style, and the JSON API behind it (GET /api/tab/…). */
import { readFileSync } from 'node:fs';
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Store } from '../../data/store/store.js';
import { isLocalMode, type Config } from '../config.js';
import { errorKind, type Logger } from '../log.js';
import type { WorkingCalendar } from '../../data/rules/workingHours.js';
import { queueCsv, queueCsvFileName } from './queueCsv.js';
import { pageOf, parseQueueQuery, type QueueQuery } from './queueQuery.js';
import { fullQueue } from './queueTickets.js';
import { registerReportRoutes } from './reportRoutes.js';
import { tabBundle } from './tabBundle.js';
import type { TabTokenVerifier } from './tabToken.js';
import { ticketDetail } from './ticketDetail.js';
import { sendCsv } from './sendCsv.js';
import { isStoreUnavailable, sendStoreUnavailable } from '../storeUnavailable.js';

export interface HelpdeskTabDeps {
  config: Config;
  store: Store;
  logger: Logger;
  now: () => Date;
  calendar: WorkingCalendar;
  /** Checks the tab's sign-in token against the tenant's published keys (config.tab). */
  verifier: TabTokenVerifier;
  /** Runs a ticket's stale automatic checks again when an agent opens it, so the tab never shows a tick its list no longer backs. */
  automaticChecks?: { runIfStale(ticketId: string): Promise<void> };
}

/** Short, neutral answers: never a library message, and nothing that says whether a ticket exists to someone refused. */
const REFUSAL = {
  401: 'The request is not authorised.',
  403: 'Only members of the UCP helpdesk can see the helpdesk queue.',
  404: 'Not found.',
  500: 'The helpdesk queue could not be read.',
  503: 'Sign-in cannot be checked right now.',
} as const;

// Teams shows tabs inside its own pages: only it (and this service) may frame the page.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
    "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const PAGE_DIR = new URL('./page/', import.meta.url);
const TICKET_ID = /^[A-Za-z0-9-]{1,40}$/;

/** Adds the tab's page and API to the bot's server. */
export function registerHelpdeskTab(server: restify.Server, deps: HelpdeskTabDeps): void {
  const local = isLocalMode(deps.config);
  const { now, calendar, verifier: verify } = deps;
  const script = tabBundle();
  const html = readFileSync(new URL('tab.html', PAGE_DIR), 'utf8').replace('{{MODE}}', local ? 'local' : 'authenticated');
  const css = readFileSync(new URL('tab.css', PAGE_DIR));
  if (!local && (deps.config.tab.tokenIssuer === '' || deps.config.tab.tokenAudiences.length === 0)) {
    deps.logger.warn(
      'helpdesk tab: no token issuer or audience (set MicrosoftAppTenantId or TAB_TOKEN_ISSUER), so its API refuses every request',
    );
  }

  server.get('/tab', async (_req: Request, res: Response) => {
    sendText(res, 200, 'text/html; charset=utf-8', html);
  });
  server.get('/tab/tab.css', async (_req: Request, res: Response) => {
    sendText(res, 200, 'text/css; charset=utf-8', css);
  });
  server.get('/tab/tab.js', async (_req: Request, res: Response) => {
    try {
      sendText(res, 200, 'text/javascript; charset=utf-8', await script());
    } catch (err) {
      deps.logger.error('helpdesk tab script could not be built', { error: errorKind(err) });
      sendText(res, 503, 'text/plain; charset=utf-8', 'The helpdesk tab is not available.');
    }
  });

  // Registered before /api/tab/tickets/:id, which would otherwise take "tickets.csv" for a ticket id.
  server.get('/api/tab/tickets.csv', async (req: Request, res: Response) => {
    if (!(await authorised(req, res))) return;
    const query = queueQuery(req, res);
    if (!query) return;
    try {
      const at = now();
      const queue = await fullQueue(deps.store, calendar, at, deps.config.reminders, { ...query.filters, search: query.search });
      const body = queueCsv(queue.rows);
      sendCsv(res, queueCsvFileName(at), body);
    } catch (err) {
      if (isStoreUnavailable(err)) return sendStoreUnavailable(res);
      deps.logger.error('helpdesk tab could not export the queue', { error: errorKind(err) });
      refuse(res, 500);
    }
  });

  server.get('/api/tab/tickets', async (req: Request, res: Response) => {
    if (!(await authorised(req, res))) return;
    const query = queueQuery(req, res);
    if (!query) return;
    try {
      const queue = await fullQueue(deps.store, calendar, now(), deps.config.reminders, { ...query.filters, search: query.search });
      const { rows, paging } = pageOf(queue.rows, query.page);
      sendJson(res, 200, {
        mode: local ? 'local' : 'authenticated',
        ...queue,
        rows,
        paging,
        overdue: queue.rows.filter((row) => row.overdue).length,
        search: query.searchText,
      });
    } catch (err) {
      if (isStoreUnavailable(err)) return sendStoreUnavailable(res);
      deps.logger.error('helpdesk tab could not read the queue', { error: errorKind(err) });
      refuse(res, 500);
    }
  });

  server.get('/api/tab/tickets/:id', async (req: Request, res: Response) => {
    if (!(await authorised(req, res))) return;
    const id = String(req.params.id ?? '');
    if (!TICKET_ID.test(id)) return refuse(res, 404);
    try {
      await deps.automaticChecks?.runIfStale(id);
      const ticket = await deps.store.tickets.get(id);
      if (!ticket) return refuse(res, 404);
      const audit = [];
      for await (const event of deps.store.readAudit({ ticketId: id })) audit.push(event);
      const rosters = await deps.store.rosters.list();
      sendJson(res, 200, ticketDetail(ticket, audit, rosters, now()));
    } catch (err) {
      if (isStoreUnavailable(err)) return sendStoreUnavailable(res);
      deps.logger.error('helpdesk tab could not read a ticket', { error: errorKind(err) });
      refuse(res, 500);
    }
  });

  registerReportRoutes(server, {
    store: deps.store,
    logger: deps.logger,
    calendar,
    now,
    dayHours: deps.config.reminders.workingDayHours,
    authorised,
  });

  /** The filters, search and page asked for, or undefined once a 400 naming what to change has been sent. */
  function queueQuery(req: Request, res: Response): QueueQuery | undefined {
    const checked = parseQueueQuery(new URL(req.url ?? '/', 'http://tab.invalid').searchParams);
    if (checked.ok) return checked.query;
    sendJson(res, 400, { error: checked.message });
    return undefined;
  }

  /** Local mode is open (the page says so); otherwise a valid Entra ID token of someone on the helpdesk roster. */
  async function authorised(req: Request, res: Response): Promise<boolean> {
    if (local) return true;
    const check = await verify(req.headers.authorization);
    if (!check.ok) {
      deps.logger.warn('helpdesk tab request refused', { reason: check.reason });
      if (check.reason !== 'unavailable') res.header('WWW-Authenticate', 'Bearer');
      refuse(res, check.reason === 'unavailable' ? 503 : 401);
      return false;
    }
    const member = await deps.store.rosters.list({ kind: 'helpdeskAgent', id: check.oid });
    if (member.length === 0) {
      deps.logger.warn('helpdesk tab request refused', { reason: 'notOnRoster' });
      refuse(res, 403);
      return false;
    }
    return true;
  }
}

function refuse(res: Response, status: keyof typeof REFUSAL): void {
  sendJson(res, status, { error: REFUSAL[status] });
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.send(status, body);
}

function sendText(res: Response, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...PAGE_HEADERS });
  res.end(body);
}
