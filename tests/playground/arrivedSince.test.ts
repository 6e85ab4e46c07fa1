import { describe, expect, it } from '@jest/globals';
import { arrivedSince, plain } from './playgroundPage.js';

describe('what the playground walkthrough counts as arrived since a mark', () => {
  it.each([
    ['a new message at the bottom of a chat', ['a', 'b'], ['a', 'b', 'c'], ['c']],
    ['a new post at the top of a channel', ['a', 'b'], ['c', 'a', 'b'], ['c']],
    ['a card updated in place (its text changed)', ['card: waiting', 'b'], ['card: approved', 'b'], ['card: approved']],
    ['the same message said a second time', ['What is your name?'], ['What is your name?', 'What is your name?'], ['What is your name?']],
    ['nothing new', ['a', 'b'], ['a', 'b'], []],
  ])('%s', (_case, mark, now, arrived) => {
    expect(arrivedSince(mark, now)).toEqual(arrived);
  });

  it('names a button by its label as a person reads it', () => {
    expect(plain(/^Approve$/)).toBe('Approve');
    expect(plain(/^No\b/)).toBe('No');
  });
});
