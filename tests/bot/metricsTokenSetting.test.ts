import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { expectConfigRefused } from '../helpers/configErrors.js';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('the METRICS_TOKEN setting', () => {
  it('is empty unless set, and kept as given when it is', () => {
    expect(loadConfig({}).metricsToken).toBe('');
    expect(loadConfig({ METRICS_TOKEN: ` ${TOKEN} ` }).metricsToken).toBe(TOKEN);
  });

  it.each([
    ['too short to resist guessing', 'short-token'],
    ['with a space, which an Authorization header would split', `${TOKEN} ${TOKEN}`],
  ])('is refused when %s, saying how to make one', (_why, value) => {
    expectConfigRefused({ METRICS_TOKEN: value }, 'METRICS_TOKEN', 'openssl rand -hex 32');
  });

  it('never quotes the refused value back: it is a secret', () => {
    const secret = 'my-secret-but-short';
    let message = '';
    try {
      loadConfig({ METRICS_TOKEN: secret });
    } catch (err) {
      message = (err as ConfigError).message;
    }
    expect(message).toContain('METRICS_TOKEN');
    expect(message).not.toContain(secret);
  });
});
