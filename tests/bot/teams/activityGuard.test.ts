import { describe, expect, it } from '@jest/globals';
import { isInboundActivity } from '../../../bot/teams/activityGuard.js';

const activity = (from: Record<string, unknown>) => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  conversation: { id: 'a:1' },
  from: { id: '29:1', ...from },
});

describe('what the edge accepts as an activity', () => {
  it('accepts a person with an Entra object id, and one without', () => {
    expect(isInboundActivity(activity({ aadObjectId: '6b1c1a4e-5f0e-4b6e-9d0a-3a2f7c9e8d11' }))).toBe(true);
    expect(isInboundActivity(activity({}))).toBe(true);
  });

  it.each([
    ['far longer than an object id can be', 'x'.repeat(129)],
    ['not text', 42],
    ['an object', { id: 'x' }],
  ])('refuses an aadObjectId that is %s, so it never reaches a ticket or the audit trail', (_what, aadObjectId) => {
    expect(isInboundActivity(activity({ aadObjectId }))).toBe(false);
  });
});
