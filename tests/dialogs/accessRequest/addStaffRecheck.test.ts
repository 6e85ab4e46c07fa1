import { describe, it, expect } from '@jest/globals';
import type { DsptRecord, TicketOrganisation, WorkflowTicket } from '../../../data/model.js';
import { AddUsersDialog } from '../../../dialogs/accessRequest/addUsersDialog.js';
import type { OdsLookupResult } from '../../../dialogs/dialogServices.js';
import { dialogClient, useDialogWorld, type WorldOptions } from '../../helpers/dialogFixtures.js';
import { onboarded, ONE_CARE_MANAGER, press, ROSEWOOD_LISTS, ROSEWOOD_ORGANISATION, talk, tickets, type Line } from './accessFixtures.js';

/**
 * Issue 11 point 4: "add staff" for the organisation of a finished request checks it again against the imported lists, at
 * that moment (today in these tests: Monday 2 March 2026, so "23/24" lapsed after 30 June 2025).
 */
const LISTED = 'source 001 user onboarding "Check organisation is already listed in the ICS Better Onboarding DPIA"';
const STANDARDS_MET = 'source 001 "Data Security and Protection Toolkit compliant at Standards Met"';
const APPROVAL =
  'source 001 "Where an organisation is DSPT compliant but not listed in the Better onboarding DPIA, help desk shall seek onboarding approval"';
const RENEWAL = 'DOMAIN.md DSPT "its yearly publication deadline is 30 June"';

const RECHECKING = "Before I add staff, I'll check again that your organisation is still named";
const AS_NEW = "As I can't confirm all of this from the lists I have, I will send the staff with a request for the organisation itself";
const STOPPED = "So I haven't sent anything yet.";

const rosewoodDspt = (status: string): DsptRecord[] => [{ ...ROSEWOOD_LISTS.dspt[0]!, status }];
const STAFF_AND_SUBMIT: Line[] = [
  ['Fewer than 10', 'first person'],
  ...ONE_CARE_MANAGER,
  ["That's everyone", 'Please check your request below.'],
  [press('submit'), 'Your ticket number is UCP-'],
];

interface Row {
  lists: Pick<WorldOptions, 'dpia' | 'dspt'>;
  organisation?: Partial<TicketOrganisation>;
  ods?: OdsLookupResult;
  /** What the bot says after "Yes" (same organisation), then any answers to what it asks. */
  said: (string | RegExp)[];
  dsptAnswer?: [string, (string | RegExp)[]];
  /** null: stopped, nothing sent. */
  ticket: null | { kind: WorkflowTicket['kind']; state: WorkflowTicket['state'] };
}

const ROWS: [string, string, Row][] = [
  [
    'still in its DPIA with a current DSPT: an add-users ticket',
    LISTED,
    {
      lists: ROSEWOOD_LISTS,
      said: ['VN4K2 is named in the South East London onboarding DPIA.', 'How many members of staff need access?'],
      ticket: { kind: 'addUsers', state: 'awaitingHelpdesk' },
    },
  ],
  [
    'DSPT lapsed after 30 June: stopped with next steps, nothing sent',
    RENEWAL,
    {
      lists: { ...ROSEWOOD_LISTS, dspt: rosewoodDspt('23/24 Standards Met') },
      said: ['"23/24 Standards Met"', 'www.dsptoolkit.nhs.uk', STOPPED],
      ticket: null,
    },
  ],
  [
    'DSPT now Approaching Standards: stopped, nothing sent',
    STANDARDS_MET,
    {
      lists: { ...ROSEWOOD_LISTS, dspt: rosewoodDspt('25/26 Approaching Standards') },
      said: ['the UCP needs Standards Met', STOPPED],
      ticket: null,
    },
  ],
  [
    'no longer in its DPIA: sent as a new organisation, to the ICS lead',
    APPROVAL,
    {
      lists: { dpia: [], dspt: ROSEWOOD_LISTS.dspt },
      said: ['not named in a London onboarding DPIA yet', AS_NEW, 'How many members of staff'],
      ticket: { kind: 'organisationAccess', state: 'awaitingIcsApproval' },
    },
  ],
  [
    "only in another ICS's DPIA now: sent as a new organisation, to the ICS lead",
    APPROVAL,
    {
      lists: { dpia: [{ ...ROSEWOOD_LISTS.dpia[0]!, icbCode: 'QMJ' }], dspt: ROSEWOOD_LISTS.dspt },
      said: ['North Central London', AS_NEW],
      ticket: { kind: 'organisationAccess', state: 'awaitingIcsApproval' },
    },
  ],
  [
    'no longer in its DPIA and DSPT lapsed: stopped, nothing sent',
    STANDARDS_MET,
    { lists: { dpia: [], dspt: rosewoodDspt('23/24 Standards Met') }, said: [STOPPED], ticket: null },
  ],
  [
    'its DSPT row gone and the manager says Standards Met: sent as a new organisation for the helpdesk to check',
    STANDARDS_MET,
    {
      lists: { ...ROSEWOOD_LISTS, dspt: [] },
      said: ["I couldn't find VN4K2"],
      dsptAnswer: ['Standards Met', [AS_NEW, 'How many members of staff']],
      ticket: { kind: 'organisationAccess', state: 'awaitingHelpdesk' },
    },
  ],
  [
    'its DSPT row gone and the manager says not published: stopped, nothing sent',
    STANDARDS_MET,
    {
      lists: { ...ROSEWOOD_LISTS, dspt: [] },
      said: ["I couldn't find VN4K2"],
      dsptAnswer: ['Not registered or not published', [STOPPED]],
      ticket: null,
    },
  ],
  [
    'an NHS trust the directory confirmed, still in its DPIA: an add-users ticket without a DSPT',
    LISTED,
    {
      lists: { dpia: ROSEWOOD_LISTS.dpia, dspt: [] },
      organisation: { organisationType: 'NHS trust', typeConfirmedByDirectory: true },
      said: ['As an NHS organisation, you do not need to show', 'How many members of staff'],
      ticket: { kind: 'addUsers', state: 'awaitingHelpdesk' },
    },
  ],
  [
    'an NHS trust the directory now calls a care home: the DSPT is asked, and a lapsed one stops',
    STANDARDS_MET,
    {
      lists: { ...ROSEWOOD_LISTS, dspt: rosewoodDspt('23/24 Standards Met') },
      organisation: { organisationType: 'NHS trust', typeConfirmedByDirectory: undefined },
      ods: {
        status: 'found',
        organisation: {
          odsCode: 'VN4K2',
          name: 'Rosewood Court Care Home',
          active: true,
          roleIds: ['RO101', 'RO269'],
          primaryRoleId: 'RO101',
        },
      },
      said: ['could not confirm that VN4K2 is an NHS trust', STOPPED],
      ticket: null,
    },
  ],
  [
    'an NHS trust whose type the directory cannot be asked about: the DSPT is asked, and a current one lets the staff be added',
    STANDARDS_MET,
    {
      lists: ROSEWOOD_LISTS,
      organisation: { organisationType: 'NHS trust', typeConfirmedByDirectory: undefined },
      ods: { status: 'unavailable' },
      said: ['could not confirm that VN4K2 is an NHS trust', '"25/26 Standards Met"', 'How many members of staff'],
      ticket: { kind: 'addUsers', state: 'awaitingHelpdesk' },
    },
  ],
];

describe('adding staff checks the organisation again', () => {
  const worlds = useDialogWorld();

  it.each(ROWS)('%s (%s)', async (_case, _source, row) => {
    const earlier = onboarded({ id: 'UCP-000007', organisation: { ...ROSEWOOD_ORGANISATION, ...row.organisation } });
    const world = await worlds.open({ tickets: [earlier], ...row.lists });
    if (row.ods) world.ods.answers.VN4K2 = row.ods;
    const client = dialogClient(new AddUsersDialog(world.services), world);
    await talk(client, [
      ['add staff', 'Are these staff for the same organisation?'],
      ['Yes', [RECHECKING, ...row.said]],
    ]);
    if (row.dsptAnswer) await talk(client, [row.dsptAnswer]);
    if (row.ticket === null) {
      expect(client.dialogContext.activeDialog).toBeUndefined();
      expect((await tickets(world.store)).filter((t) => t.id !== 'UCP-000007')).toEqual([]);
      return;
    }
    await talk(client, STAFF_AND_SUBMIT);
    const sent = (await tickets(world.store)).find((t) => t.id !== 'UCP-000007');
    expect(sent).toMatchObject(row.ticket);
    // Only a ticket that passed the re-check carries it; the others are checked by the helpdesk as new organisations.
    expect(sent?.organisation?.recheck !== undefined).toBe(row.ticket.kind === 'addUsers');
  });
});
