import { describe, it, expect } from '@jest/globals';
import { bankHolidays } from '../../../data/reference/index.js';
import { createWorkingCalendar } from '../../../data/rules/workingHours.js';
import { londonDate, whatHappensNext } from '../../../dialogs/accessRequest/whatHappensNext.js';
import { nearestBoroughs } from '../../../dialogs/accessRequest/nearestBoroughs.js';

const calendar = createWorkingCalendar({ holidays: bankHolidays });
const london = { icbCode: 'QKK', location: 'london' as const, namedInDpia: true };

describe('what happens next, in working days', () => {
  const target = { targetWorkingDays: 2 };

  it('promises the helpdesk no time when no target is configured: it will be in touch in its working hours', () => {
    const lines = whatHappensNext('awaitingHelpdesk', london, calendar, new Date('2026-04-02T09:00:00Z'), {});
    expect(lines[0]).toBe(
      'The UCP helpdesk will be in touch about the request in its working hours (Monday to Friday, 9am to 5pm, ' +
        'except bank holidays), to check it and set up access.',
    );
    expect(lines.join(' ')).not.toMatch(/working days?|by about/);
  });

  it('skips the Easter bank holidays and the weekend when it says when the helpdesk will be done, with a configured target', () => {
    // Thursday 2 April 2026, 10:00 BST; Good Friday and Easter Monday are bank holidays.
    const lines = whatHappensNext('awaitingHelpdesk', london, calendar, new Date('2026-04-02T09:00:00Z'), target);
    expect(lines[0]).toBe(
      'The UCP helpdesk checks the request and sets up access, usually within 2 working days (by about Wednesday 8 April).',
    );
  });

  it('uses the configured target, whatever it is', () => {
    const lines = whatHappensNext('awaitingHelpdesk', london, calendar, new Date('2026-04-02T09:00:00Z'), { targetWorkingDays: 1 });
    expect(lines[0]).toContain('usually within 1 working day (by about Tuesday 7 April)');
  });

  it('counts about a week for the ICS lead (source 000) and the configured working days for the helpdesk, naming the ICS', () => {
    const lines = whatHappensNext(
      'awaitingIcsApproval',
      { ...london, namedInDpia: false },
      calendar,
      new Date('2026-03-06T16:30:00Z'),
      target,
    );
    expect(lines[0]).toContain("the South East London Integrated Care System's governance lead");
    expect(lines[0]).toContain('This usually takes around a week, so expect to hear by about Friday 13 March');
    expect(lines[1]).toContain('usually within 2 working days (by about Tuesday 17 March)');
  });

  it("keeps source 000's week for the ICS lead but promises the helpdesk no time when no target is configured", () => {
    const lines = whatHappensNext('awaitingIcsApproval', { ...london, namedInDpia: false }, calendar, new Date('2026-03-06T16:30:00Z'), {});
    expect(lines[0]).toContain('expect to hear by about Friday 13 March');
    expect(lines[1]).toBe(
      'Once they approve, the UCP helpdesk checks the request and sets up access, in its working hours ' +
        '(Monday to Friday, 9am to 5pm, except bank holidays).',
    );
  });

  it('tells an organisation outside London that the helpdesk will contact it about its own DPIA', () => {
    const lines = whatHappensNext(
      'awaitingHelpdesk',
      { icbCode: 'QWE', location: 'outside', namedInDpia: false },
      calendar,
      new Date('2026-03-02T10:04:00Z'),
      {},
    );
    expect(lines[0]).toContain('will contact you about the DPIA your organisation needs to complete, in its working hours');
    expect(lines[0]).not.toContain('working days');
  });

  it('writes dates as London reads them, across midnight UTC in summer', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('Wednesday 1 July');
  });
});

describe('the nearest London boroughs to what was typed', () => {
  it.each([
    ['Lewisam', ['Lewisham']],
    ['Richmnd', ['Richmond upon Thames']],
    ['Kens', ['Kensington and Chelsea']],
    ['Barnett', ['Barnet']],
    ['Manchester', []],
    ['ab', []],
  ])('%s → %j', (typed, expected) => {
    expect(nearestBoroughs(typed)).toEqual(expected);
  });

  it('offers at most three', () => {
    expect(nearestBoroughs('ham').length).toBe(3);
  });
});
