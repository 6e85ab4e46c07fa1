import { httpsOnly, onThisMachine } from '../../bot/attachments/attachmentReader.js';

/** https anywhere, or a file on this machine: what the tests' file servers need. */
export function httpsOrLoopback(url: URL): boolean {
  return httpsOnly(url) || onThisMachine(url);
}
