import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttachmentDownloadError, AttachmentTooLargeError } from '../../../bot/attachments/attachmentErrors.js';
import { createAttachmentReader, httpsUnder } from '../../../bot/attachments/attachmentReader.js';
import { httpsOrLoopback } from '../../helpers/httpsOrLoopback.js';

const FILE = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
const CHUNK = Buffer.alloc(16 * 1024, 7);

let server: http.Server;
let base: string;
let seen: string[];
/** Bytes the endless route wrote before the client stopped reading. */
let endlessWritten: number;
let endlessClosed: Promise<void>;

function endless(res: http.ServerResponse, onClose: () => void) {
  endlessWritten = 0;
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  const pump = () => {
    while (!res.destroyed && endlessWritten < 200 * 1024 * 1024) {
      endlessWritten += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  res.on('close', onClose);
  pump();
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    seen.push(path);
    if (path === '/file.xlsx') {
      res.writeHead(200, { 'content-length': String(FILE.length) }).end(FILE);
    } else if (path === '/endless') {
      endlessClosed = new Promise((resolve) => endless(res, resolve));
    } else if (path === '/declared-large') {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write(CHUNK);
    } else if (path.startsWith('/status/')) {
      res.writeHead(Number(path.slice('/status/'.length))).end('nope');
    } else if (path === '/no-answer') {
      // Never answers: the client's timeout must end it.
    } else if (path === '/slow-body') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(CHUNK);
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('x')), 50);
    } else if (path === '/redirect') {
      res.writeHead(302, { location: '/file.xlsx' }).end();
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else if (path === '/redirect-away') {
      res.writeHead(302, { location: 'http://192.0.2.10/secret' }).end();
    } else if (path === '/drop') {
      req.socket.destroy();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
});

const reader = createAttachmentReader({ isAllowedUrl: httpsOrLoopback });
const limits = { maxBytes: 64 * 1024, timeoutMs: 2000 };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
}

describe('reading a Teams attachment over real HTTP', () => {
  it('reads a file whole', async () => {
    expect((await reader.read(`${base}/file.xlsx`, limits)).equals(FILE)).toBe(true);
  });

  it('follows a redirect to an allowed address', async () => {
    expect((await reader.read(`${base}/redirect`, limits)).equals(FILE)).toBe(true);
    expect(seen).toEqual(['/redirect', '/file.xlsx']);
  });

  it('stops reading a file with no Content-Length as soon as it passes the limit', async () => {
    const error = await failure(reader.read(`${base}/endless`, limits));
    expect(error).toBeInstanceOf(AttachmentTooLargeError);
    expect((error as Error).message).toContain('64 KB');
    await endlessClosed;
    // The server was cut off long before its 200 MB: only what was in flight (socket buffers) went out.
    expect(endlessWritten).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a file whose Content-Length is over the limit without reading it', async () => {
    expect(await failure(reader.read(`${base}/declared-large`, limits))).toBeInstanceOf(AttachmentTooLargeError);
  });

  it('takes a file exactly at the limit', async () => {
    expect((await reader.read(`${base}/file.xlsx`, { ...limits, maxBytes: FILE.length })).length).toBe(FILE.length);
    expect(await failure(reader.read(`${base}/file.xlsx`, { ...limits, maxBytes: FILE.length - 1 }))).toBeInstanceOf(
      AttachmentTooLargeError,
    );
  });

  it.each([
    [401, 'expired'],
    [403, 'expired'],
    [404, 'expired'],
    [500, 'few minutes'],
    [503, 'few minutes'],
  ])('explains an answer of %i in plain words', async (status, words) => {
    const error = await failure(reader.read(`${base}/status/${status}`, limits));
    expect(error).toBeInstanceOf(AttachmentDownloadError);
    expect(error).toMatchObject({ reason: 'status', status, code: 'upstream' });
    expect((error as Error).message).toContain(words);
  });

  it('gives up when no answer comes in time', async () => {
    const started = performance.now();
    const error = await failure(reader.read(`${base}/no-answer`, { ...limits, timeoutMs: 150 }));
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('gives up when the body trickles in past the time limit', async () => {
    const error = await failure(reader.read(`${base}/slow-body`, { maxBytes: 10 * 1024 * 1024, timeoutMs: 200 }));
    expect(error).toMatchObject({ reason: 'timeout' });
  });

  it('reports a dropped connection as a network problem', async () => {
    expect(await failure(reader.read(`${base}/drop`, limits))).toMatchObject({ reason: 'network' });
  });

  it('stops following a redirect loop', async () => {
    expect(await failure(reader.read(`${base}/loop`, limits))).toMatchObject({ reason: 'redirects' });
    expect(seen).toHaveLength(4);
  });

  it('never follows a redirect to an address the rule refuses', async () => {
    expect(await failure(reader.read(`${base}/redirect-away`, limits))).toMatchObject({ reason: 'notAllowed' });
    expect(seen).toEqual(['/redirect-away']);
  });

  it('by default fetches nothing but https', async () => {
    const strict = createAttachmentReader();
    for (const url of [`${base}/file.xlsx`, 'file:///etc/passwd', 'ftp://example.org/x.xlsx', 'not a url']) {
      expect(await failure(strict.read(url, limits))).toMatchObject({ reason: 'notAllowed' });
    }
    expect(seen).toEqual([]);
  });

  it('refuses an address with credentials in it', async () => {
    const url = `${base}/file.xlsx`.replace('http://', 'http://user:secret@');
    expect(await failure(reader.read(url, limits))).toMatchObject({ reason: 'notAllowed' });
    expect(seen).toEqual([]);
  });

  it('keeps the address (which carries a token) out of the error', async () => {
    const error = (await failure(reader.read(`${base}/status/403?tempauth=SECRET`, limits))) as AttachmentDownloadError;
    expect(JSON.stringify({ message: error.message, context: error.context })).not.toContain('SECRET');
  });
});

describe('the allowed-address rules', () => {
  it('can require the host to be under given domains', () => {
    const rule = httpsUnder(['sharepoint.com']);
    expect(rule(new URL('https://nhs-my.sharepoint.com/personal/x/file.xlsx'))).toBe(true);
    expect(rule(new URL('https://sharepoint.com/x'))).toBe(true);
    expect(rule(new URL('https://evilsharepoint.com/x'))).toBe(false);
    expect(rule(new URL('http://nhs.sharepoint.com/x'))).toBe(false);
  });

  it('lets plain http reach only this machine', () => {
    expect(httpsOrLoopback(new URL('http://localhost:3978/x'))).toBe(true);
    expect(httpsOrLoopback(new URL('http://127.0.0.1/x'))).toBe(true);
    expect(httpsOrLoopback(new URL('http://192.168.1.4/x'))).toBe(false);
  });
});
