import { describe, expect, it } from '@jest/globals';
import { channelIdOf, channelKey, isChannelKey, userKey } from '../../data/conversationKeys.js';

describe('the keys stored conversations go by', () => {
  it("key a person's 1:1 chat by their Entra object id", () => {
    expect(userKey('aad-1')).toBe('user:aad-1');
    expect(isChannelKey(userKey('aad-1'))).toBe(false);
    expect(channelIdOf(userKey('aad-1'))).toBeUndefined();
  });

  it('key a channel by its Teams conversation id, which can be read back to post there', () => {
    const key = channelKey('19:abc@thread.tacv2');
    expect(key).toBe('conversation:19:abc@thread.tacv2');
    expect(isChannelKey(key)).toBe(true);
    expect(channelIdOf(key)).toBe('19:abc@thread.tacv2');
  });
});
