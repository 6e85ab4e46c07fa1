import { describe, it, expect } from '@jest/globals';
import { exampleDay, parseDay } from '../../../dialogs/input/dayAnswer.js';
import { askLastDay } from '../../../dialogs/leavers/leaversMessages.js';

describe('the example date in messages (issue 13 point 9: examples of dates are in the future)', () => {
  it.each([
    ['2026-03-02', '30/04/2026'],
    ['2026-12-05', '31/01/2027'],
    ['2027-01-31', '28/02/2027'],
    ['2028-01-15', '29/02/2028'],
  ])('on %s is %s, the last day of next month', (today, example) => {
    expect(exampleDay(today)).toBe(example);
    const [d, m, y] = example.split('/');
    expect(`${y}-${m}-${d}` > today).toBe(true);
  });

  it("is the one a manager is shown when a date cannot be read, and when asked a leaver's last day", () => {
    expect(parseDay('someday', '2026-12-05')).toEqual({
      ok: false,
      reason: "I couldn't read that as a date. Please give the date as a day, month and year, like 31/01/2027, or type today.",
    });
    expect(parseDay('1/2/27', '2026-12-05')).toEqual({ ok: false, reason: 'Please write the year in full, like 31/01/2027.' });
    expect(askLastDay('Sam', exampleDay('2026-12-05'))).toContain('For example 31/01/2027, or type today.');
  });
});
