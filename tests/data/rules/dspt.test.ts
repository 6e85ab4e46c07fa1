import { describe, it, expect } from '@jest/globals';
import {
  dsptLapsed, meetsNhsmailBar, meetsUcpBar, parseDsptStatus, renewalDue, type DsptStatus, type ParsedDsptStatus,
} from '../../../data/rules/dspt.js';

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
    ['99/00 Standards Met', 'standardsMet', '2099-00'],
    ['standards met', 'standardsMet', undefined],
    ['STANDARDS EXCEEDED', 'standardsExceeded', undefined],
    ['  24/25   standards   met  ', 'standardsMet', '2024-25'],
    ['24/25\u00a0Standards\u00a0Met', 'standardsMet', '2024-25'],
    ['24/25\tStandards Met\n', 'standardsMet', '2024-25'],
    ['approaching standards', 'approachingStandards', undefined],
  ])('reads %j as %s (year %s)', (raw, status, year) => {
    const parsed = parseDsptStatus(raw);
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
    const parsed = parseDsptStatus(raw);
    expect(parsed).toEqual({ status: 'unknown', raw });
    expect(meetsUcpBar(parsed)).toBe(false);
    expect(meetsNhsmailBar(parsed)).toBe(false);
  });

  it.each(['constructor', '24/25 Constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'reads %j, a name every JavaScript object carries, as unknown rather than as a status',
    (raw) => {
      expect(parseDsptStatus(raw)).toEqual({ status: 'unknown', raw });
    },
  );

  it('treats a missing status as unknown', () => {
    expect(parseDsptStatus(undefined)).toEqual({ status: 'unknown', raw: '' });
    expect(parseDsptStatus(null)).toEqual({ status: 'unknown', raw: '' });
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
    const parsed = parseDsptStatus(raw);
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
    expect(renewalDue(parseDsptStatus(raw), today)).toEqual({ dueOn, basis: 'statusYear', overdue, endsThisYear });
  });

  it.each<[string, string, string, boolean]>([
    ['Standards Met', '2026-03-01', '2026-06-30', true],
    ['Standards Met', '2026-06-30', '2026-06-30', true],
    ['Standards Met', '2026-07-01', '2027-06-30', false],
    ['Not Published', '2026-12-31', '2027-06-30', false],
    ['24/25 Not Published', '2026-01-01', '2026-06-30', true],
    ['rubbish', '2026-01-01', '2026-06-30', true],
  ])('with no usable year, %j on %s points at the next 30 June, %s', (raw, today, dueOn, endsThisYear) => {
    expect(renewalDue(parseDsptStatus(raw), today)).toEqual({ dueOn, basis: 'nextDeadline', overdue: false, endsThisYear });
  });

  it.each(['2026-02-30', '30/06/2026', '2026-6-30', '', 'today'])('refuses a malformed date %j instead of guessing', (today) => {
    expect(() => renewalDue(parseDsptStatus('Standards Met'), today)).toThrow(RangeError);
  });
});

describe('dsptLapsed', () => {
  const met = (raw: string): ParsedDsptStatus => parseDsptStatus(raw);

  it('says a status has lapsed only after its 30 June renewal day', () => {
    expect(dsptLapsed(met('23/24 Standards Met'), '2025-06-30')).toBe(false);
    expect(dsptLapsed(met('23/24 Standards Met'), '2025-07-01')).toBe(true);
  });

  it('never calls an undated status lapsed, because it cannot tell', () => {
    expect(dsptLapsed(met('Standards Met'), '2040-01-01')).toBe(false);
  });
});
