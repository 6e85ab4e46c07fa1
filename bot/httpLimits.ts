import type http from 'node:http';
import type { HttpLimits } from './config.js';

/**
 * Puts the configured timeouts and connection cap on the HTTP server, before it listens.
 * A slow-loris client (headers sent a byte at a time, a body that never ends, a socket that says nothing) is answered
 * 408 and closed once its time is up, and no more than `maxConnections` sockets are held at once.
 */
export function applyHttpLimits(server: http.Server, limits: HttpLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // Node looks for expired requests only every 30 s by default, so a 10 s limit could let a connection live 40 s.
  // It reads this when the server starts listening.
  (server as http.Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = checkingIntervalMs(limits);
}

/** How often expired requests are looked for: often enough that none outlives its limit by more than a second. */
export function checkingIntervalMs(limits: HttpLimits): number {
  return Math.min(1000, Math.floor(limits.headersTimeoutMs / 4));
}
