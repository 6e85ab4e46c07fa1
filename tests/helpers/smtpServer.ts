/**
 * A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1: STARTTLS with a certificate made for the test
 * run by `openssl`, AUTH only after STARTTLS (as NHSmail's relay), and every accepted message kept for assertions.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A message as the server received it, with the few headers tests look at. */
export interface ReceivedMail {
  mailFrom: string;
  rcptTo: string[];
  /** Header names in lower case; folded lines joined. The first occurrence wins. */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** The body, decoded from quoted-printable when so encoded. */
  text: string;
  raw: string;
  /** True when the session had switched to TLS (STARTTLS) before the message. */
  secure: boolean;
  user?: string;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The PEM certificate the server presents, for the client's `tls.ca`. */
  certificate: string;
  messages(): ReceivedMail[];
  /** Forgets the messages received so far. */
  clear(): void;
  /** How many AUTH attempts reached the server. */
  authAttempts(): number;
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Stops listening (connections are refused) until `up()`. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

let certificate: { key: string; cert: string } | undefined;

/** A self-signed certificate for localhost and 127.0.0.1, made once per test process. */
function testCertificate(): { key: string; cert: string } {
  if (certificate) return certificate;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-smtp-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    certificate = { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
    return certificate;
  } catch (err) {
    throw new Error(`smtpServer test helper needs openssl on PATH to make its certificate (${(err as Error).message})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses the header block and body of a raw message. */
export function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  const quotedPrintable = /quoted-printable/i.test(headers['content-transfer-encoding'] ?? '');
  const text = quotedPrintable ? decodeQuotedPrintable(body) : body;
  return { headers, text: text.replace(/\r\n$/, '') };
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Starts the server on a free port (or `port`); `startTls: false` makes a relay that offers no STARTTLS and takes AUTH in clear. */
export async function startSmtpServer(
  options: { user?: string; password?: string; port?: number; startTls?: boolean } = {},
): Promise<TestSmtpServer> {
  const user = options.user ?? 'ucp-bot@nhs.net';
  const password = options.password ?? 'test-relay-password';
  const { key, cert } = testCertificate();
  const received: ReceivedMail[] = [];
  let waiters: { predicate: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  let server: SMTPServer | undefined;
  let port = options.port ?? 0;
  let auths = 0;

  const make = () =>
    new SMTPServer({
      key,
      cert,
      secure: false,
      logger: false,
      authMethods: ['PLAIN', 'LOGIN'],
      hideSTARTTLS: options.startTls === false,
      allowInsecureAuth: options.startTls === false,
      onAuth(auth, _session, callback) {
        auths += 1;
        if (auth.username === user && auth.password === password) return callback(null, { user: auth.username });
        return callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const { headers, text } = parseMail(raw);
          const mail: ReceivedMail = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            headers,
            subject: headers.subject ?? '',
            messageId: headers['message-id'] ?? '',
            text,
            raw,
            secure: session.secure,
            user: typeof session.user === 'string' ? session.user : undefined,
          };
          received.push(mail);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(mail)) {
              waiters = waiters.filter((w) => w !== waiter);
              waiter.resolve(mail);
            }
          }
          callback();
        });
      },
    });

  const up = async () => {
    if (server) return;
    const next = make();
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  };
  const down = async () => {
    const current = server;
    server = undefined;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await up();

  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    user,
    password,
    certificate: cert,
    messages: () => [...received],
    clear: () => {
      received.length = 0;
    },
    authAttempts: () => auths,
    waitFor(predicate, timeoutMs = 5000) {
      const seen = received.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: ReceivedMail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`smtp server: no matching message within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    down,
    up,
    close: down,
  };
}
