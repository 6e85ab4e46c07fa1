import { describe, expect, it } from '@jest/globals';
import { REFERENCE_LIMITS, trimConversationReference } from '../../../data/store/conversationReference.js';

/** A reference as botbuilder builds it from a Teams 1:1 message (TurnContext.getConversationReference). */
function teamsReference(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    activityId: 'f:1700000000000',
    user: { id: '29:1abc', aadObjectId: '6f1c2a8e-0b7d-4c55-9a43-2f7e1d9c0b11', name: 'Grace Adeyemi', role: 'user' },
    bot: { id: '28:ucp-bot', name: 'UCP onboarding' },
    conversation: { id: 'a:1on1-grace', conversationType: 'personal', tenantId: '0f9e8d7c-6b5a-4321-8765-43210fedcba9' },
    channelId: 'msteams',
    locale: 'en-GB',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    ...overrides,
  };
}

const long = (n: number) => 'x'.repeat(n);

describe('a conversation reference as stored', () => {
  it('keeps only what is needed to write to the person later, and nothing of their name', () => {
    expect(trimConversationReference(teamsReference())).toEqual({
      ok: true,
      reference: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        conversation: { id: 'a:1on1-grace', conversationType: 'personal', tenantId: '0f9e8d7c-6b5a-4321-8765-43210fedcba9' },
        bot: { id: '28:ucp-bot', name: 'UCP onboarding' },
        user: { id: '29:1abc', aadObjectId: '6f1c2a8e-0b7d-4c55-9a43-2f7e1d9c0b11' },
        locale: 'en-GB',
      },
    });
  });

  it('drops 240 KB of anything a sender put inside the conversation, keeping the reference under 1 KB', () => {
    const junk = teamsReference({
      conversation: { id: 'a:1on1-grace', conversationType: 'personal', junk: long(240_000), nested: { more: long(1000) } },
    });
    const trimmed = trimConversationReference(junk);
    expect(trimmed.ok).toBe(true);
    expect(JSON.stringify(trimmed).length).toBeLessThan(1024);
    expect(JSON.stringify(trimmed)).not.toContain('junk');
  });

  it('keeps a channel reference with no user and the empty bot id of local mode', () => {
    const channel = {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:3979/',
      conversation: { id: '19:helpdesk@thread.tacv2', isGroup: true, conversationType: 'channel' },
      bot: { id: '' },
    };
    expect(trimConversationReference(channel)).toEqual({ ok: true, reference: channel });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a conversation id longer than the limit', { conversation: { id: long(REFERENCE_LIMITS.id + 1) } }, 'conversation.id'],
    ['no conversation at all', { conversation: undefined }, 'conversation.id'],
    ['a conversation id that is not text', { conversation: { id: { $gt: '' } } }, 'conversation.id'],
    [
      'a service URL longer than the limit',
      { serviceUrl: `https://smba.trafficmanager.net/${long(REFERENCE_LIMITS.serviceUrl)}` },
      'serviceUrl',
    ],
    ['a service URL that is not http(s)', { serviceUrl: 'file:///etc/passwd' }, 'serviceUrl'],
    ['a channel id longer than the limit', { channelId: long(REFERENCE_LIMITS.short + 1) }, 'channelId'],
    ['a bot id longer than the limit', { bot: { id: long(REFERENCE_LIMITS.id + 1) } }, 'bot.id'],
    ['a user id longer than the limit', { user: { id: long(REFERENCE_LIMITS.id + 1), aadObjectId: 'a1' } }, 'user.id'],
    ['an aadObjectId longer than the limit', { user: { id: '29:1abc', aadObjectId: long(REFERENCE_LIMITS.guid + 1) } }, 'user.aadObjectId'],
  ])('is not kept with %s, and says which field (never its value)', (_what, overrides, field) => {
    expect(trimConversationReference(teamsReference(overrides))).toEqual({ ok: false, field });
  });

  it.each<[string, Record<string, unknown>, (reference: Record<string, unknown>) => unknown]>([
    [
      'a tenant id',
      { conversation: { id: 'a:1', tenantId: long(REFERENCE_LIMITS.guid + 1) } },
      (r) => (r.conversation as Record<string, unknown>).tenantId,
    ],
    [
      'a conversation type',
      { conversation: { id: 'a:1', conversationType: long(REFERENCE_LIMITS.short + 1) } },
      (r) => (r.conversation as Record<string, unknown>).conversationType,
    ],
    [
      'an isGroup that is not true or false',
      { conversation: { id: 'a:1', isGroup: 'yes' } },
      (r) => (r.conversation as Record<string, unknown>).isGroup,
    ],
    ['a bot name', { bot: { id: '28:ucp-bot', name: long(REFERENCE_LIMITS.name + 1) } }, (r) => (r.bot as Record<string, unknown>).name],
    ['a locale', { locale: long(REFERENCE_LIMITS.short + 1) }, (r) => r.locale],
  ])('is kept without %s that is too long or not what it should be', (_what, overrides, pick) => {
    const trimmed = trimConversationReference(teamsReference(overrides));
    if (!trimmed.ok) throw new Error(`refused: ${trimmed.field}`);
    expect(pick(trimmed.reference as unknown as Record<string, unknown>)).toBeUndefined();
  });
});
