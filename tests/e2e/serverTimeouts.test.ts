import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { type BotProcess, messageActivity, startBotProcess, stopBot } from '../helpers/botProcess.js';

/**
 * A bounded slow-loris over loopback only: 200 sockets that trickle headers, trickle a body, say nothing, or sit idle on a
 * kept-alive connection. The bot runs with short limits (production uses 10 s / 30 s / 5 s, checked in
 * tests/bot/httpLimits.test.ts) so the whole attack is over in seconds.
 */
const LIMITS = { HTTP_HEADERS_TIMEOUT_MS: '4000', HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' };
/** Every socket is destroyed by the test itself past this, whatever the server does, so the test always ends. */
const GIVE_UP_MS = 14_000;
const TRICKLE_MS = 250;

type Kind = 'says nothing' | 'trickles its headers' | 'trickles its body' | 'idles after one request';

interface SlowSocket {
  kind: Kind;
  /** Milliseconds from the start of the attack until the server closed it; undefined while open. */
  closedAfterMs?: number;
  /** What the server wrote before closing (a 408, or the answer to the one complete request). */
  received: string;
}

/** Opens one slow socket on 127.0.0.1; resolves once it is connected. Its trickle stops when it closes or at GIVE_UP_MS. */
function openSlowSocket(port: number, kind: Kind, startedAt: number): Promise<SlowSocket> {
  const slow: SlowSocket = { kind, received: '' };
  const socket = net.connect(port, '127.0.0.1');
  let trickle: NodeJS.Timeout | undefined;
  const giveUp = setTimeout(() => socket.destroy(), GIVE_UP_MS);
  socket.on('data', (chunk: Buffer) => {
    slow.received += chunk.toString();
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    slow.closedAfterMs ??= Date.now() - startedAt;
    clearInterval(trickle);
    clearTimeout(giveUp);
  });
  const write = (text: string) => {
    if (socket.writable) socket.write(text);
  };
  return new Promise((resolve) =>
    socket.on('connect', () => {
      if (kind === 'trickles its headers') {
        write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        let n = 0;
        trickle = setInterval(() => write(`X-Slow-${n++}: a\r\n`), TRICKLE_MS);
      } else if (kind === 'trickles its body') {
        write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{');
        trickle = setInterval(() => write(' '), TRICKLE_MS);
      } else if (kind === 'idles after one request') {
        write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
      }
      resolve(slow);
    }),
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

const welcomeTurn = (url: string) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity({ deliveryMode: 'expectReplies' })),
  });

describe('200 slow or idle connections over loopback', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess(LIMITS);
    expect((await welcomeTurn(bot.url)).status).toBe(200); // the first turn loads the dialogs: not what is measured here
  });
  afterAll(() => stopBot(bot));

  it('are all closed by the server within their time limits, while /healthz and a message turn still answer promptly', async () => {
    const port = Number(new URL(bot.url).port);
    const startedAt = Date.now();
    const kinds: Kind[] = ['says nothing', 'trickles its headers', 'trickles its body', 'idles after one request'];
    const sockets = await Promise.all(Array.from({ length: 200 }, (_, i) => openSlowSocket(port, kinds[i % kinds.length], startedAt)));
    const attackers = sockets.filter((s) => s.kind !== 'idles after one request');

    const health = await timed(() => fetch(`${bot.url}/healthz`));
    const turn = await timed(() => welcomeTurn(bot.url));
    expect(health.value.status).toBe(200);
    expect(health.ms).toBeLessThan(3000);
    expect(turn.value.status).toBe(200);
    expect(((await turn.value.json()) as { activities: Array<{ text: string }> }).activities[0].text).toContain(
      'Universal Care Plan (UCP)',
    );
    expect(turn.ms).toBeLessThan(3000);
    // Both were answered while every slow request was still being held open (none had reached its limit yet).
    expect(attackers.filter((s) => s.closedAfterMs !== undefined)).toEqual([]);

    while (sockets.some((s) => s.closedAfterMs === undefined) && Date.now() - startedAt < GIVE_UP_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const byKind = (kind: Kind) => sockets.filter((s) => s.kind === kind);
    const latest = (kind: Kind) => Math.max(...byKind(kind).map((s) => s.closedAfterMs ?? Infinity));
    // Each limit, plus Node's once-a-second check and room for a busy machine.
    expect(latest('says nothing')).toBeLessThan(4000 + 2000);
    expect(latest('trickles its headers')).toBeLessThan(4000 + 2000);
    expect(latest('trickles its body')).toBeLessThan(5000 + 2000);
    expect(latest('idles after one request')).toBeLessThan(1000 + 2000);
    for (const kind of ['says nothing', 'trickles its headers', 'trickles its body'] as Kind[]) {
      expect(byKind(kind).every((s) => s.received.startsWith('HTTP/1.1 408'))).toBe(true);
    }
    expect(byKind('idles after one request').every((s) => s.received.startsWith('HTTP/1.1 200'))).toBe(true);

    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    // Closing them is routine: no stack, no error line per connection.
    expect(bot.output()).not.toMatch(/^\s+at |"level":"error"/m);
  }, 20_000);
});

describe('the connection cap', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess({ ...LIMITS, HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS: '10' });
  });
  afterAll(() => stopBot(bot));

  it('drops connections past the cap, and takes them again once the slow ones are closed', async () => {
    const port = Number(new URL(bot.url).port);
    const startedAt = Date.now();
    const held = await Promise.all(Array.from({ length: 10 }, () => openSlowSocket(port, 'says nothing', startedAt)));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the bot has accepted them all
    const refused = await fetch(`${bot.url}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);

    while (held.some((s) => s.closedAfterMs === undefined) && Date.now() - startedAt < GIVE_UP_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(held.every((s) => s.received.startsWith('HTTP/1.1 408'))).toBe(true);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 20_000);
});
