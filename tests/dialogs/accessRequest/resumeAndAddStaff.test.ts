import { describe, it, expect } from '@jest/globals';
import type { WorkflowTicket } from '../../../data/model.js';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog, ADD_USERS_DIALOG_ID } from '../../../dialogs/accessRequest/addUsersDialog.js';
import type { OdsLookupResult } from '../../../dialogs/dialogServices.js';
import { MainDialog } from '../../../dialogs/mainDialog.js';
import { dialogClient, useDialogWorld, useDurableDialogWorld, type DialogWorld } from '../../helpers/dialogFixtures.js';
import { allStrings } from '../../cards/cardFixtures.js';
import {
  INTERNET_WEB_PORTAL_FEW,
  onboarded,
  ONE_CARE_MANAGER,
  press,
  ROSEWOOD_LISTS,
  ROSEWOOD_ORGANISATION,
  SUNNYVIEW,
  SUNNYVIEW_DPIA,
  SUNNYVIEW_FOUND_IN_LONDON,
  sunnyviewDspt,
  talk,
  tickets,
} from './accessFixtures.js';

describe('an access request across a restart', () => {
  const worlds = useDurableDialogWorld();

  function withSunnyview(world: DialogWorld): DialogWorld {
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    return world;
  }

  it('carries on from the staff questions with a new store and new dialog objects over the same data folder', async () => {
    const before = withSunnyview(await worlds.open({ dpia: [SUNNYVIEW_DPIA], dspt: [sunnyviewDspt('25/26 Standards Met')] }));
    const first = dialogClient(new AccessRequestDialog(before.services), before);
    await talk(first, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      ['Care home (residential or nursing)', 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ['Ben Walsh', "Ben Walsh's job title"],
    ]);
    await before.store.close();

    // The service stops and starts again: nothing survives but the data folder.
    const after = withSunnyview(await worlds.reopen(before));
    const second = dialogClient(new AccessRequestDialog(after.services), after);
    await talk(second, [
      ...ONE_CARE_MANAGER.slice(1),
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), 'UCP-000001'],
    ]);
    expect((await tickets(after.store))[0]).toMatchObject({
      organisation: { odsCode: 'VX1A2', borough: 'Islington', hscn: false },
      users: [{ name: 'Ben Walsh' }],
    });
    expect(after.ods.lookups).toEqual([]);
  });
});

const RECHECKING = "Before I add staff, I'll check again that your organisation is still named";

const CHECKED_AS_NEW =
  "I don't have a finished UCP access request for this organisation, so I need to check it can have access, as for a new organisation.";

describe('adding staff to an organisation that already has access', () => {
  const worlds = useDialogWorld();

  it("offers the organisation of the manager's finished earlier request, checks it again, and sends an add-users ticket straight to the helpdesk", async () => {
    const earlier = onboarded({ id: 'UCP-000007' });
    const world = await worlds.open({ tickets: [earlier], ...ROSEWOOD_LISTS });
    const client = dialogClient(new AddUsersDialog(world.services), world);
    expect(new AddUsersDialog(world.services).id).toBe(ADD_USERS_DIALOG_ID);
    await talk(client, [
      [
        'add staff',
        [
          "Let's add staff to your organisation's Universal Care Plan (UCP) access.",
          'Your earlier request was for Rosewood Court Care Home (VN4K2).',
          'Are these staff for the same organisation?',
        ],
      ],
      [
        'Yes',
        [
          RECHECKING,
          'VN4K2 is named in the South East London onboarding DPIA.',
          '"25/26 Standards Met"',
          'How many members of staff need access?',
        ],
      ],
      ['Fewer than 10', 'first person'],
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), ['Your ticket number is UCP-000008', 'The UCP helpdesk will be in touch about the request in its working hours']],
    ]);
    const added = (await tickets(world.store)).find((t) => t.id === 'UCP-000008');
    expect(added).toMatchObject({
      kind: 'addUsers',
      state: 'awaitingHelpdesk',
      organisation: { odsCode: 'VN4K2', icbCode: 'QKK', odsVerified: true },
      users: [{ name: 'Ben Walsh' }],
    });
    expect(added?.organisation?.recheck).toEqual({
      checkedAt: world.clock.now().toISOString(),
      dpiaIcbCode: 'QKK',
      dsptRequired: true,
      dsptStatus: '25/26 Standards Met',
      dsptCurrent: true,
      dsptRenewalDue: '2027-06-30',
    });
    expect(world.ods.lookups).toEqual([]);
  });

  const unfinished: [string, Partial<WorkflowTicket>][] = [
    ['still awaiting ICS approval', { state: 'awaitingIcsApproval', checklist: {} }],
    ['waiting for information', { state: 'needsInformation', checklist: {} }],
    ['with the helpdesk', { state: 'assigned', checklist: {} }],
    ['turned down, then closed', { state: 'closed', checklist: {}, reason: 'Not a London service.' }],
    ['withdrawn', { state: 'withdrawn', checklist: {} }],
  ];
  it.each(unfinished)('does not offer the organisation of an earlier request %s, and asks which organisation', async (_what, overrides) => {
    const world = await worlds.open({ tickets: [onboarded(overrides)] });
    const client = dialogClient(new AddUsersDialog(world.services), world);
    const answer = await talk(client, [['add staff', ["Let's add staff", "What is your organisation's ODS code?"]]]);
    expect(answer.text).not.toContain('Your earlier request was for');
  });

  it('offers a resolved request too, and takes the ODS code as verified once the helpdesk ticked it', async () => {
    const earlier = onboarded({ state: 'resolved', organisation: { ...ROSEWOOD_ORGANISATION, odsVerified: false } });
    const world = await worlds.open({ tickets: [earlier], ...ROSEWOOD_LISTS });
    const client = dialogClient(new AddUsersDialog(world.services), world);
    await talk(client, [
      ['add staff', 'Your earlier request was for Rosewood Court Care Home (VN4K2).'],
      ['Yes', 'How many'],
      ['Fewer than 10', 'first person'],
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [press('submit'), 'UCP-'],
    ]);
    expect((await tickets(world.store)).find((t) => t.kind === 'addUsers')?.organisation?.odsVerified).toBe(true);
    expect(world.ods.lookups).toEqual([]);
  });

  const unverified: [string, OdsLookupResult, string][] = [
    [
      'did not recognise the code',
      { status: 'notFound' },
      'ODS not yet verified: the NHS organisation directory did not recognise this code, so the helpdesk will check it with you.',
    ],
    [
      'cannot be reached',
      { status: 'unavailable' },
      'ODS not yet verified: the NHS organisation directory could not be reached, so the helpdesk will check your ODS code.',
    ],
  ];
  it.each(unverified)("says the directory %s when the earlier organisation's code was never verified", async (_what, answer, notice) => {
    const organisation = { ...ROSEWOOD_ORGANISATION, odsVerified: false };
    const earlier = onboarded({ organisation, checklist: { accountsCreated: { by: 'system', at: '2026-02-20T10:00:00.000Z' } } });
    const world = await worlds.open({ tickets: [earlier], ...ROSEWOOD_LISTS });
    world.ods.answers.VN4K2 = answer;
    const client = dialogClient(new AddUsersDialog(world.services), world);
    const summary = await talk(client, [
      ['add staff', 'Are these staff for the same organisation?'],
      ['Yes', 'How many'],
      ['Fewer than 10', 'first person'],
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
    ]);
    const onCard = allStrings(summary.cards[0]).map((s) => s.value);
    expect(onCard).toContain(notice);
    expect(onCard).toContain('VN4K2 (ODS not yet verified)');
    expect(world.ods.lookups).toEqual(['VN4K2']);
  });

  it('checks another organisation like a new one: the DPIA, the DSPT status and how it connects, and sends it as an access request', async () => {
    const world = await worlds.open({ tickets: [onboarded()], dpia: [SUNNYVIEW_DPIA], dspt: [sunnyviewDspt('25/26 Standards Met')] });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    const client = dialogClient(new AddUsersDialog(world.services), world);
    await talk(client, [
      ['add staff', 'Are these staff for the same organisation?'],
      ['No, another organisation', "What is your organisation's ODS code?"],
      ...SUNNYVIEW_FOUND_IN_LONDON.slice(1, 4),
      ['Islington', ['Islington is in North Central London.', CHECKED_AS_NEW, 'What kind of organisation is it?']],
      ['Care home (residential or nursing)', ['VX1A2 is named in the North Central London onboarding DPIA.', 'Standards Met', 'HSCN']],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), 'Your ticket number is UCP-'],
    ]);
    const sent = (await tickets(world.store)).find((t) => t.organisation?.odsCode === 'VX1A2');
    expect(sent).toMatchObject({
      kind: 'organisationAccess',
      state: 'awaitingHelpdesk',
      organisation: { namedInDpia: true, hscn: false, accessRoute: 'webPortal' },
    });
  });

  it('runs the same checks when the manager has no finished earlier request: not in the DPIA goes to the ICS lead', async () => {
    const world = await worlds.open({ dspt: [sunnyviewDspt('25/26 Standards Met')] });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    const client = dialogClient(new AddUsersDialog(world.services), world);
    await talk(client, [
      ['hi', ["Let's add staff", "What is your organisation's ODS code?"]],
      ...SUNNYVIEW_FOUND_IN_LONDON.slice(1, 4),
      ['Islington', ['Islington is in North Central London.', CHECKED_AS_NEW, 'What kind of organisation is it?']],
      [
        'Care home (residential or nursing)',
        ['VX1A2 is not named in a London onboarding DPIA yet.', "We will ask your Integrated Care System's governance lead to approve"],
      ],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), ["the North Central London Integrated Care System's governance lead is asked to approve", 'UCP-000001']],
    ]);
    expect((await tickets(world.store))[0]).toMatchObject({
      kind: 'organisationAccess',
      state: 'awaitingIcsApproval',
      organisation: { namedInDpia: false },
    });
  });

  it('stops adding staff to an organisation whose DSPT is only Approaching Standards, and sends nothing', async () => {
    const world = await worlds.open({ dpia: [SUNNYVIEW_DPIA], dspt: [sunnyviewDspt('25/26 Approaching Standards')] });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    const client = dialogClient(new AddUsersDialog(world.services), world);
    await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      [' vx1a2 ', ['the UCP needs Standards Met', "So I haven't sent anything yet."]],
    ]);
    expect(client.dialogContext.activeDialog).toBeUndefined();
    expect(await tickets(world.store)).toEqual([]);
  });

  it('is opened by the main router for "add staff"', async () => {
    const world = await worlds.open();
    const main = new MainDialog(world.services, {
      accessRequest: new AccessRequestDialog(world.services),
      addStaff: new AddUsersDialog(world.services),
    });
    const client = dialogClient(main, world);
    await talk(client, [
      ['add staff', ["Let's add staff", "What is your organisation's ODS code?"]],
      ['help', "I'm collecting the staff to add"],
    ]);
  });
});
