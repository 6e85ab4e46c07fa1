/**
 * Reads a file a person attached in Teams from its download URL: only from allowed addresses, within a time limit,
 * and never more than `maxBytes` into memory (the bytes are counted as they arrive; Content-Length is only a hint).
 */
import type { AttachmentReader } from '../../dialogs/dialogServices.js';
import { AttachmentDownloadError, AttachmentTooLargeError } from './attachmentErrors.js';

/** Settings for createAttachmentReader. */
export interface AttachmentReaderOptions {
  /** Which addresses may be fetched, redirects included; default `httpsOnly`. */
  isAllowedUrl?: (url: URL) => boolean;
  /** Default 3. */
  maxRedirects?: number;
}

/** The default rule: https only. Teams gives pre-authenticated SharePoint/OneDrive links, so no credentials are ever sent. */
export function httpsOnly(url: URL): boolean {
  return url.protocol === 'https:';
}

/** A file on this machine (the Agents Playground serves the files a person sends from it): allowed in local mode only. */
export function onThisMachine(url: URL): boolean {
  return ['http:', 'https:'].includes(url.protocol) && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** A rule that also requires the host to be one of `suffixes` or under it (e.g. ['sharepoint.com']). */
export function httpsUnder(suffixes: readonly string[]): (url: URL) => boolean {
  const wanted = suffixes.map((s) => s.toLowerCase().replace(/^\.+/, ''));
  return (url) => httpsOnly(url) && wanted.some((s) => url.hostname === s || url.hostname.endsWith(`.${s}`));
}

function errorName(error: unknown): unknown {
  return (error as { name?: unknown } | null)?.name;
}

function toAllowedUrl(text: string, base: string | undefined, isAllowed: (url: URL) => boolean): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new AttachmentDownloadError('notAllowed');
  }
  // Credentials in a URL would be sent to whoever the host is.
  if (url.username !== '' || url.password !== '' || !isAllowed(url)) throw new AttachmentDownloadError('notAllowed');
  return url;
}

async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AttachmentTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

async function download(
  start: URL,
  maxBytes: number,
  signal: AbortSignal,
  isAllowed: (url: URL) => boolean,
  maxRedirects: number,
): Promise<Buffer> {
  let url = start;
  for (let redirects = 0; ; redirects += 1) {
    // Redirects are followed by hand so every hop is checked against the rule.
    const response = await fetch(url, { redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      if (redirects >= maxRedirects) throw new AttachmentDownloadError('redirects');
      url = toAllowedUrl(location, url.href, isAllowed);
      continue;
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw new AttachmentDownloadError('status', response.status);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new AttachmentTooLargeError(maxBytes);
    }
    return response.body ? readLimited(response.body, maxBytes) : Buffer.alloc(0);
  }
}

/** Builds the reader the conversations use (dialogServices.attachments). */
export function createAttachmentReader(options: AttachmentReaderOptions = {}): AttachmentReader {
  const isAllowed = options.isAllowedUrl ?? httpsOnly;
  const maxRedirects = options.maxRedirects ?? 3;
  return {
    async read(urlText, { maxBytes, timeoutMs }) {
      const url = toAllowedUrl(urlText, undefined, isAllowed);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await download(url, maxBytes, signal, isAllowed, maxRedirects);
      } catch (error) {
        if (error instanceof AttachmentTooLargeError || error instanceof AttachmentDownloadError) throw error;
        // The timeout can fire while waiting for headers or in the middle of the body.
        if (signal.aborted || errorName(error) === 'TimeoutError' || errorName(error) === 'AbortError')
          throw new AttachmentDownloadError('timeout');
        throw new AttachmentDownloadError('network');
      }
    },
  };
}
