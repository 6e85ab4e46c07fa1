import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Logger } from '../log.js';
import { errorKind } from '../log.js';
import type { Metrics } from './metrics.js';

export interface MetricsRouteOptions {
  metrics: Pick<Metrics, 'registry'>;
  /** True with an app id: the numbers are then served only to a caller presenting `token`. */
  authenticated: boolean;
  /** METRICS_TOKEN; empty: no token is set. */
  token: string;
  logger: Logger;
}

/**
 * GET /metrics in the Prometheus text format. In local mode it is open (this machine only, like the rest of the bot);
 * in authenticated mode it does not exist unless METRICS_TOKEN is set, and then answers only `Authorization: Bearer <token>`.
 */
export function registerMetricsRoute(server: restify.Server, options: MetricsRouteOptions): void {
  if (options.authenticated && options.token === '') return;
  const allowed = options.authenticated ? bearerCheck(options.token) : () => true;
  server.get('/metrics', async (req: Request, res: Response) => {
    if (!allowed(req.headers.authorization)) {
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'The request is not authorised.' });
      return;
    }
    try {
      const body = await options.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': options.metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    } catch (err) {
      options.logger.error('metrics could not be gathered', { error: errorKind(err) });
      res.send(500, { error: 'The metrics could not be gathered.' });
    }
  });
}

/**
 * Compares the presented bearer token with the configured one in constant time: both are hashed first, so neither the
 * content nor the length of the token can be learnt from how long a refusal takes.
 */
export function bearerCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    return presented !== undefined && timingSafeEqual(digest(presented), expected);
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
