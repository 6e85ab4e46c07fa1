import { describe, expect, it } from '@jest/globals';
import { cellText } from '../../../bot/spreadsheet/cellText.js';

describe('the text of a spreadsheet cell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['  Amara ', '  Amara '],
    [1234567, '1234567'],
    [12.5, '12.5'],
    [true, 'TRUE'],
    [new Date('2026-03-04T00:00:00Z'), '2026-03-04'],
    [{ richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    [{ text: 'jane@nhs.net', hyperlink: 'mailto:jane@nhs.net' }, 'jane@nhs.net'],
    [{ text: '', hyperlink: 'mailto:jane@nhs.net' }, 'jane@nhs.net'],
    [{ formula: 'A1', result: 'x' }, 'x'],
    [{ sharedFormula: 'A1', result: 7 }, '7'],
    [{ formula: 'A1' }, ''],
    [{ error: '#N/A' }, ''],
  ])('reads %p as %p', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
