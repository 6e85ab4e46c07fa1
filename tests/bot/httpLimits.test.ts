import { describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { loadConfig } from '../../bot/config.js';
import { applyHttpLimits, checkingIntervalMs } from '../../bot/httpLimits.js';
import { expectConfigRefused } from '../helpers/configErrors.js';

/** The production limits (issue 12 point 5); tests/e2e/serverTimeouts.test.ts watches short ones close slow connections. */
describe('HTTP limits', () => {
  it('default to 10 s for headers, 30 s for the whole request, 5 s for an idle kept-alive connection and 500 connections', () => {
    expect(loadConfig({}).http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5000,
      maxConnections: 500,
    });
  });

  it("are put on the HTTP server, which looks for expired requests every second rather than Node's 30 s", () => {
    const server = http.createServer();
    applyHttpLimits(server, loadConfig({}).http);
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(30_000);
    expect(server.keepAliveTimeout).toBe(5000);
    expect(server.maxConnections).toBe(500);
    expect((server as http.Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(1000);
  });

  it('look for expired requests often enough for a short test limit', () => {
    expect(checkingIntervalMs({ headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000, maxConnections: 10 })).toBe(250);
  });

  it('read the HTTP_* variables', () => {
    expect(
      loadConfig({
        HTTP_HEADERS_TIMEOUT_MS: '1000',
        HTTP_REQUEST_TIMEOUT_MS: '2000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '1500',
        HTTP_MAX_CONNECTIONS: '20',
      }).http,
    ).toEqual({ headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1500, maxConnections: 20 });
  });

  it.each([
    [{ HTTP_HEADERS_TIMEOUT_MS: '500' }, 'HTTP_HEADERS_TIMEOUT_MS', 'from 1000 to 60000'],
    [{ HTTP_REQUEST_TIMEOUT_MS: '0' }, 'HTTP_REQUEST_TIMEOUT_MS', 'from 1000 to 300000'],
    [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: 'five' }, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 'whole number'],
    [{ HTTP_MAX_CONNECTIONS: '0' }, 'HTTP_MAX_CONNECTIONS', 'from 10 to 10000'],
    [{ HTTP_HEADERS_TIMEOUT_MS: '40000' }, 'HTTP_HEADERS_TIMEOUT_MS', 'must not be longer than HTTP_REQUEST_TIMEOUT_MS (30000)'],
  ])('refuse %j naming %s and what is wrong', (env, variable, problem) => {
    expectConfigRefused(env, variable, problem);
  });
});
