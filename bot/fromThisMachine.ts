/** Who counts as this machine for answers only this machine may read (the full /healthz). No restify here: tests load it alone. */

import { isLoopbackHost } from './config.js';

/** Loopback and not relayed: a proxy on this machine that forwards outside requests says so in a Forwarded header. */
export function isFromThisMachine(remoteAddress: string | undefined, headers: Record<string, unknown>): boolean {
  if (headers.forwarded !== undefined || headers['x-forwarded-for'] !== undefined) return false;
  return isLoopbackHost(remoteAddress ?? '');
}
