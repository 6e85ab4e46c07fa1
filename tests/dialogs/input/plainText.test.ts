import { describe, it, expect } from '@jest/globals';
import { plainReply } from '../../../dialogs/input/plainText.js';
import { linesOfCard } from '../../helpers/dialogFixtures.js';

describe('a reply the dialogs write', () => {
  it('goes out as one plain-text message when it is one line', () => {
    expect(plainReply('Got it.', '')).toEqual({ type: 'message', text: 'Got it.', textFormat: 'plain' });
  });

  it.each([
    [
      'several lines given',
      ['So far I have 2 people:', '1. Sam Smith, Nurse', '2. Ann Lee, Carer'],
      ['So far I have 2 people:', '1. Sam Smith, Nurse', '2. Ann Lee, Carer'],
    ],
    [
      'one text holding line breaks',
      ['You have 1 request:\n\nUCP-000001: Request\nStatus: Done'],
      ['You have 1 request:', 'UCP-000001: Request', 'Status: Done'],
    ],
  ])('keeps its lines apart on a card of lines when it has %s (Teams runs plain-text line breaks together)', (_what, lines, shown) => {
    const reply = plainReply(...lines);
    expect(reply.text).toBeUndefined();
    expect(reply.attachments).toHaveLength(1);
    expect(linesOfCard(reply.attachments![0])).toEqual(shown);
  });
});
