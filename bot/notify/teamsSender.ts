import http from 'node:http';
import https from 'node:https';
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { DeliveryError, RETRYABLE_NETWORK_CODES, UNREACHED_NETWORK_CODES } from './deliveryError.js';
import { parseRetryAfter } from './retry.js';

/** Proactive sends to a stored conversation. The real one goes through the CloudAdapter; tests and other code may pass fakes. */
export interface TeamsSender {
  /** Posts a new message in the conversation; rejects with a DeliveryError. */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<{ activityId: string }>;
  /** Replaces a message the bot posted earlier (a ticket card); rejects with a DeliveryError. */
  update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void>;
}

export interface TeamsSenderOptions {
  /** Per HTTP request to the connector; a hung connector would otherwise hold a send for ever. */
  timeoutMs?: number;
  now?: () => Date;
}

/** Per request to the connector, unless configured. */
export const TEAMS_TIMEOUT_MS = 15_000;

/** The minimal view of @azure/core-rest-pipeline's Pipeline and request we touch. */
interface RequestLike {
  url: string;
  abortSignal?: AbortSignal;
  agent?: unknown;
  tlsSettings?: unknown;
}
interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: RequestLike, next: (request: RequestLike) => Promise<unknown>): Promise<unknown>;
  }): void;
}

/**
 * The notifier's sender: `appId` is the bot's Microsoft app id ('' in local mode, where the
 * adapter sends without a token to the serviceUrl stored in the reference).
 */
export function createTeamsSender(adapter: CloudAdapter, appId: string, options: TeamsSenderOptions = {}): TeamsSender {
  const timeoutMs = options.timeoutMs ?? TEAMS_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());

  const run = async (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => {
    // The adapter hands a failure inside the turn to its onTurnError (which logs it and resolves), so it is caught here.
    let failed: { err: unknown } | undefined;
    const request: RequestState = { tracked: false, written: false };
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        tuneConnector(context, adapter, timeoutMs, request);
        try {
          await logic(context);
        } catch (err) {
          failed = { err };
        }
      });
    } catch (err) {
      failed = { err };
    }
    if (failed) throw classifyTeamsError(failed.err, now(), request.tracked ? request.written : undefined);
  };

  return {
    async send(reference, activity) {
      let activityId = '';
      await run(reference, async (context) => {
        // A proactive message is a new post, not a reply: the continuation's made-up activity id would otherwise become
        // its replyToId, and a reply to an unknown id can fail in a channel.
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const sent of activities) delete sent.replyToId;
          return next();
        });
        const response = await context.sendActivity(activity);
        activityId = response?.id ?? '';
      });
      return { activityId };
    },
    async update(reference, activityId, activity) {
      await run(reference, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
      });
    },
  };
}

/** Whether the connector request of one proactive turn was written out in full (known only when `tracked`). */
interface RequestState {
  tracked: boolean;
  written: boolean;
}

/**
 * An agent for one request that notes when the request has been handed to the operating system in full (the
 * request's 'finish'): a failure after that may have been delivered, one before it cannot have been. No keep-alive:
 * a reused idle socket that the server closed at the same moment fails *after* the write, and would look ambiguous.
 */
function trackingAgent(secure: boolean, state: RequestState): http.Agent {
  const agent = secure ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  // addRequest is how every ClientRequest reaches its agent (not in Node's typings).
  const inner = agent as unknown as { addRequest(req: http.ClientRequest, options: unknown): void };
  const addRequest = inner.addRequest.bind(agent);
  inner.addRequest = (req, options) => {
    req.once('finish', () => {
      state.written = true;
    });
    addRequest(req, options);
  };
  return agent;
}

/**
 * One place decides about retries: our retry loop. The connector client's own retry policy (3 more tries, up to
 * ~7 s on a refused connection) would multiply ours and hide Retry-After from it, so it is removed from this
 * client (made for this one proactive turn) and a per-request timeout is added. The request also gets an agent that
 * tells whether it was written before a failure (unless something else, a proxy, already chose the agent: then a
 * broken connection is counted as possibly delivered).
 */
function tuneConnector(context: TurnContext, adapter: CloudAdapter, timeoutMs: number, state: RequestState): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: PipelineLike } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline || typeof pipeline.removePolicy !== 'function') return;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy({
    name: 'ucpNotifyTimeout',
    // An abort signal rather than the request's own `timeout`, whose timer the HTTP client leaves running after a
    // refused connection (holding the process open for the whole timeout).
    sendRequest: async (request, next) => {
      if (request.agent === undefined && request.tlsSettings === undefined) {
        state.written = false;
        state.tracked = true;
        request.agent = trackingAgent(new URL(request.url).protocol === 'https:', state);
      } else {
        state.tracked = false;
      }
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, timeout.signal]) : timeout.signal;
      try {
        return await next(request);
      } finally {
        clearTimeout(timer);
      }
    },
  });
}

/**
 * Maps what the connector client throws to retryable / ambiguous / permanent / other. An answered status decides by itself. A broken connection or a timeout without an answer is `ambiguous`
 * when the request had been written in full (`requestWritten`; undefined when unknown, counted as written), and
 * `retryable` when it had not; a refused connection or an unknown host is always `retryable`.
 */
export function classifyTeamsError(err: unknown, now: Date, requestWritten?: boolean): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    name?: unknown;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status !== undefined) {
    const reason = `http-${status}`;
    if (status === 429) return new DeliveryError('retryable', reason, parseRetryAfter(e.response?.headers?.get?.('retry-after'), now));
    if (status >= 500 || status === 408)
      return new DeliveryError('retryable', reason, parseRetryAfter(e.response?.headers?.get?.('retry-after'), now));
    if (status === 403 || status === 404) return new DeliveryError('permanent', reason);
    return new DeliveryError('other', reason);
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && UNREACHED_NETWORK_CODES.has(code)) return new DeliveryError('retryable', code);
  // core-rest-pipeline aborts a request that passed its timeout.
  const broken =
    code && RETRYABLE_NETWORK_CODES.has(code) ? code : e.name === 'AbortError' || e.name === 'TimeoutError' ? 'timeout' : undefined;
  if (broken) return new DeliveryError(requestWritten === false ? 'retryable' : 'ambiguous', broken);
  return new DeliveryError('other', code && /^[\w.-]{1,40}$/.test(code) ? code : typeof e.name === 'string' ? e.name : 'unknown');
}
