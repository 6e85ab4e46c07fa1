import { describe, it, expect } from '@jest/globals';
import { buildLinesCard, MAX_LINE_ON_CARD, paragraphsOf, readLinesTemplate } from '../../cards/linesCard.js';
import { validateCard } from '../helpers/validateCard.js';
import { allObjects } from './cardFixtures.js';

const TYPED = '**Rex** <b>the</b> ${dog} [link](http://x) ${$root.paragraphs}';

function runs(card: object): string[] {
  return allObjects(card)
    .filter((node) => node.type === 'TextRun')
    .map((node) => String(node.text));
}

describe('the card of lines', () => {
  it('parses and validates clean as an Adaptive Card 1.5, as stored and as built', () => {
    for (const card of [readLinesTemplate(), buildLinesCard(['You have 1 request:', 'Status: Done']), buildLinesCard(['a\n\nb'])]) {
      expect(validateCard(card)).toEqual({ version: '1.5', problems: [] });
    }
  });

  it('binds lines only into text runs, never into markdown-rendering text blocks', () => {
    expect(allObjects(readLinesTemplate()).filter((node) => node.type === 'TextBlock' || node.type === 'FactSet')).toEqual([]);
  });

  it('shows each line on its own, in order, with a gap where a blank line was', () => {
    const card = buildLinesCard(['You have 2 requests:\n\nUCP-000002: Request\nStatus: Done', 'Last update: today']);
    expect(runs(card)).toEqual(['You have 2 requests:', 'UCP-000002: Request', 'Status: Done', 'Last update: today']);
    expect(paragraphsOf(['You have 2 requests:\n\nUCP-000002: Request\nStatus: Done', 'Last update: today'])).toEqual([
      ['You have 2 requests:'],
      ['UCP-000002: Request', 'Status: Done', 'Last update: today'],
    ]);
  });

  it('keeps what a person typed exactly as typed: no markdown, no template expressions', () => {
    expect(runs(buildLinesCard(['Thanks:', TYPED]))).toEqual(['Thanks:', TYPED]);
  });

  it("cuts a very long line so the message stays under Teams' size limit", () => {
    const [, long] = runs(buildLinesCard(['Heading', 'x'.repeat(MAX_LINE_ON_CARD + 500)]));
    expect(long).toHaveLength(MAX_LINE_ON_CARD);
    expect(long.endsWith('…')).toBe(true);
  });
});
