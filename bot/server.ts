import restify, { type Request, type Response } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Store } from '../data/store/store.js';
import { isInboundActivity } from './activityGuard.js';
import type { InFlight } from './inFlight.js';
import { errorKind, type Logger } from './log.js';

/** Bodies larger than this are refused with 413: no activity is anywhere near it, and parsing huge JSON blocks every turn. */
export const MAX_BODY_BYTES = 256 * 1024;

/** What a caller sees for each refusal: short, neutral, never a library message or a stack. */
const NEUTRAL: Record<number, string> = {
  400: 'The request body is not a Bot Framework activity.',
  401: 'The request is not authorised.',
  404: 'Not found.',
  405: 'Method not allowed.',
  413: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
  415: 'The request body must be JSON.',
  500: 'The bot could not process this request.',
  503: 'The service is not available.',
};

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  store: Store;
  inFlight: InFlight;
  logger: Logger;
  version: string;
}

/** Builds the HTTP server: POST /api/messages for the Bot Framework, GET /healthz for probes. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'ucp-onboarding-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: false } as restify.plugins.BodyParserOptions));

  // Every error restify raises itself (413, bad JSON, 404, 405) leaves with our neutral wording.
  server.on('restifyError', (_req: Request, _res: Response, err: { statusCode?: number; toJSON?: () => unknown; toString?: () => string }, callback: () => void) => {
    const body = { error: neutral(err.statusCode ?? 500) };
    err.toJSON = () => body;
    err.toString = () => body.error;
    callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!isInboundActivity(req.body)) {
      res.send(400, { error: neutral(400) });
      return;
    }
    await deps.inFlight.track(() => processActivity(deps, req, res));
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const store = await deps.store.health().catch((err: unknown) => {
      deps.logger.error('store health check failed', { error: errorKind(err) });
      return { writable: false, schemaVersion: 0, liveTickets: 0 };
    });
    const healthy = store.writable;
    res.send(healthy ? 200 : 503, {
      status: healthy ? 'ok' : 'unavailable',
      version: deps.version,
      store: { writable: store.writable, schemaVersion: store.schemaVersion, liveTickets: store.liveTickets },
    });
  });

  return server;
}

/** Hands the activity to CloudAdapter and relays its answer, replacing any error text with our neutral wording. */
async function processActivity(deps: ServerDeps, req: Request, res: Response): Promise<void> {
  const captured = new CapturedResponse();
  try {
    await deps.adapter.process(req, captured, (context) => deps.bot.run(context));
  } catch (err) {
    // CloudAdapter throws before its own try for bodies its schema rejects.
    deps.logger.warn('activity refused by the adapter', { error: errorKind(err) });
    res.send(400, { error: neutral(400) });
    return;
  }
  if (captured.statusCode >= 400) {
    if (captured.statusCode >= 500) deps.logger.error('activity failed', { status: captured.statusCode });
    res.send(captured.statusCode, { error: neutral(captured.statusCode) });
  } else if (captured.body === undefined) {
    res.send(captured.statusCode);
  } else {
    res.send(captured.statusCode, captured.body);
  }
}

function neutral(status: number): string {
  return NEUTRAL[status] ?? (status >= 500 ? NEUTRAL[500] : 'The request could not be processed.');
}

/** Stands in for the HTTP response so the adapter's own error strings never reach the caller. */
class CapturedResponse {
  statusCode = 200;
  body: unknown;
  socket = null;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    return this;
  }
  header(): this {
    return this;
  }
  end(): this {
    return this;
  }
}
