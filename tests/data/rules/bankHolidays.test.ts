import { readFileSync } from 'node:fs';
import { describe, it, expect } from '@jest/globals';
import { ValidationError } from '../../../data/errors.js';
import { isCalendarDate, parseBankHolidayFeed } from '../../../data/rules/bankHolidays.js';

const snapshot: unknown = JSON.parse(readFileSync(new URL('../../../data/reference/bankHolidays.json', import.meta.url), 'utf8'));

function feed(events: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    'england-and-wales': { division: 'england-and-wales', events },
    scotland: { division: 'scotland', events: [{ title: 'St Andrew’s Day', date: '2026-11-30', notes: '', bunting: true }] },
    ...extra,
  };
}

function problemsOf(json: unknown): string[] {
  try {
    parseBankHolidayFeed(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).context.problems as string[];
  }
  throw new Error('expected the feed to be refused');
}

describe('the shipped bank-holiday snapshot', () => {
  const holidays = parseBankHolidayFeed(snapshot);

  it('holds the eight England and Wales bank holidays of each of 2025, 2026, 2027 and 2028', () => {
    for (const year of ['2025', '2026', '2027', '2028']) {
      expect(holidays.filter((h) => h.date.startsWith(year))).toHaveLength(8);
    }
  });

  it('has the dates the helpdesk closes in 2026, 2027 and 2028 (2028 as the gov.uk feed published it)', () => {
    expect(holidays.filter((h) => h.date >= '2026').map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
      '2028-01-03',
      '2028-04-14',
      '2028-04-17',
      '2028-05-01',
      '2028-05-29',
      '2028-08-28',
      '2028-12-25',
      '2028-12-26',
    ]);
  });

  it('names substitute days the way gov.uk does', () => {
    expect(holidays.filter((h) => h.notes === 'Substitute day')).toEqual([
      { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
      { title: 'Christmas Day', date: '2027-12-27', notes: 'Substitute day', bunting: true },
      { title: 'Boxing Day', date: '2027-12-28', notes: 'Substitute day', bunting: true },
      { title: 'New Year’s Day', date: '2028-01-03', notes: 'Substitute day', bunting: true },
    ]);
  });

  it('puts no bank holiday on a weekend', () => {
    for (const holiday of holidays) {
      expect([0, 6]).not.toContain(new Date(`${holiday.date}T12:00:00Z`).getUTCDay());
    }
  });
});

describe('parseBankHolidayFeed', () => {
  it('keeps only England and Wales, sorted by date, with notes and bunting as published', () => {
    const holidays = parseBankHolidayFeed(
      feed([
        { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
        { title: 'Good Friday', date: '2026-04-03', notes: '', bunting: false },
        { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
      ]),
    );
    expect(holidays).toEqual([
      { title: 'Good Friday', date: '2026-04-03', notes: '', bunting: false },
      { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
      { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
    ]);
  });

  it('lists a date only once when the feed repeats it, keeping the first entry', () => {
    const holidays = parseBankHolidayFeed(
      feed([
        { title: 'Christmas Day', date: '2026-12-25', notes: '' },
        { title: 'Christmas Day (again)', date: '2026-12-25', notes: '' },
        { title: 'New Year’s Day', date: '2026-01-01', notes: '' },
      ]),
    );
    expect(holidays.map((h) => `${h.date} ${h.title}`)).toEqual(['2026-01-01 New Year’s Day', '2026-12-25 Christmas Day']);
  });

  it('accepts an event without notes or bunting, as a hand-made list might have', () => {
    expect(parseBankHolidayFeed(feed([{ title: 'Christmas Day', date: '2026-12-25' }]))).toEqual([
      { title: 'Christmas Day', date: '2026-12-25', notes: '' },
    ]);
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['a string', 'england-and-wales'],
  ])('refuses %s, which is not a feed at all', (_label, json) => {
    expect(problemsOf(json)).toEqual(['It is not a bank holiday list in the gov.uk format.']);
  });

  it('refuses a feed with no England and Wales section, saying so', () => {
    const problems = problemsOf({ scotland: { division: 'scotland', events: [] } });
    expect(problems).toEqual(['It has no England and Wales section ("england-and-wales").']);
  });

  it('refuses a section labelled as another division', () => {
    expect(problemsOf({ 'england-and-wales': { division: 'scotland', events: [{ title: 'x', date: '2026-01-01' }] } })).toEqual([
      'The England and Wales section is labelled "scotland".',
    ]);
  });

  it('refuses a section without a list of holidays', () => {
    expect(problemsOf({ 'england-and-wales': { division: 'england-and-wales' } })).toEqual([
      'The England and Wales section has no list of holidays.',
    ]);
  });

  it('refuses an empty list rather than silently dropping every holiday', () => {
    expect(problemsOf(feed([]))).toEqual(['The England and Wales section lists no holidays.']);
  });

  it('names every bad event by its position and title, all at once', () => {
    const problems = problemsOf(
      feed([
        { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
        { title: 'Boxing Day', date: '28/12/2026', notes: 'Substitute day', bunting: true },
        { title: 'Leap Day', date: '2026-02-29' },
        { date: '2026-05-04' },
        { title: 'Summer bank holiday', notes: '' },
        { title: 'Good Friday', date: '2026-04-03', notes: 7, bunting: 'no' },
        'Easter Monday',
      ]),
    );
    expect(problems).toEqual([
      'Holiday 2 (Boxing Day) has the date "28/12/2026", which is not a real day written as yyyy-mm-dd.',
      'Holiday 3 (Leap Day) has the date "2026-02-29", which is not a real day written as yyyy-mm-dd.',
      'Holiday 4 has no name.',
      'Holiday 5 (Summer bank holiday) has no date.',
      'Holiday 6 (Good Friday) has notes that are not text.',
      'Holiday 6 (Good Friday) has a bunting value that is not true or false.',
      'Holiday 7 is not a holiday entry.',
    ]);
  });

  it('keeps the message short when there are many problems, and never shows an error code', () => {
    const events = Array.from({ length: 9 }, (_, i) => ({ title: `Day ${i + 1}`, date: 'soon' }));
    let message = '';
    try {
      parseBankHolidayFeed(feed(events));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^The bank holiday list could not be used\. Holiday 1 \(Day 1\)/);
    expect(message).toContain('Holiday 5 (Day 5)');
    expect(message).not.toContain('Holiday 6');
    expect(message).toMatch(/And 4 more problems\.$/);
    expect(message).not.toMatch(/validation|undefined|\[object/i);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-12-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-3', false],
    ['2026-04-03T00:00:00Z', false],
    [' 2026-04-03', false],
    ['', false],
  ])('says %j is a real yyyy-mm-dd day: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
