import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Config } from '../../../bot/config.js';
import { classifyMailError, createMailer, messageIdFor } from '../../../bot/notify/mailer.js';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtpServer.js';

const FROM = 'ucp.onboarding@nhs.net';

describe('the SMTP mailer against a real SMTP server with STARTTLS', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const settings = (overrides: Partial<Config['smtp']> = {}): Config['smtp'] => ({
    host: smtp.host,
    port: smtp.port,
    secure: false,
    user: smtp.user,
    password: smtp.password,
    from: FROM,
    ...overrides,
  });
  // The test trusts its own certificate; verification itself stays on.
  const tls = () => ({ ca: smtp.certificate });

  it('has no mailer when no SMTP host is configured', () => {
    expect(createMailer({ host: '', port: 587, secure: false, user: '', password: '', from: '' })).toBeUndefined();
  });

  it('delivers over STARTTLS after authenticating, with the recipient, subject, body and a Message-ID made from the key', async () => {
    const mailer = createMailer(settings(), { tls: tls() });
    await mailer?.send({
      to: 'grace.adeyemi@nhs.net',
      subject: 'Your UCP access request',
      text: 'Your request T-000123 has been approved.',
      key: 'T-000123:approved:requester',
    });
    const mail = await smtp.waitFor((m) => m.subject === 'Your UCP access request');
    expect(mail.secure).toBe(true);
    expect(mail.user).toBe(smtp.user);
    expect(mail.rcptTo).toEqual(['grace.adeyemi@nhs.net']);
    expect(mail.mailFrom).toBe(FROM);
    expect(mail.headers.to).toBe('grace.adeyemi@nhs.net');
    expect(mail.text).toBe('Your request T-000123 has been approved.');
    expect(mail.messageId).toBe(messageIdFor('T-000123:approved:requester', FROM));
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    mailer?.close();
  });

  it('keeps a long message with non-ASCII characters intact', async () => {
    const mailer = createMailer(settings(), { tls: tls() });
    const text = `We’ve created the accounts for Rosewood Court – ${'each person gets an activation e-mail from the UCP. '.repeat(4)}\nThank you.`;
    await mailer?.send({
      to: 'grace.adeyemi@nhs.net',
      subject: 'Accounts created – next steps',
      text,
      key: 'T-000124:provisioned:requester',
    });
    const mail = await smtp.waitFor((m) => m.messageId === messageIdFor('T-000124:provisioned:requester', FROM));
    expect(mail.text.replace(/\r\n/g, '\n')).toBe(text);
    mailer?.close();
  });

  it('gives the same key the same Message-ID, and different keys different ones, in a valid form', () => {
    const id = messageIdFor('T-000123:approved:requester', FROM);
    expect(id).toMatch(/^<notify\.[0-9a-f]{32}@nhs\.net>$/);
    expect(messageIdFor('T-000123:approved:requester', `UCP onboarding <${FROM}>`)).toBe(id);
    expect(messageIdFor('T-000123:rejected:requester', FROM)).not.toBe(id);
  });

  it('refuses a server whose certificate it cannot verify (no silent downgrade)', async () => {
    const mailer = createMailer(settings(), { timeoutMs: 5000 });
    await expect(mailer?.send({ to: 'a@nhs.net', subject: 's', text: 't', key: 'k1' })).rejects.toMatchObject({ kind: 'other' });
    mailer?.close();
  });

  it('reports a wrong password as a setting to fix, not something to retry', async () => {
    const mailer = createMailer(settings({ password: 'wrong' }), { tls: tls() });
    await expect(mailer?.send({ to: 'a@nhs.net', subject: 's', text: 't', key: 'k2' })).rejects.toMatchObject({
      kind: 'other',
      reason: 'EAUTH',
    });
    mailer?.close();
  });

  it('reports a relay that is down as retryable', async () => {
    await smtp.down();
    try {
      const mailer = createMailer(settings(), { tls: tls() });
      await expect(mailer?.send({ to: 'a@nhs.net', subject: 's', text: 't', key: 'k3' })).rejects.toMatchObject({ kind: 'retryable' });
      mailer?.close();
    } finally {
      await smtp.up();
    }
  });
});

describe('a relay that does not offer STARTTLS', () => {
  let plain: TestSmtpServer;
  beforeAll(async () => {
    plain = await startSmtpServer({ startTls: false });
  });
  afterAll(async () => {
    await plain.close();
  });

  it('is refused before the password is sent (port 587 must upgrade to TLS)', async () => {
    const mailer = createMailer({
      host: plain.host,
      port: plain.port,
      secure: false,
      user: plain.user,
      password: plain.password,
      from: FROM,
    });
    await expect(mailer?.send({ to: 'a@nhs.net', subject: 's', text: 't', key: 'k4' })).rejects.toMatchObject({ kind: 'other' });
    expect(plain.authAttempts()).toBe(0);
    expect(plain.messages()).toHaveLength(0);
    mailer?.close();
  });
});

describe('a relay that stops answering', () => {
  // No TLS setup of our own here: smtp-server's built-in certificate, not verified (only the timing matters).
  let silentAt: 'rcpt' | 'data';
  let bodies = 0;
  const relay = new SMTPServer({
    secure: false,
    authOptional: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (silentAt !== 'rcpt') callback();
    },
    onData(stream) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        bodies += 1;
      });
    },
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    port = (relay.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  });
  const mailer = () =>
    createMailer(
      { host: '127.0.0.1', port, secure: false, user: '', password: '', from: FROM },
      { timeoutMs: 200, tls: { rejectUnauthorized: false } },
    );

  it('after the whole message was sent is ambiguous: the relay may have taken it, so it must not be sent again', async () => {
    silentAt = 'data';
    await expect(mailer()?.send({ to: 'a@nhs.net', subject: 's', text: 't', key: 'k5' })).rejects.toMatchObject({
      kind: 'ambiguous',
      reason: 'ETIMEDOUT',
    });
    expect(bodies).toBe(1);
  });

  it('before the message was sent is retryable: nothing can have been delivered', async () => {
    silentAt = 'rcpt';
    await expect(mailer()?.send({ to: 'a@nhs.net', subject: 's', text: 't', key: 'k6' })).rejects.toMatchObject({
      kind: 'retryable',
      reason: 'ETIMEDOUT',
    });
    expect(bodies).toBe(1);
  });
});

describe('classifying SMTP errors', () => {
  const smtpError = (code: string, responseCode?: number) => Object.assign(new Error('x'), { code, responseCode });

  it('retries a 4xx answer and a broken connection, and never a 5xx one', () => {
    expect(classifyMailError(smtpError('EENVELOPE', 451)).kind).toBe('retryable');
    expect(classifyMailError(smtpError('ECONNECTION')).kind).toBe('retryable');
    expect(classifyMailError(smtpError('EENVELOPE', 550))).toMatchObject({ kind: 'permanent', reason: 'smtp-550' });
  });

  it('counts a timeout or a broken connection after the body as ambiguous, but an answer after the body still by its code', () => {
    expect(classifyMailError(smtpError('ETIMEDOUT'), true)).toMatchObject({ kind: 'ambiguous', reason: 'ETIMEDOUT' });
    expect(classifyMailError(smtpError('ECONNECTION'), true).kind).toBe('ambiguous');
    expect(classifyMailError(smtpError('ETIMEDOUT'), false).kind).toBe('retryable');
    expect(classifyMailError(smtpError('EMESSAGE', 451), true).kind).toBe('retryable');
    expect(classifyMailError(smtpError('EMESSAGE', 554), true).kind).toBe('permanent');
  });
});
