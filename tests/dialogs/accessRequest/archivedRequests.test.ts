import { describe, it, expect } from '@jest/globals';
import type { WorkflowTicket } from '../../../data/model.js';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog } from '../../../dialogs/accessRequest/addUsersDialog.js';
import { dialogClient, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { INTERNET_WEB_PORTAL_FEW, onboarded, ONE_CARE_MANAGER, press, ROSEWOOD_LISTS, talk, tickets } from './accessFixtures.js';

/** Another care home manager at Rosewood Court. */
const OLU = { aadObjectId: 'aad-manager-olu', name: 'Olu Bakare', email: 'olu.bakare@nhs.net' };

const RECHECKING = "Before I add staff, I'll check again that your organisation is still named";

describe('an organisation whose access request the hourly archive run has moved out of the live file', () => {
  const worlds = useDialogWorld();

  /** A world whose closed requests have been archived, as the hourly run does: none of them is live any more. */
  async function archived(dialog: 'access' | 'addStaff', requests: WorkflowTicket[]) {
    const world = await worlds.open({ ...ROSEWOOD_LISTS, tickets: requests });
    expect(await world.store.archiveClosedTickets()).toBe(requests.length);
    expect(await tickets(world.store)).toEqual([]);
    world.ods.answers.VN4K2 = { status: 'unavailable' };
    const client = dialogClient(dialog === 'access' ? new AccessRequestDialog(world.services) : new AddUsersDialog(world.services), world);
    return { world, client };
  }

  it("still offers the manager's own archived organisation for add staff, and sends the staff as an add-users ticket", async () => {
    const { world, client } = await archived('addStaff', [onboarded({ id: 'UCP-000007' })]);
    await talk(client, [
      ['add staff', ['Your earlier request was for Rosewood Court Care Home (VN4K2).', 'Are these staff for the same organisation?']],
      ['Yes', [RECHECKING, 'How many members of staff need access?']],
      ['Fewer than 10', 'first person'],
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), 'Your ticket number is UCP-000008'],
    ]);
    expect(await tickets(world.store)).toMatchObject([
      { id: 'UCP-000008', kind: 'addUsers', state: 'awaitingHelpdesk', organisation: { odsCode: 'VN4K2', icbCode: 'QKK' } },
    ]);
  });

  it("adds staff for it when another manager's archived request onboarded it, never as a second organisation request", async () => {
    const { world, client } = await archived('addStaff', [onboarded({ id: 'UCP-000042', requester: OLU })]);
    await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      ['VN4K2', "What is your organisation's name?"],
      ['Rosewood Court Care Home', 'postcode'],
      ['SE13 5AB', 'Where is your organisation?'],
      ['In London', 'Which London borough'],
      ['Lewisham', ['Lewisham is in South East London.', RECHECKING]],
      ['Care home (residential or nursing)', 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), 'UCP-'],
    ]);
    expect(await tickets(world.store)).toMatchObject([{ kind: 'addUsers', state: 'awaitingHelpdesk' }]);
  });

  it('says it already has access when the manager asks for access for it again, and starts nothing', async () => {
    const { world, client } = await archived('access', [onboarded({ id: 'UCP-000042' })]);
    await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      [
        'VN4K2',
        [
          'VN4K2 already has UCP access (your request UCP-000042 is done), so it does not need to ask again.',
          'To give more of your staff access, type add staff.',
        ],
      ],
    ]);
    expect(client.dialogContext.activeDialog).toBeUndefined();
    expect(await tickets(world.store)).toEqual([]);
  });

  it('still does not offer an archived request that was turned down: the staff are checked as for a new organisation', async () => {
    const { client } = await archived('addStaff', [onboarded({ checklist: {}, reason: 'Not a London service.' })]);
    const answer = await talk(client, [['add staff', ["Let's add staff", "What is your organisation's ODS code?"]]]);
    expect(answer.text).not.toContain('Your earlier request was for');
  });
});
