import restify, { type Request, type Response } from 'restify';
import type { ActivityHandler } from 'botbuilder';
import { isAuthenticationFailure, type OnboardingAdapter } from './teams/adapter.js';
import type { Store } from '../data/store/store.js';
import { isInboundActivity } from './teams/activityGuard.js';
import type { InFlight } from './inFlight.js';
import { errorKind, type Logger } from './log.js';
import { USERS_TEMPLATE_PATH } from './teams/dialogTurns.js';
import { isFromThisMachine } from './fromThisMachine.js';
import { TokenRefused } from './teams/channelToken.js';
import { SigningKeysUnavailable } from './teams/signingKeys.js';
import type { HttpLimits } from './config.js';
import { applyHttpLimits } from './httpLimits.js';
import { isStoreUnavailable, RETRY_AFTER_SECONDS, STORE_UNAVAILABLE_MESSAGE, sendStoreUnavailable } from './storeUnavailable.js';

/** Bodies larger than this are refused with 413: no activity is anywhere near it, and parsing huge JSON blocks every turn. */
export const MAX_BODY_BYTES = 256 * 1024;

/** What a caller sees for each refusal: short, neutral, never a library message or a stack. */
const NEUTRAL: Record<number, string> = {
  400: 'The request body is not a Bot Framework activity.',
  401: 'The request is not authorised.',
  404: 'Not found.',
  405: 'Method not allowed.',
  413: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
  415: 'The request body must be uncompressed JSON.',
  500: 'The bot could not process this request.',
  503: 'The service is not available.',
};

export interface ServerDeps {
  adapter: OnboardingAdapter;
  bot: ActivityHandler;
  store: Store;
  inFlight: InFlight;
  logger: Logger;
  version: string;
  /** True with an app id: /healthz then tells other machines only ok or not ok. */
  authenticated: boolean;
  /** Timeouts and the connection cap (config.http). */
  limits: HttpLimits;
  /** True once shutdown has begun: requests still arriving on open connections are turned away. */
  isStopping(): boolean;
  /** The multiple-user spreadsheet template (built once, on first request). */
  usersTemplate(): Promise<Buffer>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Builds the HTTP server: POST /api/messages for the Bot Framework, GET /healthz for probes. */
export function createServer(deps: ServerDeps): restify.Server {
  // An empty name: restify would otherwise send it as a `Server` header, telling every caller what runs here.
  const server = restify.createServer({ name: '', handleUncaughtExceptions: false });
  applyHttpLimits(server.server, deps.limits);
  // First of all, so every answer carries it: the 4xx/5xx refusals below and restify's own, JSON, pages, downloads.
  server.pre((_req: Request, res: Response, next: () => void) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return next();
  });
  // Compressed bodies would be inflated past the size limit (it counts the bytes on the wire): Bot Framework never sends them.
  server.pre((req: Request, res: Response, next: (err?: false) => void) => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toString().trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      res.send(415, { error: neutral(415) });
      return next(false);
    }
    if (deps.isStopping()) {
      res.header('Connection', 'close');
      res.send(503, { error: neutral(503) });
      return next(false);
    }
    return next();
  });
  server.use(
    restify.plugins.jsonBodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      rejectUnknown: false,
    } as restify.plugins.BodyParserOptions),
  );

  // Every error restify raises itself (413, bad JSON, 404, 405) leaves with our neutral wording; a route that lets the
  // database's absence through (StoreUnavailableError) answers 503 and when to try again, as the routes that catch it do.
  server.on(
    'restifyError',
    (_req: Request, res: Response, err: { statusCode?: number; toJSON?: () => unknown; toString?: () => string }, callback: () => void) => {
      if (isStoreUnavailable(err)) {
        err.statusCode = 503;
        res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      }
      const body = { error: isStoreUnavailable(err) ? STORE_UNAVAILABLE_MESSAGE : neutral(err.statusCode ?? 500) };
      err.toJSON = () => body;
      err.toString = () => body.error;
      callback();
    },
  );

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!isInboundActivity(req.body)) {
      res.send(400, { error: neutral(400) });
      return;
    }
    await deps.inFlight.track(() => processActivity(deps, req, res));
  });

  // Linked from the conversation when a manager has ten or more staff to add (source 001's multiple-user route).
  server.get(USERS_TEMPLATE_PATH, async (_req: Request, res: Response) => {
    const body = await deps.usersTemplate();
    res.writeHead(200, {
      'content-type': XLSX,
      'content-length': body.length,
      'content-disposition': 'attachment; filename="ucp-multiple-users.xlsx"',
    });
    res.end(body);
  });

  server.get('/healthz', async (req: Request, res: Response) => {
    const store = await deps.store.health().catch((err: unknown) => {
      deps.logger.error('store health check failed', { error: errorKind(err) });
      return { writable: false, schemaVersion: 0, liveTickets: 0 };
    });
    const healthy = store.writable;
    // A public address learns only whether the service is up: the version and counts help an attacker, not a probe.
    if (deps.authenticated && !askedFromThisMachine(req)) {
      res.send(healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable' });
      return;
    }
    res.send(healthy ? 200 : 503, {
      status: healthy ? 'ok' : 'unavailable',
      version: deps.version,
      store: { writable: store.writable, schemaVersion: store.schemaVersion, liveTickets: store.liveTickets },
    });
  });

  return server;
}

/** Runs the turn through the adapter and answers with its invoke response, or a neutral refusal. */
async function processActivity(deps: ServerDeps, req: Request, res: Response): Promise<void> {
  const auth = req.headers.authorization ?? '';
  try {
    const invoke = await deps.adapter.handle(auth, req.body as Record<string, unknown>, (context) => deps.bot.run(context));
    if (invoke?.body === undefined) res.send(invoke?.status ?? 200);
    else res.send(invoke.status, invoke.body);
  } catch (err) {
    if (err instanceof SigningKeysUnavailable) {
      // The token may be good: the caller is told to come back, not that it is refused.
      deps.logger.error('request turned away: the Bot Framework signing keys cannot be fetched', { reason: err.reason });
      res.header('Retry-After', String(err.retryAfterSeconds));
      res.send(503, { error: neutral(503) });
    } else if (isStoreUnavailable(err)) {
      // The turn changed nothing (bot/teams/turnErrors.ts); the outage itself is logged once, by the store.
      sendStoreUnavailable(res);
    } else if (isAuthenticationFailure(err)) {
      deps.logger.warn(
        'request refused: not authenticated',
        err instanceof TokenRefused ? { reason: err.reason } : { error: errorKind(err) },
      );
      res.send(401, { error: neutral(401) });
    } else {
      deps.logger.error('activity failed', { error: errorKind(err) });
      res.send(500, { error: neutral(500) });
    }
  }
}

function askedFromThisMachine(req: Request): boolean {
  return isFromThisMachine(req.socket.remoteAddress, req.headers);
}

function neutral(status: number): string {
  return NEUTRAL[status] ?? (status >= 500 ? NEUTRAL[500] : 'The request could not be processed.');
}
