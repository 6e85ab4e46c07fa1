import { describe, expect, it } from '@jest/globals';
import { isFromThisMachine } from '../../bot/fromThisMachine.js';

describe('who counts as this machine for the full /healthz answer', () => {
  it.each([
    ['IPv4 loopback', '127.0.0.1', {}, true],
    ['another IPv4 loopback address', '127.0.0.2', {}, true],
    ['IPv6 loopback', '::1', {}, true],
    ['IPv4 loopback written as IPv6', '::ffff:127.0.0.1', {}, true],
    ['a private network address', '10.0.0.5', {}, false],
    ['a public address', '203.0.113.9', {}, false],
    ['an IPv6 network address', 'fe80::1', {}, false],
    ['no address at all', undefined, {}, false],
    ['loopback relayed by a proxy (X-Forwarded-For)', '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }, false],
    ['loopback relayed by a proxy (Forwarded)', '127.0.0.1', { forwarded: 'for=203.0.113.9' }, false],
  ])('%s (%s)', (_what, address, headers, expected) => {
    expect(isFromThisMachine(address, headers)).toBe(expected);
  });
});
