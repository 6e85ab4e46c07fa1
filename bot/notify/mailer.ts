import { createHash } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import type Nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { onceUntilFailure } from '../onceUntilFailure.js';
import { DeliveryError, RETRYABLE_NETWORK_CODES } from './deliveryError.js';

/** One e-mail the notifier sends when Teams cannot reach the person. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The notification key: it becomes a deterministic Message-ID, so a repeated send is recognisable as the same message. */
  key: string;
}

/** The e-mail edge the notifier depends on; the real one is SMTP through nodemailer. */
export interface Mailer {
  /** Resolves once the relay accepted the message; rejects with a DeliveryError (`ambiguous` when the body was sent but no answer came). */
  send(message: MailMessage): Promise<void>;
  /** Releases what the mailer holds; used when the host stops. */
  close(): void;
}

export interface MailerOptions {
  /** Extra TLS settings (tests trust their own certificate with `ca`); verification stays on unless a caller turns it off. */
  tls?: ConnectionOptions;
  /** Connection, greeting and socket timeouts (nodemailer's own defaults run to minutes). */
  timeoutMs?: number;
}

/** A mailer when SMTP is configured (`config.smtp.host` not empty); otherwise undefined, and there is no e-mail fallback. */
export function createMailer(smtp: Config['smtp'], options: MailerOptions = {}): Mailer | undefined {
  if (!smtp.host) return undefined;
  const timeoutMs = options.timeoutMs ?? MAIL_TIMEOUT_MS;
  // One transport per message (nodemailer opens a connection per message anyway, pooling is off): its logger then
  // tells about that message alone. It is only read for the moment the body has been written; nodemailer's log lines
  // carry addresses, so none of them is passed on. nodemailer itself is loaded at the first e-mail (most days none is
  // needed, and it adds ~10 MB to the service's resident size).
  const transportFor = async (sent: { body: boolean }) =>
    (await loadNodemailer()).createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      // NHSmail's relay is port 587 with STARTTLS: never fall back to sending the password in clear.
      requireTLS: !smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
      tls: { minVersion: 'TLSv1.2', ...options.tls },
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * 2,
      logger: bodyWatcher(sent),
    });
  return {
    async send(message) {
      const sent = { body: false };
      const transport = await transportFor(sent);
      try {
        await transport.sendMail({
          from: smtp.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: messageIdFor(message.key, smtp.from),
          // RFC 3834: out-of-office replies should not answer an automatic message.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (err) {
        throw classifyMailError(err, sent.body);
      } finally {
        transport.close();
      }
    },
    // Each send closes its own connection when it ends: nothing stays open.
    close: () => undefined,
  };
}

/** The relay's connection, greeting and (doubled) socket timeouts unless configured. */
export const MAIL_TIMEOUT_MS = 20_000;

const loadNodemailer: () => Promise<typeof Nodemailer> = onceUntilFailure(() => import('nodemailer').then((module) => module.default));

type LogFn = (entry: unknown, ...rest: unknown[]) => void;

/** A nodemailer logger that only notes the end of the message body (its 'message' entry, logged once the body was written). */
function bodyWatcher(sent: { body: boolean }): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogFn> {
  const watch: LogFn = (entry) => {
    if ((entry as { tnx?: unknown } | null)?.tnx === 'message') sent.body = true;
  };
  const ignore: LogFn = () => undefined;
  return { trace: ignore, debug: ignore, info: watch, warn: ignore, error: ignore, fatal: ignore };
}

/** The Message-ID for a notification key: the same key always gives the same id (hashed: keys may hold characters ids may not). */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'ucp-onboarding.invalid';
  return `<notify.${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

/**
 * Maps nodemailer failures: bad credentials and certificates are `other`, SMTP 4xx and broken connections retryable,
 * 5xx permanent. A timeout or a broken connection once the message body was written (`bodySent`: the relay may have
 * taken the message, its answer was lost) is `ambiguous`; an SMTP answer still decides by its code.
 */
export function classifyMailError(err: unknown, bodySent = false): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; originalCode?: unknown };
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  const original = typeof e.originalCode === 'string' ? e.originalCode : '';
  // Settings to fix (credentials, a certificate we cannot verify): retrying now would fail the same way.
  if (['EAUTH', 'ENOAUTH', 'ETLS'].includes(code)) return new DeliveryError('other', code);
  if (/CERT|TLS|SSL/.test(original)) return new DeliveryError('other', /^[\w.-]{1,40}$/.test(original) ? `tls-${original}` : 'tls');
  if (typeof e.responseCode === 'number') {
    const reason = `smtp-${e.responseCode}`;
    if (e.responseCode >= 400 && e.responseCode < 500) return new DeliveryError('retryable', reason);
    if (e.responseCode >= 500) return new DeliveryError('permanent', reason);
  }
  if (['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS'].includes(code) || RETRYABLE_NETWORK_CODES.has(code)) {
    return new DeliveryError(bodySent && code !== 'EDNS' ? 'ambiguous' : 'retryable', code);
  }
  return new DeliveryError('other', /^[\w.-]{1,40}$/.test(code) ? code : 'unknown');
}
