import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AUTHENTICATED, type BotProcess, messageActivity, startBotProcess, stopBot } from '../helpers/botProcess.js';
import { sampleIn } from '../helpers/metricSamples.js';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';

const scrape = (bot: BotProcess, authorization?: string) =>
  fetch(`${bot.url}/metrics`, authorization === undefined ? {} : { headers: { authorization } });

const sendMessage = (bot: BotProcess, activity: Record<string, unknown>) =>
  fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity({ deliveryMode: 'expectReplies', ...activity })),
  });

describe('GET /metrics in local mode', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess({ STORE: 'memory' });
  });
  afterAll(() => stopBot(bot));

  it('answers in the Prometheus text format, and counts a message turn once it has been sent', async () => {
    const before = await (await scrape(bot)).text();
    const okTurns = (text: string) => sampleIn(text, 'ucp_turns_total{type="message",outcome="ok"}') ?? 0;
    expect((await sendMessage(bot, {})).status).toBe(200);
    const res = await scrape(bot);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE ucp_turns_total counter');
    expect(okTurns(text)).toBe(okTurns(before) + 1);
    expect(sampleIn(text, 'ucp_turn_duration_seconds_count{type="message",outcome="ok"}')).toBe(okTurns(text));
    expect(sampleIn(text, 'ucp_store_write_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(0);
    expect(sampleIn(text, 'ucp_outbox_pending_notifications')).toBe(0);
    expect(sampleIn(text, 'ucp_tickets{state="awaitingHelpdesk"}')).toBe(0);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('never shows who wrote, what they wrote or where: names, e-mail addresses and conversation ids stay out', async () => {
    await sendMessage(bot, {
      from: { id: '29:grace-adeyemi', aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'Grace Adeyemi' },
      conversation: { id: 'a:conversation-of-grace', conversationType: 'personal' },
      text: 'I am Grace Adeyemi, grace.adeyemi@nhs.net, Rosewood Court Care Home',
    });
    const text = await (await scrape(bot)).text();
    for (const personal of [
      'Grace',
      'Adeyemi',
      'grace.adeyemi',
      'nhs.net',
      'Rosewood',
      'conversation-of-grace',
      '29:grace',
      '0000000000a1',
    ])
      expect(text).not.toContain(personal);
  });
});

describe('GET /metrics in authenticated mode', () => {
  it('does not exist unless METRICS_TOKEN is set', async () => {
    const bot = await startBotProcess(AUTHENTICATED);
    try {
      expect((await scrape(bot)).status).toBe(404);
    } finally {
      await stopBot(bot);
    }
  });

  describe('with METRICS_TOKEN set', () => {
    let bot: BotProcess;
    beforeAll(async () => {
      bot = await startBotProcess({ ...AUTHENTICATED, METRICS_TOKEN: TOKEN });
    });
    afterAll(() => stopBot(bot));

    it.each([
      ['without an Authorization header', undefined],
      ['with a wrong bearer token', `Bearer ${TOKEN.replace('0', 'x')}`],
      ['with the token sent as Basic credentials', `Basic ${TOKEN}`],
    ])('refuses a scrape %s with 401', async (_how, authorization) => {
      const res = await scrape(bot, authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toContain('ucp_');
    });

    it('answers a scrape presenting the token as a bearer token', async () => {
      const res = await scrape(bot, `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('ucp_reminder_sweep_last_run_timestamp_seconds');
    });

    it('never writes the token to its log', () => {
      expect(bot.output()).not.toContain(TOKEN);
    });
  });
});
