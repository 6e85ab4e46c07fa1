import { describe, it, expect } from '@jest/globals';
import {
  assessmentYearStart,
  dsptLapsed,
  meetsNhsmailBar,
  meetsUcpBar,
  parseDsptStatus,
  parsePublishedStatus,
  renewalDue,
  type DsptStatus,
  type ParsedDsptStatus,
} from '../../../data/rules/dspt.js';

/** The day these tests read statuses on, unless a row says otherwise: every year used below (but 27/28 and 99/00) had begun. */
const TODAY = '2026-12-05';

describe('parseDsptStatus', () => {
  it.each<[string, DsptStatus, string | undefined]>([
    ['Standards Met', 'standardsMet', undefined],
    ['Standards Exceeded', 'standardsExceeded', undefined],
    ['Approaching Standards', 'approachingStandards', undefined],
    ['Not Published', 'notPublished', undefined],
    ['24/25 Standards Met', 'standardsMet', '2024-25'],
    ['2023-24 Standards Exceeded', 'standardsExceeded', '2023-24'],
    ['22/23 Approaching Standards', 'approachingStandards', '2022-23'],
    ['23/24 Not Published', 'notPublished', '2023-24'],
    ['2024/25 Standards Met', 'standardsMet', '2024-25'],
    ['2024-2025 Standards Met', 'standardsMet', '2024-25'],
    ['24-25 Standards Met', 'standardsMet', '2024-25'],
    ['24 / 25 Standards Met', 'standardsMet', '2024-25'],
    ['standards met', 'standardsMet', undefined],
    ['STANDARDS EXCEEDED', 'standardsExceeded', undefined],
    ['  24/25   standards   met  ', 'standardsMet', '2024-25'],
    ['24/25\u00a0Standards\u00a0Met', 'standardsMet', '2024-25'],
    ['24/25\tStandards Met\n', 'standardsMet', '2024-25'],
    ['approaching standards', 'approachingStandards', undefined],
  ])('reads %j as %s (year %s)', (raw, status, year) => {
    const parsed = parseDsptStatus(raw, TODAY);
    expect(parsed.status).toBe(status);
    expect(parsed.year).toBe(year);
    expect(parsed.raw).toBe(raw);
  });

  it.each([
    '',
    '   ',
    'Met',
    'Not Met',
    'Standards Not Met',
    '24/25 Standards Not Met',
    'Standards Met?',
    'Standards Met.',
    'Standards Met - with improvement plan',
    'Standards Met (Plan Agreed)',
    'Standards',
    'Not Standards Met',
    'Standards Met Standards Met',
    'Exceeded',
    '24/25',
    '24/26 Standards Met',
    '25/24 Standards Met',
    '2024-26 Standards Met',
    '1/2 Standards Met',
    'yes',
    'Standards Met; DROP TABLE',
    'Ｓｔａｎｄａｒｄｓ Ｎｏｔ Ｍｅｔ',
  ])('never reads %j as met: it is unknown', (raw) => {
    const parsed = parseDsptStatus(raw, TODAY);
    expect(parsed).toEqual({ status: 'unknown', raw });
    expect(meetsUcpBar(parsed)).toBe(false);
    expect(meetsNhsmailBar(parsed)).toBe(false);
  });

  it.each(['constructor', '24/25 Constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'reads %j, a name every JavaScript object carries, as unknown rather than as a status',
    (raw) => {
      expect(parseDsptStatus(raw, TODAY)).toEqual({ status: 'unknown', raw });
    },
  );

  it('treats a missing status as unknown', () => {
    expect(parseDsptStatus(undefined, TODAY)).toEqual({ status: 'unknown', raw: '' });
    expect(parseDsptStatus(null, TODAY)).toEqual({ status: 'unknown', raw: '' });
  });
});

describe('the DSPT bars', () => {
  it.each<[string, boolean, boolean]>([
    ['24/25 Standards Met', true, true],
    ['24/25 Standards Exceeded', true, true],
    ['24/25 Approaching Standards', false, true],
    ['24/25 Not Published', false, false],
    ['Standards Not Met', false, false],
  ])('%j: good enough for the UCP %s, for NHSmail %s', (raw, ucp, nhsmail) => {
    const parsed = parseDsptStatus(raw, TODAY);
    expect(meetsUcpBar(parsed)).toBe(ucp);
    expect(meetsNhsmailBar(parsed)).toBe(nhsmail);
  });
});

describe('renewalDue', () => {
  it.each<[string, string, string, boolean, boolean]>([
    // status, today, due on, overdue, ends this year
    ['24/25 Standards Met', '2025-08-01', '2026-06-30', false, false],
    ['24/25 Standards Met', '2026-01-15', '2026-06-30', false, true],
    ['24/25 Standards Met', '2026-06-30', '2026-06-30', false, true],
    ['24/25 Standards Met', '2026-07-01', '2026-06-30', true, true],
    ['24/25 Standards Met', '2027-03-01', '2026-06-30', true, false],
    ['2023-24 Standards Exceeded', '2025-02-10', '2025-06-30', false, true],
    ['22/23 Approaching Standards', '2025-02-10', '2024-06-30', true, false],
  ])('a %j status, on %s, must be renewed by %s (overdue %s, ends this year %s)', (raw, today, dueOn, overdue, endsThisYear) => {
    expect(renewalDue(parseDsptStatus(raw, today), today)).toEqual({ dueOn, basis: 'statusYear', overdue, endsThisYear });
  });

  it.each<[string, string, string, boolean]>([
    ['Standards Met', '2026-03-01', '2026-06-30', true],
    ['Standards Met', '2026-06-30', '2026-06-30', true],
    ['Standards Met', '2026-07-01', '2027-06-30', false],
    ['Not Published', '2026-12-31', '2027-06-30', false],
    ['24/25 Not Published', '2026-01-01', '2026-06-30', true],
    ['rubbish', '2026-01-01', '2026-06-30', true],
  ])('with no usable year, %j on %s points at the next 30 June, %s', (raw, today, dueOn, endsThisYear) => {
    expect(renewalDue(parseDsptStatus(raw, today), today)).toEqual({ dueOn, basis: 'nextDeadline', overdue: false, endsThisYear });
  });

  it.each(['2026-02-30', '30/06/2026', '2026-6-30', '', 'today'])('refuses a malformed date %j instead of guessing', (today) => {
    expect(() => renewalDue(parseDsptStatus('Standards Met', TODAY), today)).toThrow(RangeError);
  });
});

describe('dsptLapsed', () => {
  const met = (raw: string): ParsedDsptStatus => parseDsptStatus(raw, TODAY);

  it('says a status has lapsed only after its 30 June renewal day', () => {
    expect(dsptLapsed(met('23/24 Standards Met'), '2025-06-30')).toBe(false);
    expect(dsptLapsed(met('23/24 Standards Met'), '2025-07-01')).toBe(true);
  });

  it('never calls an undated status lapsed, because it cannot tell', () => {
    expect(dsptLapsed(met('Standards Met'), '2040-01-01')).toBe(false);
  });
});

// Source 004 "annual self-assessment" and source 001 "Check organisation DSPT compliant at standards met via the DSPT
// Toolkit Organisation Search": a status counts only for a year whose assessment could exist. The sources give no
// calendar; our reading (renewalDue): "YY/ZZ" is the financial year from 1 April 20YY, due by 30 June 20ZZ.
describe('a status dated after today is unknown, never met', () => {
  const RULE = "source 004 'annual self-assessment' + source 001 'Check organisation DSPT compliant at standards met'";
  it.each<[string, string, string, DsptStatus, boolean]>([
    // rule followed, status, today, read as, dated after today
    [`${RULE}: the 27/28 year starts 1 April 2027, after today`, '27/28 Standards Met', '2026-12-05', 'unknown', true],
    [`${RULE}: the day before the 27/28 year starts`, '27/28 Standards Met', '2027-03-31', 'unknown', true],
    [`${RULE}: the first day of the 27/28 year`, '27/28 Standards Met', '2027-04-01', 'standardsMet', false],
    [`${RULE}: the year in progress`, '26/27 Standards Met', '2026-12-05', 'standardsMet', false],
    [`${RULE}: last year's assessment`, '25/26 Standards Met', '2026-12-05', 'standardsMet', false],
    [`${RULE}: a four-digit future year`, '2027-28 Standards Exceeded', '2026-12-05', 'unknown', true],
    [`${RULE}: a four-digit year just begun`, '2026/2027 Standards Exceeded', '2026-04-01', 'standardsExceeded', false],
    [
      `source 004 'Approaching Standards': a future year is not enough for NHSmail either`,
      '27/28 Approaching Standards',
      '2026-12-05',
      'unknown',
      true,
    ],
    [`${RULE}: a future Not Published is no status at all`, '27/28 Not Published', '2026-12-05', 'unknown', true],
    [`${RULE}: a typing slip far in the future`, '99/00 Standards Met', '2026-12-05', 'unknown', true],
    [`${RULE}: no year, so nothing to date`, 'Standards Met', '2026-12-05', 'standardsMet', false],
  ])('%s: %j on %s reads as %s (dated after today %s)', (_rule, raw, today, status, notYetPossible) => {
    const parsed = parseDsptStatus(raw, today);
    expect(parsed.status).toBe(status);
    expect(parsed.notYetPossible === true).toBe(notYetPossible);
    if (notYetPossible) {
      expect(meetsUcpBar(parsed)).toBe(false);
      expect(meetsNhsmailBar(parsed)).toBe(false);
      // Not a dated status for the reminders: it points at the next 30 June and is never overdue or reminded about.
      expect(renewalDue(parsed, today).basis).toBe('nextDeadline');
    }
  });

  it.each([
    ['2024-25', '2024-04-01'],
    ['2027-28', '2027-04-01'],
    ['2099-00', '2099-04-01'],
  ])('reads the %s assessment year as beginning on %s', (year, start) => {
    expect(assessmentYearStart(year)).toBe(start);
  });

  it.each(['2026-02-30', '05/12/2026', ''])('refuses a malformed today %j instead of comparing it', (today) => {
    expect(() => parseDsptStatus('27/28 Standards Met', today)).toThrow(RangeError);
  });
});

describe('parsePublishedStatus', () => {
  it.each<[string, { status: string; publishedOn?: string }, DsptStatus, boolean]>([
    // source 001 'DSPT Toolkit Organisation Search': the export's row; a publication date after today cannot be true
    ['published today', { status: '26/27 Standards Met', publishedOn: '2026-12-05' }, 'standardsMet', false],
    ['published yesterday', { status: '26/27 Standards Met', publishedOn: '2026-12-04' }, 'standardsMet', false],
    ['no publication date', { status: '26/27 Standards Met' }, 'standardsMet', false],
    ['published tomorrow', { status: '26/27 Standards Met', publishedOn: '2026-12-06' }, 'unknown', true],
    ['undated status published next year', { status: 'Standards Met', publishedOn: '2027-01-10' }, 'unknown', true],
    ['a future year published in the past', { status: '27/28 Standards Met', publishedOn: '2026-11-01' }, 'unknown', true],
    ['an unreadable status published today', { status: 'Standards Not Met', publishedOn: '2026-12-05' }, 'unknown', false],
  ])('reads a row %s, on 5 December 2026, as %s (dated after today %s)', (_name, record, status, notYetPossible) => {
    const parsed = parsePublishedStatus(record, TODAY);
    expect(parsed.status).toBe(status);
    expect(parsed.notYetPossible === true).toBe(notYetPossible);
    expect(parsed.raw).toBe(record.status);
  });
});
