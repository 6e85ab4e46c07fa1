import { describe, expect, it } from '@jest/globals';
import { TtlCache } from '../../../bot/ods/ttlCache.js';

describe('the TTL cache', () => {
  it('forgets an entry once its time to live has passed', () => {
    let now = 1000;
    const cache = new TtlCache<string>({ maxEntries: 10, ttlMs: 100, now: () => now });
    cache.set('a', 'x');
    now += 99;
    expect(cache.get('a')).toBe('x');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('lets the least recently used entry go first when full', () => {
    const cache = new TtlCache<number>({ maxEntries: 2, ttlMs: 1000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('refuses settings that would make it useless', () => {
    expect(() => new TtlCache({ maxEntries: 0, ttlMs: 10 })).toThrow(RangeError);
    expect(() => new TtlCache({ maxEntries: 1, ttlMs: 0 })).toThrow(RangeError);
  });
});
