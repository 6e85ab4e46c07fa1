import { describe, expect, it } from '@jest/globals';
import { bearerCheck } from '../../../bot/metrics/metricsRoute.js';

const TOKEN = 'a'.repeat(24) + 'b'.repeat(24);

describe('the bearer token check of GET /metrics', () => {
  it('lets in exactly the configured token, in a Bearer header (the scheme in any case)', () => {
    const allowed = bearerCheck(TOKEN);
    expect(allowed(`Bearer ${TOKEN}`)).toBe(true);
    expect(allowed(`bearer ${TOKEN}`)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another token', `Bearer ${'c'.repeat(48)}`],
    ['the token with one more character', `Bearer ${TOKEN}x`],
    ['the start of the token', `Bearer ${TOKEN.slice(0, 10)}`],
    ['the token without the scheme', TOKEN],
    ['the token as Basic credentials', `Basic ${TOKEN}`],
  ])('refuses %s', (_what, header) => {
    expect(bearerCheck(TOKEN)(header)).toBe(false);
  });
});
