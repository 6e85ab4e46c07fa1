import { readFileSync } from 'node:fs';
import { describe, it, expect } from '@jest/globals';
import { ValidationError } from '../../../data/errors.js';
import { bankHolidays } from '../../../data/reference/index.js';
import { parseBankHolidayFeed } from '../../../data/rules/bankHolidays.js';
import { createWorkingCalendar } from '../../../data/rules/workingHours.js';
import { seededRandom } from '../../fixtures/seededRandom.js';

const holidays = parseBankHolidayFeed(
  JSON.parse(readFileSync(new URL('../../../data/reference/bankHolidays.json', import.meta.url), 'utf8')),
);
const calendar = createWorkingCalendar({ holidays });
const at = (iso: string) => new Date(iso);

describe('isWorkingTime', () => {
  it.each([
    // instant (UTC)              working? London time
    ['2026-03-27T08:59:59Z', false], // Fri 08:59:59 GMT, before opening
    ['2026-03-27T09:00:00Z', true], // Fri 09:00 GMT opens
    ['2026-03-27T16:59:00Z', true], // Fri 16:59 GMT
    ['2026-03-27T16:59:59.999Z', true], // Fri the last millisecond before closing
    ['2026-03-27T17:00:00Z', false], // Fri 17:00 GMT is closed
    ['2026-03-28T12:00:00Z', false], // Sat
    ['2026-03-29T12:00:00Z', false], // Sun, the clocks went forward
    ['2026-03-30T07:59:59Z', false], // Mon 08:59:59 BST
    ['2026-03-30T08:00:00Z', true], // Mon 09:00 BST opens
    ['2026-03-30T08:59:00Z', true], // Mon 09:59 BST (would be 08:59 if BST were ignored)
    ['2026-03-30T15:59:00Z', true], // Mon 16:59 BST
    ['2026-03-30T16:00:00Z', false], // Mon 17:00 BST is closed
    ['2026-03-31T16:30:00Z', false], // Tue 17:30 BST (16:30 UTC looks open in UTC)
    ['2026-04-02T15:00:00Z', true], // Thu 16:00 BST before Easter
    ['2026-04-03T10:00:00Z', false], // Good Friday 11:00 BST
    ['2026-04-06T10:00:00Z', false], // Easter Monday 11:00 BST
    ['2026-04-07T08:00:00Z', true], // Tue 09:00 BST after Easter
    ['2026-10-23T07:59:59Z', false], // Fri 08:59:59 BST
    ['2026-10-23T08:00:00Z', true], // Fri 09:00 BST
    ['2026-10-23T15:59:00Z', true], // Fri 16:59 BST
    ['2026-10-23T16:00:00Z', false], // Fri 17:00 BST
    ['2026-10-24T12:00:00Z', false], // Sat
    ['2026-10-25T12:00:00Z', false], // Sun, the clocks went back
    ['2026-10-26T08:59:59Z', false], // Mon 08:59:59 GMT
    ['2026-10-26T09:00:00Z', true], // Mon 09:00 GMT
    ['2026-10-26T16:59:00Z', true], // Mon 16:59 GMT
    ['2026-10-26T17:00:00Z', false], // Mon 17:00 GMT
    ['2026-10-27T08:30:00Z', false], // Tue 08:30 GMT (09:30 if BST were still assumed)
    ['2026-12-24T09:00:00Z', true], // Christmas Eve, Thu 09:00 GMT: a working day
    ['2026-12-24T16:59:00Z', true], // Christmas Eve 16:59
    ['2026-12-24T17:00:00Z', false], // Christmas Eve 17:00
    ['2026-12-25T12:00:00Z', false], // Christmas Day, Fri
    ['2026-12-26T12:00:00Z', false], // Sat
    ['2026-12-27T12:00:00Z', false], // Sun
    ['2026-12-28T12:00:00Z', false], // Mon, Boxing Day substitute
    ['2026-12-29T08:59:59Z', false], // Tue 08:59:59
    ['2026-12-29T09:00:00Z', true], // Tue 09:00, the helpdesk is back
    ['2027-12-24T10:00:00Z', true], // Fri 24 Dec 2027
    ['2027-12-27T10:00:00Z', false], // Mon, Christmas Day substitute
    ['2027-12-28T10:00:00Z', false], // Tue, Boxing Day substitute
    ['2027-12-29T09:00:00Z', true], // Wed 09:00
    ['2028-01-03T10:00:00Z', false], // Mon, New Year's Day substitute (2028, gov.uk feed)
    ['2028-01-04T09:00:00Z', true], // Tue 4 Jan 2028 09:00
    ['2028-04-14T09:00:00Z', false], // Good Friday 2028 (10:00 BST)
    ['2028-04-17T09:00:00Z', false], // Easter Monday 2028
  ])('at %s says working time is %s', (iso, expected) => {
    expect(calendar.isWorkingTime(at(iso))).toBe(expected);
  });
});

describe('nextWorkingTime', () => {
  it.each([
    ['2026-03-27T10:15:00Z', '2026-03-27T10:15:00.000Z'], // already open: the instant itself
    ['2026-03-27T17:00:00Z', '2026-03-30T08:00:00.000Z'], // Fri 17:00 GMT → Mon 09:00 BST
    ['2026-03-29T01:30:00Z', '2026-03-30T08:00:00.000Z'], // during the spring change → Mon 09:00 BST
    ['2026-03-30T07:00:00Z', '2026-03-30T08:00:00.000Z'], // Mon 08:00 BST → 09:00 BST
    ['2026-10-23T16:00:00Z', '2026-10-26T09:00:00.000Z'], // Fri 17:00 BST → Mon 09:00 GMT
    ['2026-10-25T01:30:00Z', '2026-10-26T09:00:00.000Z'], // in the repeated hour → Mon 09:00 GMT
    ['2026-12-24T17:00:00Z', '2026-12-29T09:00:00.000Z'], // Christmas Eve closing → Tue 29 Dec 09:00
    ['2026-12-31T23:30:00Z', '2027-01-04T09:00:00.000Z'], // New Year's Eve night → Mon 4 Jan (1 Jan is a holiday)
    ['2026-04-02T16:00:00Z', '2026-04-07T08:00:00.000Z'], // Thu before Easter, 17:00 BST → Tue 09:00 BST
    ['2027-12-24T17:00:00Z', '2027-12-29T09:00:00.000Z'], // Fri 24 Dec 2027 → Wed 29 Dec
    ['2027-12-31T17:00:00Z', '2028-01-04T09:00:00.000Z'], // Fri 31 Dec 2027 closing → Tue 4 Jan 2028 (Mon 3 Jan is the substitute)
    ['2028-04-13T16:00:00Z', '2028-04-18T08:00:00.000Z'], // Thu before Easter 2028, 17:00 BST → Tue 09:00 BST
  ])('from %s is %s', (iso, expected) => {
    expect(calendar.nextWorkingTime(at(iso)).toISOString()).toBe(expected);
  });

  it('returns a new Date, so a caller changing it cannot change the one passed in', () => {
    const instant = at('2026-03-27T10:15:00Z');
    expect(calendar.nextWorkingTime(instant)).not.toBe(instant);
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['2026-03-27T10:00:00Z', 2, '2026-03-27T12:00:00.000Z'], // within one day, GMT
    ['2026-03-27T16:00:00Z', 2, '2026-03-30T09:00:00.000Z'], // Fri 16:00 GMT + 2h → Mon 10:00 BST, over the spring change
    ['2026-03-27T09:00:00Z', 16, '2026-03-30T16:00:00.000Z'], // two whole days: Fri 09:00 GMT → Mon 17:00 BST
    ['2026-03-28T11:00:00Z', 1.5, '2026-03-30T09:30:00.000Z'], // from Saturday, counting starts Mon 09:00 BST → 10:30 BST
    ['2026-10-23T15:00:00Z', 2, '2026-10-26T10:00:00.000Z'], // Fri 16:00 BST + 2h → Mon 10:00 GMT, over the autumn change
    ['2026-10-23T08:00:00Z', 16, '2026-10-26T17:00:00.000Z'], // Fri 09:00 BST → Mon 17:00 GMT
    ['2026-10-25T00:30:00Z', 0.25, '2026-10-26T09:15:00.000Z'], // from the repeated hour → Mon 09:15 GMT
    ['2026-12-24T16:00:00Z', 2, '2026-12-29T10:00:00.000Z'], // Christmas Eve 16:00 + 2h → Tue 29 Dec 10:00
    ['2026-12-23T13:00:00Z', 12, '2026-12-24T17:00:00.000Z'], // Wed 13:00 + 12h: 4 + 8 → Christmas Eve 17:00, not Tue 29 Dec 09:00
    ['2026-04-02T15:00:00Z', 2, '2026-04-07T09:00:00.000Z'], // Thu 16:00 BST + 2h → Tue 10:00 BST after Easter
    ['2027-12-24T16:00:00Z', 2, '2027-12-29T10:00:00.000Z'], // Fri 24 Dec 2027 16:00 + 2h → Wed 29 Dec 10:00
    ['2027-12-31T16:00:00Z', 2, '2028-01-04T10:00:00.000Z'], // Fri 31 Dec 2027 16:00 + 2h → Tue 4 Jan 2028 10:00, over the substitute day
    ['2026-03-27T10:00:00Z', 1 / 60, '2026-03-27T10:01:00.000Z'], // a minute, as a fraction of an hour
  ])('from %s adds %s working hours to reach %s', (iso, hours, expected) => {
    expect(calendar.addWorkingHours(at(iso), hours).toISOString()).toBe(expected);
  });

  it('ends at 17:00 the same day when the hours run out exactly at closing', () => {
    expect(calendar.addWorkingHours(at('2026-03-30T08:00:00Z'), 8).toISOString()).toBe('2026-03-30T16:00:00.000Z'); // Mon 17:00 BST
    expect(calendar.addWorkingHours(at('2026-12-24T13:00:00Z'), 4).toISOString()).toBe('2026-12-24T17:00:00.000Z'); // Christmas Eve 17:00
  });

  it('adding nothing outside working hours gives the next opening', () => {
    expect(calendar.addWorkingHours(at('2026-12-24T17:00:00Z'), 0).toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  it('counts a working day as eight hours on both clock-change weeks', () => {
    for (const friday of ['2026-03-27', '2026-10-23']) {
      const open = calendar.nextWorkingTime(at(`${friday}T06:00:00Z`));
      const nextOpen = calendar.addWorkingHours(open, 8 + 1 / 3600); // one second past a full day
      expect(calendar.workingHoursBetween(open, nextOpen)).toBeCloseTo(8 + 1 / 3600, 9);
      expect(nextOpen.getUTCDay()).toBe(1); // Monday
    }
  });

  it('adds 100 working days (800 hours) to land on the 100th working day at 17:00, skipping Easter and May holidays', () => {
    // Mon 5 Jan 2026 09:00 GMT; the 100th working day, counting Good Friday, Easter Monday, 4 May and 25 May off, is Thu 28 May.
    expect(calendar.addWorkingHours(at('2026-01-05T09:00:00Z'), 800).toISOString()).toBe('2026-05-28T16:00:00.000Z'); // 17:00 BST
  });

  it('adds ten years of working hours quickly, stepping by days rather than minutes', () => {
    const started = performance.now();
    const result = calendar.addWorkingHours(at('2026-01-05T09:00:00Z'), 8 * 2600);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(calendar.workingHoursBetween(at('2026-01-05T09:00:00Z'), result)).toBe(8 * 2600);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %s hours', (hours) => {
    expect(() => calendar.addWorkingHours(at('2026-03-27T10:00:00Z'), hours)).toThrow(RangeError);
  });

  it('refuses an invalid instant', () => {
    expect(() => calendar.addWorkingHours(new Date('nonsense'), 1)).toThrow(RangeError);
  });
});

describe('workingHoursBetween', () => {
  it.each([
    ['2026-03-27T09:00:00Z', '2026-03-30T16:00:00Z', 16], // Fri 09:00 GMT → Mon 17:00 BST: two full days across the spring change
    ['2026-03-27T00:00:00Z', '2026-04-01T00:00:00Z', 24], // Fri, Mon, Tue, whole days
    ['2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', 0], // the spring weekend
    ['2026-10-23T08:00:00Z', '2026-10-26T17:00:00Z', 16], // Fri 09:00 BST → Mon 17:00 GMT: two full days across the autumn change
    ['2026-10-23T00:00:00Z', '2026-10-28T00:00:00Z', 24], // Fri, Mon, Tue, whole days
    ['2026-12-24T09:00:00Z', '2026-12-29T17:00:00Z', 16], // Christmas Eve and Tue 29 Dec only
    ['2026-12-24T16:00:00Z', '2026-12-29T10:00:00Z', 2], // the 2h example, measured back
    ['2026-12-24T17:00:00Z', '2026-12-29T09:00:00Z', 0], // the whole Christmas closure
    ['2027-12-24T09:00:00Z', '2027-12-29T17:00:00Z', 16], // Fri 24 Dec 2027 and Wed 29 Dec 2027
    ['2026-04-02T08:00:00Z', '2026-04-07T16:00:00Z', 16], // Easter 2026: Thu and Tue only
    ['2026-03-27T10:00:00Z', '2026-03-27T10:30:00Z', 0.5], // half an hour
    ['2026-03-27T12:00:00Z', '2026-03-27T12:00:00Z', 0], // the same instant
    ['2026-03-30T16:00:00Z', '2026-03-27T09:00:00Z', 0], // the end before the start gives 0, never negative
  ])('from %s to %s is %s hours', (from, to, expected) => {
    expect(calendar.workingHoursBetween(at(from), at(to))).toBe(expected);
  });

  it('measures the same from the end of one day to the start of the next as zero, either side of each clock change', () => {
    expect(calendar.workingHoursBetween(at('2026-03-27T17:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(0);
    expect(calendar.workingHoursBetween(at('2026-10-23T16:00:00Z'), at('2026-10-26T09:00:00Z'))).toBe(0);
  });

  it('adds up: a→b plus b→c is a→c', () => {
    const a = at('2026-03-26T14:00:00Z');
    const b = at('2026-03-30T11:00:00Z');
    const c = at('2026-04-08T15:30:00Z');
    expect(calendar.workingHoursBetween(a, b) + calendar.workingHoursBetween(b, c)).toBeCloseTo(calendar.workingHoursBetween(a, c), 9);
  });
});

describe('addWorkingHours and workingHoursBetween agree', () => {
  const random = seededRandom(2026);
  // Instants spread over 2026–2027, including nights, weekends, holidays and both clock changes each year.
  const from = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2028, 0, 1) - from;
  const samples = Array.from({ length: 300 }, () => ({
    start: new Date(from + Math.floor(random() * span)),
    hours: Math.round(random() * 120 * 60) / 60, // up to 15 working days, in whole minutes
  }));

  it('measures back exactly the hours that were added, from any start', () => {
    for (const { start, hours } of samples) {
      const end = calendar.addWorkingHours(start, hours);
      expect(calendar.workingHoursBetween(start, end)).toBeCloseTo(hours, 9);
      if (hours > 0) expect(calendar.isWorkingTime(new Date(end.getTime() - 1))).toBe(true);
    }
  });

  it('adding the hours between two working instants gets from the first to the second (or the closing just before it)', () => {
    let closings = 0;
    for (let i = 0; i + 1 < samples.length; i += 2) {
      const a = calendar.nextWorkingTime(samples[i].start);
      const b = calendar.nextWorkingTime(samples[i + 1].start);
      const [first, second] = a <= b ? [a, b] : [b, a];
      const reached = calendar.addWorkingHours(first, calendar.workingHoursBetween(first, second));
      if (reached.getTime() !== second.getTime()) {
        // Only when `second` is an opening: the same amount of work ends at the previous working day's 17:00.
        closings += 1;
        expect(calendar.isWorkingTime(reached)).toBe(false);
        expect(calendar.isWorkingTime(new Date(reached.getTime() - 1))).toBe(true);
        expect(calendar.nextWorkingTime(reached).toISOString()).toBe(second.toISOString());
      }
    }
    expect(closings).toBeLessThan(samples.length / 2); // most pairs meet exactly; the exception stays the exception
  });

  it('agrees with counting the working minutes one by one', () => {
    const check = seededRandom(7);
    for (let i = 0; i < 25; i += 1) {
      const start = from + Math.floor((check() * span) / 60_000) * 60_000;
      const end = start + Math.floor(check() * 6 * 24 * 60) * 60_000; // up to six days later
      let minutes = 0;
      for (let t = start; t < end; t += 60_000) if (calendar.isWorkingTime(new Date(t))) minutes += 1;
      expect(calendar.workingHoursBetween(new Date(start), new Date(end)) * 60).toBeCloseTo(minutes, 6);
    }
  });
});

describe('createWorkingCalendar', () => {
  it('builds from the shipped snapshot as data/reference exports it', () => {
    const shipped = createWorkingCalendar({ holidays: bankHolidays });
    expect(shipped.isWorkingTime(at('2026-12-28T10:00:00Z'))).toBe(false); // Boxing Day substitute
    expect(shipped.isWorkingTime(at('2027-03-26T10:00:00Z'))).toBe(false); // Good Friday 2027
    expect(shipped.isWorkingTime(at('2028-01-03T10:00:00Z'))).toBe(false); // New Year's Day substitute 2028
    expect(shipped.isWorkingTime(at('2026-12-29T10:00:00Z'))).toBe(true);
  });

  it('accepts holidays as plain yyyy-mm-dd dates', () => {
    const plain = createWorkingCalendar({ holidays: ['2026-03-30'] });
    expect(plain.isWorkingTime(at('2026-03-30T10:00:00Z'))).toBe(false);
    expect(plain.isWorkingTime(at('2026-03-31T10:00:00Z'))).toBe(true);
  });

  it('with no holidays, still closes at weekends', () => {
    const noHolidays = createWorkingCalendar({ holidays: [] });
    expect(noHolidays.isWorkingTime(at('2026-12-25T10:00:00Z'))).toBe(true);
    expect(noHolidays.isWorkingTime(at('2026-12-26T10:00:00Z'))).toBe(false);
  });

  it('uses other opening hours when given, still in London time', () => {
    const early = createWorkingCalendar({ holidays, startHour: 8, endHour: 18 });
    expect(early.isWorkingTime(at('2026-03-30T06:59:00Z'))).toBe(false); // 07:59 BST
    expect(early.isWorkingTime(at('2026-03-30T07:00:00Z'))).toBe(true); // 08:00 BST
    expect(early.workingHoursBetween(at('2026-03-27T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toBe(20);
  });

  it('can run until midnight', () => {
    const late = createWorkingCalendar({ holidays, startHour: 9, endHour: 24 });
    expect(late.isWorkingTime(at('2026-03-30T22:59:59Z'))).toBe(true); // 23:59:59 BST
    expect(late.isWorkingTime(at('2026-03-30T23:00:00Z'))).toBe(false); // midnight BST
    expect(late.addWorkingHours(at('2026-03-30T22:00:00Z'), 1).toISOString()).toBe('2026-03-30T23:00:00.000Z');
  });

  it.each([
    [{ startHour: 17, endHour: 9 }],
    [{ startHour: 9, endHour: 9 }],
    [{ startHour: -1, endHour: 17 }],
    [{ startHour: 9, endHour: 25 }],
    [{ startHour: 8.5, endHour: 17 }],
  ])('refuses opening hours %j', (hours) => {
    expect(() => createWorkingCalendar({ holidays, ...hours })).toThrow(ValidationError);
  });

  it('refuses a holiday that is not a real day, naming it', () => {
    expect(() => createWorkingCalendar({ holidays: ['2026-12-25', '2026-02-30'] })).toThrow(/2026-02-30/);
    expect(() => createWorkingCalendar({ holidays: [{ title: 'Boxing Day', date: '28/12/2026', notes: '' }] })).toThrow(ValidationError);
  });
});
