import { describe, it, expect } from '@jest/globals';
import {
  ACCESS_SUMMARY_ACTIONS,
  buildAccessSummaryCard,
  readAccessSummaryPress,
  readAccessSummaryTemplate,
  type AccessSummary,
} from '../../cards/accessSummaryCard.js';
import { validateCard } from '../helpers/validateCard.js';
import { allObjects, allStrings, ofType } from './cardFixtures.js';

const TYPED = ' ${heading} ${$root.users} **bold** <b>x</b> [link](http://x)';

function summary(overrides: Partial<AccessSummary> = {}): AccessSummary {
  return {
    kind: 'organisationAccess',
    organisation: {
      odsCode: 'VN4K2',
      name: 'Rosewood Court Care Home',
      icbCode: 'QKK',
      borough: 'Lewisham',
      postcode: 'SE13 5AB',
      location: 'london',
      namedInDpia: true,
      organisationType: 'Care home (residential or nursing)',
      odsVerified: true,
      hscn: false,
      accessRoute: 'webPortal',
    },
    users: [
      { name: 'Samuel Okafor', jobTitle: 'Health Care Assistant', role: 'Non-Clinical', email: 'samuel.okafor@nhs.net' },
      {
        name: 'Priya Natarajan',
        jobTitle: 'Staff Nurse',
        role: 'Clinical',
        email: 'priya@rosewood.example',
        emailConfirmed: true,
        registration: { body: 'NMC', number: '12A3456E' },
      },
    ],
    notices: [],
    whatNext: ['The UCP helpdesk will set up the accounts.'],
    summaryId: 'summary-1',
    today: '2026-12-05',
    ...overrides,
  };
}

function texts(card: object): string {
  return allStrings(card)
    .map((s) => s.value)
    .join('\n');
}

describe('the access summary card', () => {
  it('parses and validates clean as an Adaptive Card 1.5, as stored and as built', () => {
    for (const card of [
      readAccessSummaryTemplate(),
      buildAccessSummaryCard(summary()),
      buildAccessSummaryCard(summary({ kind: 'addUsers', notices: ['ODS not yet verified'], whatNext: [] })),
    ]) {
      const check = validateCard(card);
      expect(check.problems).toEqual([]);
      expect(check.version).toBe('1.5');
    }
  });

  it('binds data only into text runs, never into markdown-rendering text blocks or fact sets', () => {
    const nodes = allObjects(readAccessSummaryTemplate());
    expect(nodes.filter((node) => node.type === 'TextBlock' && String(node.text).includes('${'))).toEqual([]);
    expect(nodes.filter((node) => node.type === 'FactSet')).toEqual([]);
  });

  it('offers Submit, Change organisation details, Change users and Cancel, each sending its action and the summary it is on', () => {
    const actions = ofType(buildAccessSummaryCard(summary()), 'Action.Submit');
    expect(actions.map((a) => a.title)).toEqual(['Submit', 'Change organisation details', 'Change users', 'Cancel']);
    expect(actions.map((a) => readAccessSummaryPress(a.data))).toEqual(
      ACCESS_SUMMARY_ACTIONS.map((action) => ({ action, summaryId: 'summary-1' })),
    );
  });

  it('shows the organisation, each person with role, e-mail and registration, and what happens next', () => {
    const all = texts(buildAccessSummaryCard(summary()));
    for (const expected of [
      'Rosewood Court Care Home',
      'VN4K2 (ODS verified)',
      'South East London',
      'Lewisham',
      'SE13 5AB',
      'Named in the ICS onboarding DPIA',
      'Samuel Okafor',
      ' – Health Care Assistant (Non-Clinical)',
      'Registration: NMC 12A3456E',
      'priya@rosewood.example (you confirmed it is used appropriately)',
      'Staff who need access (2 people)',
      'The UCP helpdesk will set up the accounts.',
      'The UCP web portal',
      'Internet (an extra code is e-mailed at each log-in)',
    ]) {
      expect(all).toContain(expected);
    }
  });

  it('marks an organisation whose ODS code could not be checked, and a title the helpdesk decides', () => {
    const base = summary();
    const all = texts(
      buildAccessSummaryCard(
        summary({
          organisation: { ...base.organisation, odsVerified: false },
          users: [{ name: 'Kim Lee', jobTitle: 'Wellbeing Lead', role: null, email: 'kim.lee@nhs.net' }],
          notices: ['ODS not yet verified: the helpdesk will check the code with the NHS directory.'],
        }),
      ),
    );
    expect(all).toContain('VN4K2 (ODS not yet verified)');
    expect(all).toContain('ODS not yet verified: the helpdesk will check the code with the NHS directory.');
    expect(all).toContain(' – Wellbeing Lead (role: helpdesk decides)');
    expect(all).toContain('Staff who need access (1 person)');
  });

  it('shows markup and template bindings a manager typed exactly as typed, only in text runs', () => {
    const base = summary();
    const card = buildAccessSummaryCard(
      summary({
        organisation: { ...base.organisation, name: `Rosewood${TYPED}`, postcode: `SE13${TYPED}` },
        users: [
          {
            name: `Sam${TYPED}`,
            jobTitle: `Carer${TYPED}`,
            role: null,
            email: 'sam@nhs.net',
            registration: { body: 'NMC', number: `12A${TYPED}` },
          },
        ],
      }),
    );
    expect(validateCard(card).problems).toEqual([]);
    const holders = allStrings(card).filter((s) => s.value.includes('**bold**'));
    expect(holders.length).toBe(5);
    for (const { holder, key, value } of holders) {
      expect(value).toContain(TYPED.trim());
      expect({ type: holder.type, key }).toEqual({ type: 'TextRun', key: 'text' });
    }
  });

  it("lists at most 25 people and counts the rest, so 500 people stay under Teams' 28 KB card limit", () => {
    const users = Array.from({ length: 500 }, (_, i) => ({
      name: `Person ${i} ${'x'.repeat(150)}`,
      jobTitle: 'Health Care Assistant',
      role: 'Non-Clinical' as const,
      email: `person.${i}.${'y'.repeat(150)}@nhs.net`,
    }));
    const card = buildAccessSummaryCard(summary({ users }));
    expect(validateCard(card).problems).toEqual([]);
    const all = texts(card);
    expect(all).toContain('Staff who need access (500 people)');
    expect(all).toContain('Person 24 ');
    expect(all).not.toContain('Person 25 ');
    expect(all).toContain('…and 475 more, all of them in the request. Choose Change users to see everyone.');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    expect(texts(buildAccessSummaryCard(summary()))).not.toContain('more, all of them');
  });

  it("stays under Teams' 28 KB and parser-valid with 25 people and every field at its longest, listing fewer and counting the rest", () => {
    // 254 characters is the most the workflow takes for a name, job title or address; three UTF-8 bytes each for 漢.
    const longest = (n: number) => `${n}${'漢'.repeat(252)}`;
    const users = Array.from({ length: 25 }, (_, i) => ({
      name: longest(i),
      jobTitle: longest(i),
      role: null,
      email: `${'p'.repeat(60)}${i}@${'d'.repeat(180)}.nhs.net`.slice(0, 254),
      emailConfirmed: true,
      registration: { body: 'NMC', number: longest(i) },
    }));
    const base = summary();
    const card = buildAccessSummaryCard(
      summary({
        users,
        organisation: {
          ...base.organisation,
          name: longest(0),
          postcode: longest(1),
          borough: longest(2),
          organisationType: longest(3),
          dsptStatus: longest(4),
        },
        notices: [
          'ODS not yet verified: the NHS organisation directory could not be reached, so the helpdesk will check your ODS code.',
          "Someone's job title is not on the UCP's list, so the helpdesk will decide which access they get.",
        ],
        whatNext: [
          'First, the ICS lead is asked to approve your organisation. '.repeat(4),
          'Once they approve, the UCP helpdesk checks the request. '.repeat(4),
        ],
      }),
    );
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    expect(validateCard(card).problems).toEqual([]);
    const all = texts(card);
    expect(all).toContain('Staff who need access (25 people)');
    expect(all).toMatch(/…and \d+ more, all of them in the request\. Choose Change users to see everyone\./);
    expect(all).toContain(`1. `);
    expect(all).toContain(`${'漢'.repeat(118)}…`);
    expect(all).not.toContain('漢'.repeat(120));
  });

  it('reads only its own button values', () => {
    expect(readAccessSummaryPress({ accessSummary: 'submit', summaryId: 's' })).toEqual({ action: 'submit', summaryId: 's' });
    for (const value of [
      undefined,
      null,
      'submit',
      { accessSummary: 'submit' },
      { accessSummary: 'approve', summaryId: 's' },
      { verb: 'submit' },
    ]) {
      expect(readAccessSummaryPress(value)).toBeUndefined();
    }
  });
});
