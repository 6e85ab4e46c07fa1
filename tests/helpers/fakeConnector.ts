/**
 * A fake Bot Framework connector: a small real HTTP server that answers the routes the SDK calls for proactive sends
 * and records every request, for the notifier tests and the end-to-end tests.
 *
 * In the test process: `const connector = await startFakeConnector()`, then store references whose serviceUrl is
 * `connector.url`. Do not run it in a process that has loaded restify (restify patches Node's ServerResponse for the
 * whole process): there, use `await spawnFakeConnector()`, which runs this file as a child process
 * (`node --import tsx tests/helpers/fakeConnector.ts [port]`, printing `{"port":…,"adminPort":…}`) and drives it over
 * a small admin API with the same methods, made async.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the SDK asked for: a new message, a reply in a thread, an update of a posted message, a new conversation, or something else. */
export type ConnectorRoute = 'send' | 'reply' | 'update' | 'create' | 'other';

/** One request as the fake connector saw it. */
export interface RecordedRequest {
  seq: number;
  method: string;
  /** The path as sent (URL-encoded). */
  path: string;
  route: ConnectorRoute;
  /** Decoded, when the path names one. */
  conversationId?: string;
  /** Decoded: the activity replied to or updated. */
  activityId?: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** What the fake answered; 'dropped' when it closed the connection without answering. */
  status: number | 'dropped';
  /** The id it gave a posted activity or a created conversation. */
  answeredId?: string;
  at: number;
}

/**
 * A scripted answer for the next `times` requests (default 1) matching `method` and `path` (a substring of the
 * decoded path, or a RegExp in process only). 'drop' destroys the connection after reading the request; 200 gives the
 * ordinary answer (with `delayMs`: a slow Teams).
 */
export interface ScriptedAnswer {
  status: number | 'drop';
  /** Answers this long after the request arrived (its `at` is when it arrived; it is listed once answered). */
  delayMs?: number;
  times?: number;
  method?: string;
  path?: string | RegExp;
  /** Sent as the Retry-After header (seconds, or an HTTP date). */
  retryAfter?: number | string;
}

const ERROR_CODES: Record<number, string> = {
  400: 'BadArgument',
  403: 'BotDisabledByAdmin',
  404: 'ConversationNotFound',
  429: 'Throttled',
  500: 'ServiceError',
  502: 'BadGateway',
};

/** Delivered requests (answered 2xx) of one route. */
function delivered(requests: readonly RecordedRequest[], ...routes: ConnectorRoute[]): RecordedRequest[] {
  return requests.filter((r) => routes.includes(r.route) && typeof r.status === 'number' && r.status < 300);
}

function routeOf(method: string, segments: string[]): { route: ConnectorRoute; conversationId?: string; activityId?: string } {
  if (segments[0] !== 'v3' || segments[1] !== 'conversations') return { route: 'other' };
  const conversationId = segments[2];
  if (method === 'POST' && segments.length === 2) return { route: 'create' };
  if (segments[3] === 'activities' && segments.length === 4 && method === 'POST') return { route: 'send', conversationId };
  if (segments[3] === 'activities' && segments.length === 5 && method === 'POST')
    return { route: 'reply', conversationId, activityId: segments[4] };
  if (segments[3] === 'activities' && segments.length === 5 && method === 'PUT')
    return { route: 'update', conversationId, activityId: segments[4] };
  return { route: 'other', conversationId };
}

/** The in-process fake connector. */
export class FakeConnector {
  readonly #server: http.Server;
  readonly #requests: RecordedRequest[] = [];
  #script: (ScriptedAnswer & { left: number })[] = [];
  #waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  #port = 0;
  #up = false;

  private constructor() {
    this.#server = http.createServer((req, res) => this.#handle(req, res));
    this.#server.keepAliveTimeout = 1000;
  }

  /** Starts a fake connector on 127.0.0.1 (`port` 0: any free port). */
  static async start(port = 0): Promise<FakeConnector> {
    const connector = new FakeConnector();
    await connector.#listen(port);
    return connector;
  }

  /** The serviceUrl to put in conversation references (with the trailing slash Teams uses). */
  get url(): string {
    return `http://127.0.0.1:${this.#port}/`;
  }

  get port(): number {
    return this.#port;
  }

  /** Every request, in arrival order, whatever the answer. */
  requests(): RecordedRequest[] {
    return [...this.#requests];
  }

  /** Messages delivered (send and reply answered 2xx). */
  posts(): RecordedRequest[] {
    return delivered(this.#requests, 'send', 'reply');
  }

  /** Updates delivered (PUT answered 2xx). */
  updates(): RecordedRequest[] {
    return delivered(this.#requests, 'update');
  }

  /** Conversations created (answered 2xx). */
  creates(): RecordedRequest[] {
    return delivered(this.#requests, 'create');
  }

  /** Scripts the answer for the next matching requests; scripts are used in the order given. */
  fail(answer: ScriptedAnswer): void {
    this.#script.push({ ...answer, left: answer.times ?? 1 });
  }

  /** Resolves with the first request (already seen or still to come) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.#requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`fake connector: no matching request within ${timeoutMs} ms (${this.#requests.length} seen)`));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  /** Refuses connections (the listening socket is closed, open connections destroyed) until `up()`. */
  async down(): Promise<void> {
    if (!this.#up) return;
    this.#up = false;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  /** Listens again on the same port. */
  async up(): Promise<void> {
    if (!this.#up) await this.#listen(this.#port);
  }

  /** Forgets recorded requests and scripts. */
  reset(): void {
    this.#requests.length = 0;
    this.#script = [];
  }

  async close(): Promise<void> {
    this.#waiters = [];
    await this.down();
  }

  async #listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    this.#up = true;
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const rawPath = (req.url ?? '/').split('?')[0];
      const segments = rawPath
        .split('/')
        .filter(Boolean)
        .map((s) => decodeURIComponent(s));
      const { route, conversationId, activityId } = routeOf(method, segments);
      let body: Record<string, unknown> = {};
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text) body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const record: RecordedRequest = {
        seq: this.#requests.length + 1,
        method,
        path: rawPath,
        route,
        conversationId,
        activityId,
        body,
        headers,
        status: 200,
        at: Date.now(),
      };

      const scripted = this.#takeScript(method, segments.join('/'));
      if (scripted?.delayMs) setTimeout(() => this.#answer(req, res, record, scripted), scripted.delayMs);
      else this.#answer(req, res, record, scripted);
    });
  }

  #answer(req: http.IncomingMessage, res: http.ServerResponse, record: RecordedRequest, scripted: ScriptedAnswer | undefined): void {
    const { route, activityId, body } = record;
    if (scripted?.status === 'drop') {
      record.status = 'dropped';
      this.#record(record);
      req.socket.destroy();
      return;
    }
    if (scripted && scripted.status !== 200) {
      record.status = scripted.status as number;
      const extra: Record<string, string> = scripted.retryAfter !== undefined ? { 'retry-after': String(scripted.retryAfter) } : {};
      this.#record(record);
      this.#json(
        res,
        record.status,
        { error: { code: ERROR_CODES[record.status] ?? 'Error', message: 'Scripted failure from the fake connector.' } },
        extra,
      );
      return;
    }
    if (route === 'other') {
      record.status = 404;
      this.#record(record);
      this.#json(res, 404, { error: { code: 'NotFound', message: 'The fake connector does not implement this route.' } });
      return;
    }
    if (route === 'create') {
      record.answeredId = `a:fake-conversation-${randomUUID()}`;
      this.#record(record);
      this.#json(res, 200, { id: record.answeredId, activityId: body.activity ? randomUUID() : undefined, serviceUrl: this.url });
      return;
    }
    record.answeredId = route === 'update' ? activityId : `fake-activity-${randomUUID()}`;
    this.#record(record);
    this.#json(res, 200, { id: record.answeredId });
  }

  #takeScript(method: string, decodedPath: string): ScriptedAnswer | undefined {
    const match = this.#script.find(
      (s) =>
        s.left > 0 &&
        (!s.method || s.method.toUpperCase() === method) &&
        (!s.path || (typeof s.path === 'string' ? `/${decodedPath}`.includes(s.path) : s.path.test(`/${decodedPath}`))),
    );
    if (!match) return undefined;
    match.left -= 1;
    this.#script = this.#script.filter((s) => s.left > 0);
    return match;
  }

  #record(record: RecordedRequest): void {
    this.#requests.push(record);
    for (const waiter of [...this.#waiters]) {
      if (waiter.predicate(record)) {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        waiter.resolve(record);
      }
    }
  }

  #json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }
}

/** Starts an in-process fake connector; see the file's note on restify. */
export function startFakeConnector(port = 0): Promise<FakeConnector> {
  return FakeConnector.start(port);
}

/** The fake connector in a child process, driven over its admin API; the same methods as FakeConnector, async. */
export interface RemoteFakeConnector {
  url: string;
  port: number;
  requests(): Promise<RecordedRequest[]>;
  posts(): Promise<RecordedRequest[]>;
  updates(): Promise<RecordedRequest[]>;
  creates(): Promise<RecordedRequest[]>;
  /** `path` must be a string here (a substring of the decoded path). */
  fail(answer: ScriptedAnswer & { path?: string }): Promise<void>;
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  down(): Promise<void>;
  up(): Promise<void>;
  reset(): Promise<void>;
  /** Ends the child process. */
  close(): Promise<void>;
}

const THIS_FILE = fileURLToPath(import.meta.url);

/** For tests whose process loads restify: runs the fake connector as a child process. */
export async function spawnFakeConnector(port = 0): Promise<RemoteFakeConnector> {
  const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE, String(port)], {
    cwd: path.resolve(path.dirname(THIS_FILE), '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ports = await new Promise<{ port: number; adminPort: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fake connector did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = /\{"port":\d+,"adminPort":\d+\}/.exec(output);
      if (line) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(JSON.parse(line[0]) as { port: number; adminPort: number });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`fake connector exited:\n${output}`));
    });
  });
  const admin = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${ports.adminPort}${route}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake connector admin ${route}: ${res.status}`);
    return (await res.json()) as T;
  };
  const requests = () => admin<RecordedRequest[]>('GET', '/requests');
  return {
    url: `http://127.0.0.1:${ports.port}/`,
    port: ports.port,
    requests,
    posts: async () => delivered(await requests(), 'send', 'reply'),
    updates: async () => delivered(await requests(), 'update'),
    creates: async () => delivered(await requests(), 'create'),
    fail: async (answer) => {
      await admin('POST', '/fail', answer);
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await requests()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`fake connector: no matching request within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    down: async () => {
      await admin('POST', '/down');
    },
    up: async () => {
      await admin('POST', '/up');
    },
    reset: async () => {
      await admin('POST', '/reset');
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The child process: the connector plus its admin API on another port (the connector's own port goes away when it is "down"). */
async function serveAsChild(port: number): Promise<void> {
  const connector = await FakeConnector.start(port);
  const admin = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        const route = `${req.method} ${req.url}`;
        if (route === 'GET /requests') return send(200, connector.requests());
        if (route === 'POST /fail') {
          connector.fail(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ScriptedAnswer);
          return send(200, {});
        }
        if (route === 'POST /down') await connector.down();
        else if (route === 'POST /up') await connector.up();
        else if (route === 'POST /reset') connector.reset();
        else return send(404, { error: 'unknown admin route' });
        return send(200, {});
      })();
    });
  });
  await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: connector.port, adminPort: (admin.address() as AddressInfo).port })}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await serveAsChild(Number(process.argv[2] ?? 0));
}
