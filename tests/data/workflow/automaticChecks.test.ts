import { describe, expect, it } from '@jest/globals';
import type { AutomaticCheck, DsptRecord, WorkflowTicket } from '../../../data/model.js';
import { isStale, runAutomaticChecks, type CheckInputs, type DirectoryAnswer } from '../../../data/workflow/automaticChecks.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';

// 10:42 in London on Tuesday 1 December 2026 (GMT).
const NOW = new Date('2026-12-01T10:42:00.000Z');
const IMPORTED = { dpia: '2026-11-30T09:00:00.000Z', dspt: '2026-12-01T08:00:00.000Z', accreditedDomains: '2026-11-02T09:00:00.000Z' };
const ROSEWOOD_FOUND: DirectoryAnswer = {
  status: 'found',
  name: 'ROSEWOOD COURT CARE HOME',
  postcode: 'SE13 5AB',
  active: true,
  roleIds: ['RO101'],
  primaryRoleId: 'RO101',
};
const MET: DsptRecord = { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', status: '25/26 Standards Met', publishedOn: '2026-05-12' };

type Overrides = Omit<Partial<CheckInputs>, 'ticket'> & { ticket?: Partial<WorkflowTicket> };

function inputs(overrides: Overrides = {}): CheckInputs {
  const { ticket, ...rest } = overrides;
  return {
    ticket: makeWorkflowTicket({ state: 'awaitingHelpdesk', ...ticket }),
    directory: ROSEWOOD_FOUND,
    dpiaRegister: [{ odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' }],
    dsptStatuses: [MET],
    accreditedDomains: ['rosewoodcare.co.uk'],
    imports: IMPORTED,
    now: NOW,
    ...rest,
  };
}

function organisation(changes: Partial<NonNullable<WorkflowTicket['organisation']>>): Partial<WorkflowTicket> {
  return { organisation: { ...makeWorkflowTicket().organisation!, ...changes } };
}

describe('the automatic checks, with their evidence', () => {
  it('settles all four for a listed care home with Standards Met, NHS addresses and a reachable directory', () => {
    const found = runAutomaticChecks(inputs());
    expect(Object.values(found).map((c) => c.outcome)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(found.dsptChecked.evidence).toBe(
      '25/26 Standards Met, published 12/05/2026, current until 30 June 2027 (export imported 01/12/2026).',
    );
    expect(found.dpiaChecked.evidence).toBe('Named in the South East London onboarding DPIA (the register imported 30/11/2026).');
    expect(found.odsVerified.evidence).toBe(
      'The ODS directory lists ROSEWOOD COURT CARE HOME (VN4K2), a care home or other social care service, postcode SE13 5AB, active (looked up at 10:42).',
    );
    expect(found.emailDomainsChecked.evidence).toBe('All 2 addresses accepted (NHS or government domains).');
    expect(found.odsVerified.at).toBe(NOW.toISOString());
  });

  it.each<[string, DirectoryAnswer, AutomaticCheck['outcome'], RegExp]>([
    [
      'unreachable: left for the agent, saying when',
      { status: 'unavailable' },
      'unsettled',
      /^The ODS directory could not be reached at 10:42: check VN4K2 on the ODS portal\.$/,
    ],
    [
      'no such code: the manager may have carried on with it, so the agent decides',
      { status: 'notFound' },
      'unsettled',
      /has no organisation with the code VN4K2: check the code with the care home/,
    ],
    ['closed', { ...ROSEWOOD_FOUND, active: false } as DirectoryAnswer, 'failed', /as no longer active/],
    [
      'another name: the agent decides whether it is the same home',
      { ...ROSEWOOD_FOUND, name: 'Rosewood Lodge' } as DirectoryAnswer,
      'unsettled',
      /the request says Rosewood Court Care Home, SE13 5AB\. Check they are the same organisation/,
    ],
    [
      'another postcode',
      { ...ROSEWOOD_FOUND, postcode: 'SE6 4RU' } as DirectoryAnswer,
      'unsettled',
      /Check they are the same organisation/,
    ],
  ])('ODS directory %s', (_case, directory, outcome, evidence) => {
    const found = runAutomaticChecks(inputs({ directory })).odsVerified;
    expect(found.outcome).toBe(outcome);
    expect(found.evidence).toMatch(evidence);
  });

  it.each<[string, Overrides, AutomaticCheck['outcome'], RegExp]>([
    [
      'source 001 "DPIA verification": named in another ICS only',
      { dpiaRegister: [{ odsCode: 'VN4K2', name: 'Rosewood', icbCode: 'QMF' }] },
      'failed',
      /^Not named in the South East London onboarding DPIA \(the register imported 30\/11\/2026\), and no South East London governance lead has approved it\. It is named only in the North East London DPIA\.$/,
    ],
    [
      'source 001 "ICS onboarding approval": not named, approved by the lead',
      {
        dpiaRegister: [{ odsCode: 'AB123', name: 'Another', icbCode: 'QKK' }],
        icsApproval: { by: 'Sam Lead', at: '2026-11-30T14:05:00.000Z' },
      },
      'passed',
      /^Not named in the South East London onboarding DPIA \(.*\); onboarding approved by Sam Lead, South East London governance lead, on 30\/11\/2026 at 14:05\.$/,
    ],
    ['no register imported yet', { dpiaRegister: [] }, 'unsettled', /No DPIA register has been imported yet/],
    ['a register imported before the time was kept', { imports: {} }, 'passed', /the register imported on a date not recorded/],
  ])('DPIA: %s', (_case, overrides, outcome, evidence) => {
    const found = runAutomaticChecks(inputs(overrides)).dpiaChecked;
    expect(found.outcome).toBe(outcome);
    expect(found.evidence).toMatch(evidence);
  });

  it.each<[string, Overrides, AutomaticCheck['outcome'], RegExp]>([
    [
      'lapsed: the 24/25 status needed renewing by 30 June 2026',
      { dsptStatuses: [{ ...MET, status: '24/25 Standards Met', publishedOn: '2025-06-02' }] },
      'failed',
      /^24\/25 Standards Met, published 02\/06\/2025: it needed renewing by 30 June 2026 and has lapsed/,
    ],
    [
      'Approaching Standards is not enough for the UCP',
      { dsptStatuses: [{ ...MET, status: '25/26 Approaching Standards' }] },
      'failed',
      /the UCP needs Standards Met/,
    ],
    [
      'dated after today counts as unknown',
      { dsptStatuses: [{ ...MET, publishedOn: '2026-12-24' }] },
      'failed',
      /dated after today, so it counts as unknown/,
    ],
    [
      'no row for the code',
      { dsptStatuses: [{ ...MET, odsCode: 'ZZ999' }] },
      'failed',
      /^No published status for VN4K2 in the DSPT export \(export imported 01\/12\/2026\)\.$/,
    ],
    ['no export imported yet', { dsptStatuses: [] }, 'unsettled', /No DSPT export has been imported yet/],
    [
      'an NHS trust the directory confirmed is not asked (source 001)',
      { dsptStatuses: [], ticket: organisation({ organisationType: 'NHS trust', typeConfirmedByDirectory: true }) },
      'passed',
      /^Not needed: NHS trust, confirmed by the ODS directory/,
    ],
    [
      'an NHS type only the requester gave is asked',
      { dsptStatuses: [], ticket: organisation({ organisationType: 'NHS trust', typeConfirmedByDirectory: false }) },
      'unsettled',
      /No DSPT export/,
    ],
  ])('DSPT: %s', (_case, overrides, outcome, evidence) => {
    const found = runAutomaticChecks(inputs(overrides)).dsptChecked;
    expect(found.outcome).toBe(outcome);
    expect(found.evidence).toMatch(evidence);
  });

  const user = (email: string, extra: object = {}) => ({
    name: 'Someone',
    jobTitle: 'Carer',
    role: 'Non-Clinical' as const,
    email,
    ...extra,
  });
  it.each<[string, WorkflowTicket['users'], AutomaticCheck['outcome'], RegExp]>([
    [
      'source 001: nhs.net and an accredited domain',
      [user('a.b@nhs.net'), user('c.d@rosewoodcare.co.uk')],
      'passed',
      /^All 2 addresses accepted, 1 on the accredited list imported 02\/11\/2026\.$/,
    ],
    [
      'source 001: another domain the manager confirmed',
      [user('c.d@rosewood-court.com', { emailConfirmed: true })],
      'passed',
      /1 confirmed by the manager as used appropriately \(source 001\)/,
    ],
    [
      'another domain not confirmed',
      [user('c.d@rosewood-court.com')],
      'unsettled',
      /^1 of 1 address needs your check \(see the note beside person 1 in the list\)\.$/,
    ],
    [
      'source 004: a role word beside a name is for the helpdesk',
      [user('a.b@nhs.net'), user('jane.nurse@nhs.net')],
      'unsettled',
      /person 2 in the list/,
    ],
    [
      'source 001: a personal address',
      [user('a.b@nhs.net'), user('jane.smith@gmail.com'), user('x.y@hotmail.com')],
      'failed',
      /^2 of 3 addresses cannot have an account .*: people 2, 3 in the list\.$/,
    ],
    ['no staff on the request', [], 'passed', /nothing to check/],
  ])('E-mail domains: %s', (_case, users, outcome, evidence) => {
    const found = runAutomaticChecks(inputs({ ticket: { users } })).emailDomainsChecked;
    expect(found.outcome).toBe(outcome);
    expect(found.evidence).toMatch(evidence);
  });

  it('never writes an e-mail address into the evidence (the channel copy of the card shows it)', () => {
    const found = runAutomaticChecks(inputs({ ticket: { users: [user('jane.smith@gmail.com'), user('jane.nurse@nhs.net')] } }));
    expect(JSON.stringify(found)).not.toMatch(/@|jane/i);
  });
});

describe('an automatic check that may no longer be relied on', () => {
  const at = '2026-12-01T10:42:00.000Z';
  const check: AutomaticCheck = { outcome: 'passed', evidence: '…', at };
  it.each<[string, Parameters<typeof isStale>[0], Record<string, string>, string, boolean]>([
    ['DSPT export imported after the check', 'dsptChecked', { dspt: '2026-12-01T11:00:00.000Z' }, '2026-12-01T11:05:00.000Z', true],
    [
      'DSPT export imported before the check, same day',
      'dsptChecked',
      { dspt: '2026-12-01T08:00:00.000Z' },
      '2026-12-01T16:00:00.000Z',
      false,
    ],
    ['DSPT checked yesterday (a status may lapse at midnight)', 'dsptChecked', {}, '2026-12-02T09:00:00.000Z', true],
    ['DPIA register imported after the check', 'dpiaChecked', { dpia: '2026-12-01T12:00:00.000Z' }, '2026-12-01T12:01:00.000Z', true],
    ['DPIA register unchanged a week later', 'dpiaChecked', { dpia: '2026-11-30T09:00:00.000Z' }, '2026-12-08T09:00:00.000Z', false],
    [
      'accredited domains imported after the check',
      'emailDomainsChecked',
      { accreditedDomains: '2026-12-01T10:43:00.000Z' },
      '2026-12-01T10:44:00.000Z',
      true,
    ],
    ['ODS directory answer under a day old', 'odsVerified', {}, '2026-12-02T10:41:00.000Z', false],
    ['ODS directory answer over a day old', 'odsVerified', {}, '2026-12-02T10:43:00.000Z', true],
  ])('%s', (_case, item, imports, now, stale) => {
    expect(isStale(item, check, imports, new Date(now))).toBe(stale);
  });
});
