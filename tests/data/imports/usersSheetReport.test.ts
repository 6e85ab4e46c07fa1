import { describe, expect, it } from '@jest/globals';
import type { UserRowResult, UserRowsReport } from '../../../data/imports/usersSheet.js';
import { formatRowReport, MORE_NOTES, MORE_PROBLEMS } from '../../../data/imports/usersSheetReport.js';

function report(rows: UserRowResult[]): UserRowsReport {
  const okCount = rows.filter((r) => r.ok).length;
  return { rows, okCount, badCount: rows.length - okCount };
}

const good = (row: number, notes: string[] = []): UserRowResult => ({ row, ok: true, problems: [], notes });
const bad = (row: number, ...problems: string[]): UserRowResult => ({ row, ok: false, problems, notes: [] });

describe('the per-row report a manager reads', () => {
  it('says plainly when everyone is ready', () => {
    expect(formatRowReport(report([good(2), good(3)]))).toBe('All 2 people in the spreadsheet are ready to send.');
    expect(formatRowReport(report([good(2)]))).toBe('The 1 person in the spreadsheet is ready to send.');
  });

  it('lists each row to fix with its number, then the notes', () => {
    const text = formatRowReport(
      report([
        good(2, ['"Carer" is not one of the UCP\'s job titles.']),
        bad(3, 'The first name is missing.', 'The job title is missing.'),
      ]),
    );
    expect(text).toBe(
      [
        '1 person is ready; 1 row needs changing before we can send the request:',
        'Row 3: The first name is missing. The job title is missing.',
        '',
        'Good to know:',
        'Row 2: "Carer" is not one of the UCP\'s job titles.',
      ].join('\n'),
    );
  });

  it('stays short when many rows are wrong', () => {
    const rows = Array.from({ length: 100 }, (_, i) => bad(i + 2, 'The e-mail is missing.'));
    const lines = formatRowReport(report(rows), { maxProblemRows: 5 }).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('…and 95 more rows with problems, starting at row 7.');
  });

  it('stops under its byte limit, saying there are more problems to fix first', () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      bad(i + 2, `The job title "${'é'.repeat(60)}" is not one we know, and the e-mail ${'x'.repeat(60)}@gmail.com is a personal address.`),
    );
    const text = formatRowReport(report(rows), { maxProblemRows: 400 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20 * 1024);
    const lines = text.split('\n');
    expect(lines[0]).toBe('0 people are ready; 400 rows need changing before we can send the request:');
    expect(lines[1]).toMatch(/^Row 2: /);
    expect(lines.at(-1)).toBe(MORE_PROBLEMS);
    expect(lines.at(-1)).toBe('…and more problems not listed here: fix these first, then send the spreadsheet again to see the rest.');
  });

  it('cuts among the notes with a line of its own, once every problem is listed', () => {
    const rows = [bad(2, 'The first name is missing.'), ...Array.from({ length: 50 }, (_, i) => good(i + 3, ['n'.repeat(500)]))];
    const text = formatRowReport(report(rows), { maxNoteRows: 50, maxBytes: 4000 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4000);
    expect(text).toContain('Row 2: The first name is missing.');
    expect(text.split('\n').at(-1)).toBe(MORE_NOTES);
  });

  it('says so when there is no one in it', () => {
    expect(formatRowReport(report([]))).toBe('The spreadsheet has no one listed in it yet.');
  });
});
