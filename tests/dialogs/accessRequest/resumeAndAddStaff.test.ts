import { describe, it, expect } from '@jest/globals';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog, ADD_USERS_DIALOG_ID } from '../../../dialogs/accessRequest/addUsersDialog.js';
import { MainDialog } from '../../../dialogs/mainDialog.js';
import { dialogClient, useDialogWorld, type DialogWorld } from '../../helpers/dialogFixtures.js';
import { makeWorkflowTicket } from '../../helpers/workflowFixtures.js';
import {
  INTERNET_WEB_PORTAL_FEW, ONE_CARE_MANAGER, press, SUNNYVIEW, SUNNYVIEW_DPIA, SUNNYVIEW_FOUND_IN_LONDON, sunnyviewDspt, talk, tickets,
} from './accessFixtures.js';

describe('an access request across a restart', () => {
  const worlds = useDialogWorld();

  function withSunnyview(world: DialogWorld): DialogWorld {
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    return world;
  }

  it('carries on from the staff questions with a new store and new dialog objects over the same data folder', async () => {
    const before = withSunnyview(await worlds.open({ dpia: [SUNNYVIEW_DPIA], dspt: [sunnyviewDspt('25/26 Standards Met')] }));
    const first = dialogClient(new AccessRequestDialog(before.services), before);
    await talk(first, [...SUNNYVIEW_FOUND_IN_LONDON, ['Care home (residential or nursing)', 'HSCN'], ...INTERNET_WEB_PORTAL_FEW, ['Ben Walsh', "Ben Walsh's job title"]]);
    await before.store.close();

    // The service stops and starts again: nothing survives but the data folder.
    const after = withSunnyview(await worlds.reopen(before));
    const second = dialogClient(new AccessRequestDialog(after.services), after);
    await talk(second, [
      ...ONE_CARE_MANAGER.slice(1),
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), 'UCP-000001'],
    ]);
    expect(tickets(after.store)[0]).toMatchObject({ organisation: { odsCode: 'VX1A2', borough: 'Islington', hscn: false }, users: [{ name: 'Ben Walsh' }] });
    expect(after.ods.lookups).toEqual([]);
  });
});

describe('adding staff to an organisation that already has access', () => {
  const worlds = useDialogWorld();

  it('offers the organisation of the manager\'s earlier request and sends an add-users ticket straight to the helpdesk', async () => {
    const earlier = makeWorkflowTicket({ id: 'UCP-000007', state: 'closed', requester: { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' } });
    const world = await worlds.open({ tickets: [earlier] });
    const client = dialogClient(new AddUsersDialog(world.services), world);
    expect(new AddUsersDialog(world.services).id).toBe(ADD_USERS_DIALOG_ID);
    await talk(client, [
      ['add staff', ["Let's add staff to your organisation's Urgent Care Plan access.", 'Your earlier request was for Rosewood Court Care Home (VN4K2).', 'Are these staff for the same organisation?']],
      ['Yes', 'How many members of staff need access?'],
      ['Fewer than 10', 'first person'],
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), ['Your ticket number is UCP-000008', 'The UCP helpdesk checks the request and sets up access']],
    ]);
    const added = tickets(world.store).find((t) => t.id === 'UCP-000008');
    expect(added).toMatchObject({ kind: 'addUsers', state: 'awaitingHelpdesk', organisation: { odsCode: 'VN4K2', icbCode: 'QKK' }, users: [{ name: 'Ben Walsh' }] });
  });

  it('asks for the organisation when the manager says the staff are for another one', async () => {
    const earlier = makeWorkflowTicket({ requester: { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' } });
    const world = await worlds.open({ tickets: [earlier] });
    const client = dialogClient(new AddUsersDialog(world.services), world);
    await talk(client, [['add staff', 'Are these staff for the same organisation?'], ['No, another organisation', "What is your organisation's ODS code?"]]);
  });

  it('asks for the organisation when the manager has no earlier request, without the DSPT and connection questions', async () => {
    const world = await worlds.open();
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    const client = dialogClient(new AddUsersDialog(world.services), world);
    await talk(client, [['hi', ["Let's add staff", "What is your organisation's ODS code?"]], ...SUNNYVIEW_FOUND_IN_LONDON.slice(1, 4), ['Islington', ['Islington is in North Central London.', 'How many members of staff need access?']]]);
  });

  it('is opened by the main router for "add staff"', async () => {
    const world = await worlds.open();
    const main = new MainDialog(world.services, { accessRequest: new AccessRequestDialog(world.services), addStaff: new AddUsersDialog(world.services) });
    const client = dialogClient(main, world);
    await talk(client, [['add staff', ["Let's add staff", "What is your organisation's ODS code?"]], ['help', "I'm collecting the staff to add"]]);
  });
});
