import { describe, it, expect } from '@jest/globals';
import type { TicketState, WorkflowTicket } from '../../../data/model.js';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog } from '../../../dialogs/accessRequest/addUsersDialog.js';
import { dialogClient, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { INTERNET_WEB_PORTAL_FEW, onboarded, ONE_CARE_MANAGER, press, ROSEWOOD_LISTS, talk, tickets } from './accessFixtures.js';

/** Another care home manager at Rosewood Court: nothing of theirs may be shown to Grace. */
const OLU = { aadObjectId: 'aad-manager-olu', name: 'Olu Bakare', email: 'olu.bakare@nhs.net' };
const GRACE = { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi', email: 'grace.adeyemi@nhs.net' };

function rosewoodRequest(state: TicketState, requester: typeof GRACE, overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  return makeWorkflowTicket({ id: 'UCP-000042', state, requester, ...overrides });
}

describe('no second request for an organisation that already has one (issue 13 point 7)', () => {
  const worlds = useDialogWorld();

  async function start(dialog: 'access' | 'addStaff', existing: WorkflowTicket[]) {
    const world = await worlds.open({ ...ROSEWOOD_LISTS, tickets: existing });
    world.ods.answers.VN4K2 = { status: 'unavailable' };
    const client = dialogClient(dialog === 'access' ? new AccessRequestDialog(world.services) : new AddUsersDialog(world.services), world);
    return { world, client };
  }

  it.each([
    [
      'access',
      'awaitingIcsApproval' as const,
      'Grace',
      GRACE,
      [
        'You have already asked for access for VN4K2: your request UCP-000042 is still open',
        'Status: Waiting for approval from the ICS',
        'Who has it: The South East London governance lead',
      ],
    ],
    [
      'access',
      'awaitingIcsApproval' as const,
      'another manager',
      OLU,
      [
        'Someone at your organisation has already asked for UCP access for VN4K2, and that request is still open (waiting for approval from the Integrated Care System)',
      ],
    ],
    [
      'access',
      'assigned' as const,
      'another manager',
      OLU,
      ['that request is still open (being worked on by the UCP helpdesk)', "so I haven't started another one"],
    ],
    [
      'addStaff',
      'awaitingHelpdesk' as const,
      'Grace',
      GRACE,
      ['your request UCP-000042 is still open', 'Status: With the UCP helpdesk', 'When it is done, type add staff to add more people.'],
    ],
    [
      'addStaff',
      'needsInformation' as const,
      'another manager',
      OLU,
      ['waiting for more information from the person who asked', 'When it is done, type add staff to add more people.'],
    ],
  ])('%s, with a request %s by %s: says so with its status, and starts nothing', async (dialog, state, _who, requester, expected) => {
    const { world, client } = await start(dialog as 'access' | 'addStaff', [rosewoodRequest(state, requester)]);
    const answer = await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      ['vn4k2', expected],
    ]);
    expect(client.dialogContext.activeDialog).toBeUndefined();
    expect(await tickets(world.store)).toHaveLength(1);
    expect(answer.text).not.toMatch(/What is your organisation's name|Which London borough/);
    if (requester === OLU) expect(answer.text).not.toMatch(/Olu|olu\.bakare|UCP-000042/);
  });

  it.each([
    ["Grace's own", GRACE, 'VN4K2 already has UCP access (your request UCP-000042 is done), so it does not need to ask again.'],
    ["another manager's", OLU, 'VN4K2 already has UCP access, so it does not need to ask again.'],
  ])(
    'asking for access for an organisation with %s finished request says it has access and offers add staff',
    async (_whose, requester, said) => {
      const { world, client } = await start('access', [onboarded({ id: 'UCP-000042', requester })]);
      const answer = await talk(client, [
        ['hi', "What is your organisation's ODS code?"],
        ['VN4K2', [said, 'To give more of your staff access, type add staff.']],
      ]);
      expect(client.dialogContext.activeDialog).toBeUndefined();
      expect(await tickets(world.store)).toHaveLength(1);
      expect(answer.text).not.toMatch(/Olu|olu\.bakare/);
    },
  );

  it('does not count a request that was turned down or withdrawn: the organisation may ask again', async () => {
    const { client } = await start('access', [rosewoodRequest('rejected', OLU), rosewoodRequest('withdrawn', GRACE, { id: 'UCP-000043' })]);
    await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      ['VN4K2', "What is your organisation's name?"],
    ]);
  });

  it('adds staff to an organisation another manager onboarded as staff for it, never as a second organisation request to the ICS lead', async () => {
    const { world, client } = await start('addStaff', [onboarded({ id: 'UCP-000042', requester: OLU })]);
    await talk(client, [
      ['hi', "What is your organisation's ODS code?"],
      ['VN4K2', "What is your organisation's name?"],
      ['Rosewood Court Care Home', 'postcode'],
      ['SE13 5AB', 'Where is your organisation?'],
      ['In London', 'Which London borough'],
      ['Lewisham', ['Lewisham is in South East London.', "Before I add staff, I'll check again"]],
      ['Care home (residential or nursing)', 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check your request below.'],
      [press('submit'), 'UCP-'],
    ]);
    const sent = (await tickets(world.store)).filter((t) => t.id !== 'UCP-000042');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'addUsers', state: 'awaitingHelpdesk' });
  });
});
