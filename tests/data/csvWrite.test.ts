import { describe, it, expect } from '@jest/globals';
import { parseCsv } from '../../data/imports/csv.js';
import { CSV_BOM, csvCell, csvDocument, csvLine } from '../../data/csvWrite.js';

describe('writing CSV for spreadsheets', () => {
  // A spreadsheet treats a cell starting with = + - @ (and, in some, a tab or CR before them) as a formula (OWASP "CSV injection").
  it.each([
    ['an equals sign', '=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['a plus sign', '+44 20 7946 0000', "'+44 20 7946 0000"],
    ['a minus sign', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=1+1', "'\t=1+1"],
    ['a carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('defuses a cell starting with %s so the spreadsheet shows it as text', (_name, typed, written) => {
    expect(csvCell(typed)).toBe(written);
  });

  it('leaves ordinary text, numbers and an equals sign inside the text alone', () => {
    expect(csvLine(['Rosewood Care Home', 42, 'a=b', 'VX123'])).toBe('Rosewood Care Home,42,a=b,VX123');
  });

  it('writes nothing for a missing value', () => {
    expect(csvLine([undefined, null, ''])).toBe(',,');
  });

  it('quotes commas, quotes and line breaks so the file reads back cell for cell', () => {
    const cells = ['Smith, Jo', 'She said "yes"', 'two\nlines'];
    const [row] = parseCsv(csvLine(cells));
    expect(row.cells).toEqual(cells);
  });

  it('writes a whole file with a header, CRLF line ends and, when asked, a byte-order mark Excel needs for accents', () => {
    const file = csvDocument(['Name', 'Home'], [['Zoë Brontë', 'Rosewood']], { bom: true });
    expect(file).toBe(`${CSV_BOM}Name,Home\r\nZoë Brontë,Rosewood\r\n`);
    expect(parseCsv(file).map((row) => row.cells)).toEqual([
      ['Name', 'Home'],
      ['Zoë Brontë', 'Rosewood'],
    ]);
  });
});
