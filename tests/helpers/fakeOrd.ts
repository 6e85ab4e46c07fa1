/**
 * A fake ORD API: a small real HTTP server answering `GET /ORD/2-0-0/organisations/{code}` from fixtures
 * (tests/helpers/ordFixtures.ts), that can be told to be slow, to fail, to answer garbage or to hang up.
 * `const ord = await startFakeOrd()`, then `createOrdClient({ baseUrl: ord.url })`; `await ord.close()` after.
 * Run it in a process that has not loaded restify (restify patches Node's ServerResponse for the whole process);
 * the bot under test in a child process (tests/helpers/botProcess.ts) can use it with its ORD base URL set to `ord.url`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOT_FOUND_BODY, ORD_FIXTURES } from './ordFixtures.js';

/** One request the fake saw. */
export interface OrdRequest {
  code: string;
  path: string;
  /** performance.now() when it arrived. */
  at: number;
}

/** What the next `times` requests (default 1) get instead of the fixture: an HTTP status, a body that is not JSON, or a dropped connection. */
export interface OrdFault {
  kind: 'status' | 'malformed' | 'drop';
  status?: number;
  times?: number;
}

/** A running fake ORD server and the handles to steer it. */
export interface FakeOrd {
  url: string;
  readonly requests: readonly OrdRequest[];
  /** Every answer waits this long first (0 by default). */
  delayMs: number;
  fail(fault: OrdFault): void;
  /** Serves (or, with undefined, stops serving) one code. */
  setFixture(code: string, body: unknown): void;
  close(): Promise<void>;
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeOrd(fixtures: Readonly<Record<string, unknown>> = ORD_FIXTURES): Promise<FakeOrd> {
  const served = new Map(Object.entries(fixtures));
  const requests: OrdRequest[] = [];
  const faults: Array<OrdFault & { left: number }> = [];
  const timers = new Set<NodeJS.Timeout>();

  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const match = /^\/ORD\/2-0-0\/organisations\/([^/]+)$/.exec(path);
    if (req.method !== 'GET' || !match) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>');
      return;
    }
    const code = decodeURIComponent(match[1]);
    requests.push({ code, path, at: performance.now() });
    const fault = faults[0];
    if (fault) {
      fault.left -= 1;
      if (fault.left <= 0) faults.shift();
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"Organisation": {"Name": "TRUNCA');
        return;
      }
      res.writeHead(fault.status ?? 500, { 'content-type': 'application/json' }).end(JSON.stringify({ errorCode: fault.status ?? 500, errorText: 'Error' }));
      return;
    }
    const body = served.get(code);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(NOT_FOUND_BODY));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const fake = {
    url: '',
    requests,
    delayMs: 0,
    fail(fault: OrdFault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    setFixture(code: string, body: unknown) {
      if (body === undefined) served.delete(code);
      else served.set(code, body);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = http.createServer((req, res) => {
    if (fake.delayMs <= 0) {
      answer(req, res);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) answer(req, res);
    }, fake.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** A base URL where nothing listens, so a connection is refused. */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
