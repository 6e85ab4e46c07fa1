import { describe, it, expect } from '@jest/globals';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog } from '../../../dialogs/accessRequest/addUsersDialog.js';
import { dialogClient, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { makeWorkflowTicket } from '../../helpers/workflowFixtures.js';
import { press, ROSEWOOD_LISTS, ROSEWOOD_ORGANISATION, SUNNYVIEW, SUNNYVIEW_DPIA, talk, type Line } from './accessFixtures.js';

/**
 * botbuilder shows choices as a numbered text list, not buttons, on Teams when any title is over 20 characters. Every
 * choice question of the access request and the staff questions must still come as buttons: one line per question.
 */
type Asked = readonly [say: Line[0], buttons: readonly string[]];

const ACCESS_REQUEST: readonly Asked[] = [
  ['hi', []],
  ['VX1A2', ["Yes, that's right", 'No, let me type them']],
  ["Yes, that's right", ['In London', 'Outside London, commissioned to care for Londoners', 'Outside London, for a London patient']],
  ['In London', []],
  ['Islinton', ['Islington', 'None of these']],
  ['Islington', [
    'Care home (residential or nursing)', 'Home care (domiciliary care)', 'Charity', 'Other social care service', 'Another organisation outside the NHS',
    'NHS trust', 'GP practice', 'Another NHS organisation',
  ]],
  ['Care home (residential or nursing)', ['Standards Met', 'Standards Exceeded', 'Approaching Standards', 'Not registered or not published', "I don't know"]],
  ['Standards Met', ["Yes, we're on the HSCN", 'No, we use the internet', "I'm not sure"]],
  ['No, we use the internet', ['Our record system', 'The UCP web portal']],
  ['The UCP web portal', ['Fewer than 10', '10 or more']],
  ['Fewer than 10', []],
  ['Sam Carter', []],
  ['Senior Carer', ['Senior Social Worker', 'Care Manager', 'Assistant Care Manager', 'Keep what I typed: the helpdesk decides']],
  ['Care Manager', []],
  ['sam.carter@sunnyviewcare.co.uk', ['Yes, I confirm', "No, I'll give another address"]],
  ['Yes, I confirm', ['Add another person', 'Change someone', 'Remove someone', "That's everyone"]],
  ['Change someone', ['1. Sam Carter']],
  ['1. Sam Carter', ['Their name', 'Their job title', 'Their e-mail address']],
  ['Their job title', []],
  ['Clinical Lead', ['Yes', 'No, change the job title']],
  ['Yes', ['Nursing and Midwifery Council (NMC)', 'General Medical Council (GMC)', 'Health and Care Professions Council (HCPC)']],
];

describe('choice questions come as buttons in Teams, whatever the length of their titles', () => {
  const worlds = useDialogWorld();

  it('in the access request and the staff questions', async () => {
    const world = await worlds.open({ dpia: [SUNNYVIEW_DPIA] });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    const client = dialogClient(new AccessRequestDialog(world.services), world);
    for (const [say, buttons] of ACCESS_REQUEST) {
      const answer = await talk(client, [[say, []]]);
      if (buttons.length > 0) expect({ say, buttons: answer.buttons }).toEqual({ say, buttons });
    }
  });

  it('when the directory does not know the code, and on the summary\'s "what would you like to change?"', async () => {
    const world = await worlds.open({ dpia: [SUNNYVIEW_DPIA] });
    const client = dialogClient(new AccessRequestDialog(world.services), world);
    await talk(client, [['hi', 'ODS code'], ['VZZ99', 'ODS code'], ['VZZ98', 'ODS code']]);
    expect((await talk(client, [['VZZ97', "I still can't find VZZ97"]])).buttons).toEqual(['Carry on with this code', 'Type another code']);
  });

  it('for the earlier organisation offered when adding staff, and the parts of it that can change', async () => {
    const earlier = makeWorkflowTicket({
      state: 'resolved', requester: { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' },
      checklist: { accountsCreated: { by: { aadObjectId: 'aad-agent-sam' }, at: '2026-02-20T10:00:00.000Z' } }, organisation: ROSEWOOD_ORGANISATION,
    });
    const world = await worlds.open({ tickets: [earlier], ...ROSEWOOD_LISTS });
    const client = dialogClient(new AddUsersDialog(world.services), world);
    expect((await talk(client, [['add staff', 'Are these staff for the same organisation?']])).buttons).toEqual(['Yes', 'No, another organisation']);
    await talk(client, [
      ['Yes', 'How many'], ['Fewer than 10', 'first person'], ['Ben Walsh', 'job title'], ['Care Manager', 'Is that right'], ['Yes', 'e-mail'],
      ['ben.walsh@nhs.net', 'So far'], ["That's everyone", 'Please check'],
    ]);
    expect((await talk(client, [[press('changeOrganisation'), 'What would you like to change?']])).buttons)
      .toEqual(['ODS code', 'Name and postcode', 'Where it is (borough or ICS)']);
  });
});
