import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { DeliveryError } from '../../../bot/notify/deliveryError.js';
import { classifyTeamsError, createTeamsSender } from '../../../bot/notify/teamsSender.js';
import { startFakeConnector, type FakeConnector } from '../../helpers/fakeConnector.js';
import { localAdapter, teamsReference } from './notifyFixtures.js';

const NOW = new Date('2026-03-02T10:00:00Z');

describe('the Teams sender, through the real CloudAdapter in local mode against a fake connector', () => {
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterEach(() => connector.reset());
  afterAll(async () => {
    await connector.close();
  });

  const sender = () => createTeamsSender(localAdapter(), '');

  it('posts a new message (not a reply) to the stored conversation and returns the activity id the connector gave', async () => {
    const { activityId } = await sender().send(teamsReference(connector.url), {
      type: 'message',
      text: 'Your request T-000123 has been approved.',
    });
    const [post] = connector.posts();
    expect(post.route).toBe('send');
    expect(post.path).toBe('/v3/conversations/a%3A1on1-manager/activities');
    expect(post.body).toMatchObject({
      type: 'message',
      text: 'Your request T-000123 has been approved.',
      conversation: { id: 'a:1on1-manager' },
      recipient: { id: '29:manager' },
    });
    expect(post.body.replyToId).toBeUndefined();
    expect(post.headers.authorization).toBeUndefined();
    expect(activityId).toBe(post.answeredId);
  });

  it('replaces a posted card with a PUT on that activity', async () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Approved' }] };
    await sender().update(teamsReference(connector.url), 'activity-42', {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    const [put] = connector.updates();
    expect(put.method).toBe('PUT');
    expect(put.activityId).toBe('activity-42');
    expect(put.body).toMatchObject({ id: 'activity-42', attachments: [{ content: card }] });
  });

  it("makes one HTTP request per attempt: the SDK's own retries are off, so ours alone decide", async () => {
    connector.fail({ status: 500, times: 1 });
    await expect(sender().send(teamsReference(connector.url), { type: 'message', text: 'x' })).rejects.toMatchObject({
      kind: 'retryable',
      reason: 'http-500',
    });
    expect(connector.requests()).toHaveLength(1);
  });

  it('reports 429 as retryable with the wait the connector asked for', async () => {
    connector.fail({ status: 429, retryAfter: 3 });
    await expect(sender().send(teamsReference(connector.url), { type: 'message', text: 'x' })).rejects.toMatchObject({
      kind: 'retryable',
      reason: 'http-429',
      retryAfterMs: 3000,
    });
  });

  it.each([[403], [404]])('reports %i as permanent: the bot was removed or blocked, or the conversation is gone', async (status) => {
    connector.fail({ status });
    await expect(sender().send(teamsReference(connector.url), { type: 'message', text: 'x' })).rejects.toMatchObject({
      kind: 'permanent',
      reason: `http-${status}`,
    });
  });

  it('reports a 502 answer as retryable', async () => {
    connector.fail({ status: 502 });
    await expect(sender().send(teamsReference(connector.url), { type: 'message', text: 'x' })).rejects.toMatchObject({
      kind: 'retryable',
      reason: 'http-502',
    });
  });

  it('reports a connection dropped after the whole request was written as ambiguous: it may have been delivered', async () => {
    connector.fail({ status: 'drop' });
    await expect(sender().send(teamsReference(connector.url), { type: 'message', text: 'x' })).rejects.toMatchObject({
      kind: 'ambiguous',
      reason: 'ECONNRESET',
    });
    connector.fail({ status: 'drop' });
    await expect(sender().update(teamsReference(connector.url), 'a1', { type: 'message', text: 'x' })).rejects.toMatchObject({
      kind: 'ambiguous',
    });
    expect(connector.requests().map((r) => r.status)).toEqual(['dropped', 'dropped']);
  });

  it('reports a refused connection as retryable at once (no hidden retries)', async () => {
    await connector.down();
    const started = Date.now();
    try {
      await expect(sender().send(teamsReference(connector.url), { type: 'message', text: 'x' })).rejects.toMatchObject({
        kind: 'retryable',
        reason: 'ECONNREFUSED',
      });
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await connector.up();
    }
  });

  it('reports a connection closed before the request was written as retryable: nothing can have been delivered', async () => {
    // Accepts, then closes at once without reading: the request is still waiting for the TLS handshake, never written.
    const closing = net.createServer((socket) => {
      socket.destroy();
    });
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(closing.address() as AddressInfo).port}/`;
      await expect(sender().send(teamsReference(url), { type: 'message', text: 'x' })).rejects.toMatchObject({
        kind: 'retryable',
        reason: 'ECONNRESET',
      });
    } finally {
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
  });

  it('reports a timeout before the request could be written (a connection that never completes its handshake) as retryable', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      await expect(
        createTeamsSender(localAdapter(), '', { timeoutMs: 300 }).send(teamsReference(url), { type: 'message', text: 'x' }),
      ).rejects.toMatchObject({ kind: 'retryable', reason: 'timeout' });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('gives up on a connector that accepts the request but never answers, after its timeout, as ambiguous', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    try {
      const started = Date.now();
      await expect(
        createTeamsSender(localAdapter(), '', { timeoutMs: 300 }).send(teamsReference(url), { type: 'message', text: 'x' }),
      ).rejects.toMatchObject({ kind: 'ambiguous', reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('classifying connector errors', () => {
  const restError = (statusCode: number, headers: Record<string, string> = {}) =>
    Object.assign(new Error('x'), { name: 'RestError', statusCode, response: { headers: { get: (name: string) => headers[name] } } });

  it('reads Retry-After given as an HTTP date on a 503', () => {
    expect(classifyTeamsError(restError(503, { 'retry-after': 'Mon, 02 Mar 2026 10:00:05 GMT' }), NOW)).toMatchObject({
      kind: 'retryable',
      retryAfterMs: 5000,
    });
  });

  it('counts a broken connection or a timeout as ambiguous once the request was written (or when that is unknown), retryable before', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const timeout = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    expect(classifyTeamsError(reset, NOW, true)).toMatchObject({ kind: 'ambiguous', reason: 'ECONNRESET' });
    expect(classifyTeamsError(reset, NOW, undefined)).toMatchObject({ kind: 'ambiguous', reason: 'ECONNRESET' });
    expect(classifyTeamsError(reset, NOW, false)).toMatchObject({ kind: 'retryable', reason: 'ECONNRESET' });
    expect(classifyTeamsError(timeout, NOW, true)).toMatchObject({ kind: 'ambiguous', reason: 'timeout' });
    expect(classifyTeamsError(timeout, NOW, false)).toMatchObject({ kind: 'retryable', reason: 'timeout' });
  });

  it('never counts an answered status, a refused connection or an unknown host as ambiguous', () => {
    expect(classifyTeamsError(restError(503), NOW, true).kind).toBe('retryable');
    expect(classifyTeamsError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), NOW, true).kind).toBe('retryable');
    expect(classifyTeamsError(Object.assign(new Error('x'), { code: 'ENOTFOUND' }), NOW, undefined).kind).toBe('retryable');
  });

  it('treats a 400 or 401 as neither retryable nor permanent', () => {
    expect(classifyTeamsError(restError(400), NOW).kind).toBe('other');
    expect(classifyTeamsError(restError(401), NOW).kind).toBe('other');
  });

  it('keeps only a code, never the error message, as the reason', () => {
    const failure = classifyTeamsError(new Error('grace.adeyemi@nhs.net could not be reached'), NOW);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure.reason).toBe('Error');
  });
});
