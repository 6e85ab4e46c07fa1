import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createLogger } from '../../../bot/log.js';
import { createOrdClient, type OrdClientOptions } from '../../../bot/ods/ordClient.js';
import { RateLimiter } from '../../../bot/ods/rateLimiter.js';
import { refusedUrl, startFakeOrd, type FakeOrd } from '../../fixtures/fakeOrd.js';
import { CARE_HOME } from '../../fixtures/ordFixtures.js';

let ord: FakeOrd;
let logLines: string[];

beforeEach(async () => {
  ord = await startFakeOrd();
  logLines = [];
});

afterEach(async () => {
  await ord.close();
});

function client(options: OrdClientOptions = {}) {
  return createOrdClient({ baseUrl: ord.url, logger: createLogger('debug', (line) => logLines.push(line)), ...options });
}

describe('the ODS directory client over real HTTP', () => {
  it('finds a care home with its name, postcode, roles and ICB', async () => {
    const result = await client().lookup('VX1A2');
    expect(result).toEqual({
      status: 'found',
      organisation: {
        odsCode: 'VX1A2',
        name: 'SUNNYVIEW CARE HOME',
        postcode: 'N1 7AB',
        active: true,
        roleIds: ['RO101'],
        primaryRoleId: 'RO101',
        icbCode: 'QMJ',
      },
    });
    expect(ord.requests.map((r) => r.path)).toEqual(['/ORD/2-0-0/organisations/VX1A2']);
  });

  it('tidies what a person typed before asking (spaces, lower case)', async () => {
    const result = await client().lookup('  vx1 a2 ');
    expect(result.status).toBe('found');
    expect(ord.requests.map((r) => r.code)).toEqual(['VX1A2']);
  });

  it('says not found when the directory answers 404', async () => {
    expect(await client().lookup('VQ0Q0')).toEqual({ status: 'notFound' });
    expect(ord.requests).toHaveLength(1);
  });

  it.each(['', 'V-1A2', 'AB', 'VERYLONGCODE', 'Jane Smith'])('refuses %p locally without asking the directory', async (typed) => {
    expect(await client().lookup(typed)).toEqual({ status: 'notFound' });
    expect(ord.requests).toHaveLength(0);
  });

  it('reports a closed organisation as found but not active', async () => {
    const result = await client().lookup('VX9Z9');
    expect(result.status === 'found' && result.organisation.active).toBe(false);
  });

  it.each([500, 502, 503, 429, 400])('is unavailable when the directory answers %i, and does not keep that answer', async (status) => {
    const ods = client();
    ord.fail({ kind: 'status', status });
    expect(await ods.lookup('VX1A2')).toEqual({ status: 'unavailable' });
    expect((await ods.lookup('VX1A2')).status).toBe('found');
    expect(ord.requests).toHaveLength(2);
  });

  it('is unavailable when the answer is not JSON', async () => {
    ord.fail({ kind: 'malformed' });
    expect(await client().lookup('VX1A2')).toEqual({ status: 'unavailable' });
  });

  it('is unavailable when the answer is JSON but not an organisation', async () => {
    ord.setFixture('VX1A2', { Organisation: { Status: 'Active' } });
    expect(await client().lookup('VX1A2')).toEqual({ status: 'unavailable' });
  });

  it('is unavailable when the directory hangs up without answering', async () => {
    ord.fail({ kind: 'drop' });
    expect(await client().lookup('VX1A2')).toEqual({ status: 'unavailable' });
  });

  it('is unavailable when nothing listens at the address', async () => {
    const ods = createOrdClient({ baseUrl: await refusedUrl(), logger: createLogger('debug', (line) => logLines.push(line)) });
    expect(await ods.lookup('VX1A2')).toEqual({ status: 'unavailable' });
    expect(logLines.join('\n')).toContain('ECONNREFUSED');
  });

  it('gives up after its timeout when the directory is slow', async () => {
    ord.delayMs = 1500;
    const started = performance.now();
    expect(await client({ timeoutMs: 150 }).lookup('VX1A2')).toEqual({ status: 'unavailable' });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(1000);
  });

  it('answers a second lookup of the same code from its cache, without a request', async () => {
    const ods = client();
    const first = await ods.lookup('VX1A2');
    const second = await ods.lookup('vx1a2');
    expect(second).toEqual(first);
    expect(await ods.lookup('VQ0Q0')).toEqual({ status: 'notFound' });
    expect(await ods.lookup('VQ0Q0')).toEqual({ status: 'notFound' });
    expect(ord.requests.map((r) => r.code)).toEqual(['VX1A2', 'VQ0Q0']);
    expect(ods.requestsSent).toBe(2);
  });

  it('asks again once a cached answer has expired', async () => {
    const ods = client({ cacheTtlMs: 60 });
    await ods.lookup('VX1A2');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ods.lookup('VX1A2');
    expect(ord.requests).toHaveLength(2);
  });

  it('sends one request when several people ask for the same code at once', async () => {
    ord.delayMs = 50;
    const ods = client();
    const results = await Promise.all([ods.lookup('VX1A2'), ods.lookup('VX1A2'), ods.lookup(' vx1a2')]);
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(ord.requests).toHaveLength(1);
  });

  it('keeps to its rate limit: ten different codes wait their turn and none is dropped', async () => {
    const ods = client({ rateLimit: { limit: 2, windowMs: 250 } });
    const codes = Array.from({ length: 10 }, (_, i) => `VQ${i}A${i}`);
    const started = performance.now();
    const results = await Promise.all(codes.map((code) => ods.lookup(code)));
    const took = performance.now() - started;
    expect(results.every((r) => r.status === 'notFound')).toBe(true);
    expect(new Set(ord.requests.map((r) => r.code))).toEqual(new Set(codes));
    // 10 requests, 2 per 250 ms: the last pair cannot start before 4 windows have passed.
    expect(took).toBeGreaterThanOrEqual(990);
    const times = ord.requests.map((r) => r.at).sort((a, b) => a - b);
    for (let i = 2; i < times.length; i += 1) {
      // Any three consecutive arrivals span about a window; the slack covers a busy machine delaying one arrival,
      // while a limiter that let them through together would show gaps near 0.
      expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(150);
    }
  });

  it('shares one limiter between clients, so together they keep to it', async () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 150 });
    const a = client({ limiter });
    const b = client({ limiter });
    const started = performance.now();
    await Promise.all([a.lookup('VQ1A1'), b.lookup('VQ2A2'), a.lookup('VQ3A3')]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('is unavailable rather than making someone wait too long for a turn', async () => {
    const ods = client({ rateLimit: { limit: 1, windowMs: 5000 }, maxQueueWaitMs: 100 });
    const [first, second] = await Promise.all([ods.lookup('VX1A2'), ods.lookup('AX12')]);
    expect(first.status).toBe('found');
    expect(second).toEqual({ status: 'unavailable' });
    expect(ord.requests.map((r) => r.code)).toEqual(['VX1A2']);
  });

  it('logs codes and outcomes, never names, postcodes or what a person typed', async () => {
    const ods = client();
    await ods.lookup('VX1A2');
    await ods.lookup('Jane Smith');
    ord.fail({ kind: 'status', status: 500 });
    await ods.lookup('AX12');
    const log = logLines.join('\n');
    expect(log).toContain('"code":"VX1A2"');
    expect(log).toContain('"outcome":"unavailable"');
    expect(log).not.toContain(CARE_HOME.Organisation.Name);
    expect(log).not.toContain('N1 7AB');
    expect(log.toUpperCase()).not.toContain('JANE');
  });
});
