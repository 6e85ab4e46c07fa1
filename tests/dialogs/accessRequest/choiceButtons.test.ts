import { describe, it, expect } from '@jest/globals';
import { validateCard } from '../../helpers/validateCard.js';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { AddUsersDialog } from '../../../dialogs/accessRequest/addUsersDialog.js';
import { dialogClient, pressOnCards, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { press, ROSEWOOD_LISTS, ROSEWOOD_ORGANISATION, SUNNYVIEW, SUNNYVIEW_DPIA, talk, type Answer } from './accessFixtures.js';

/**
 * Every choice question comes as an Adaptive Card of Action.Submit buttons (the Agents Playground ignores imBack, and
 * Teams cuts long titles short), each title short enough to show whole: the detail is in the question. Each row is
 * answered by pressing its button, as a person would. Names given elsewhere are kept as given: a job title from the
 * reference list, and the DSPT status as the DSPT website publishes it (21 characters).
 */
type Asked = readonly [press: string, buttons: readonly string[]];

const MAX_TITLE = 20;
const NAMED_ELSEWHERE = new Set(['Assistant Care Manager', 'Approaching Standards']);

const ACCESS_REQUEST: readonly Asked[] = [
  ["Yes, that's right", ['In London', 'Commissioned', 'Outside London']],
  ['In London', []],
];
const AFTER_BOROUGH: readonly Asked[] = [
  ['Care home', ['Standards Met', 'Standards Exceeded', 'Approaching Standards', 'Not published', "I don't know"]],
  ['Standards Met', ['Yes, HSCN', 'No, internet', 'Not sure']],
  ['No, internet', ['Our record system', 'The UCP web portal']],
  ['The UCP web portal', ['Fewer than 10', '10 or more']],
  ['Fewer than 10', []],
];
const AFTER_TITLE: readonly Asked[] = [['Care Manager', []]];
const AFTER_EMAIL: readonly Asked[] = [
  ['Yes, I confirm', ['Add another person', 'Change someone', 'Remove someone', "That's everyone"]],
  ['Change someone', ['1']],
  ['1', ['Their name', 'Their job title', 'Their e-mail address']],
  ['Their job title', []],
];

function expectShortValidButtons(answer: Answer, wanted: readonly string[]): void {
  expect(answer.buttons).toEqual(wanted);
  for (const card of answer.cards) expect(validateCard(card).problems).toEqual([]);
  for (const title of answer.buttons.filter((t) => !NAMED_ELSEWHERE.has(t)))
    expect({ title, length: title.length <= MAX_TITLE }).toEqual({ title, length: true });
}

describe('choice questions come as Adaptive Card buttons with short titles, and a press answers them', () => {
  const worlds = useDialogWorld();

  it('in the access request and the staff questions', async () => {
    const world = await worlds.open({ dpia: [SUNNYVIEW_DPIA] });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    const client = dialogClient(new AccessRequestDialog(world.services), world);
    let last = await talk(client, [
      ['hi', 'ODS code'],
      ['VX1A2', 'Is that the right name and postcode?'],
    ]);
    expectShortValidButtons(last, ["Yes, that's right", 'No, let me type them']);
    const play = async (rows: readonly Asked[]) => {
      for (const [title, wanted] of rows) {
        last = await talk(client, [[pressOnCards(last.cards, title), []]]);
        if (wanted.length > 0) expectShortValidButtons(last, wanted);
      }
    };
    await play(ACCESS_REQUEST);
    last = await talk(client, [['Islinton', 'Did you mean one of these?']]);
    expectShortValidButtons(last, ['Islington', 'None of these']);
    last = await talk(client, [[pressOnCards(last.cards, 'Islington'), 'What kind of organisation is it?']]);
    expectShortValidButtons(last, [
      'Care home',
      'Home care',
      'Charity',
      'Other social care',
      'Other, not NHS',
      'NHS trust',
      'GP practice',
      'Other NHS',
    ]);
    await play(AFTER_BOROUGH);
    last = await talk(client, [
      ['Sam Carter', 'job title'],
      ['Senior Carer', 'Which title should I use?'],
    ]);
    expectShortValidButtons(last, ['Senior Social Worker', 'Care Manager', 'Assistant Care Manager', 'Keep what I typed']);
    expect(last.text).toContain('If you keep what you typed, the helpdesk decides which access it gives.');
    await play(AFTER_TITLE);
    last = await talk(client, [['sam.carter@sunnyviewcare.co.uk', 'Do you confirm']]);
    expectShortValidButtons(last, ['Yes, I confirm', 'No, another address']);
    await play(AFTER_EMAIL);
    last = await talk(client, [['Clinical Lead', 'Is that right for this person?']]);
    expectShortValidButtons(last, ['Yes', 'No, change it']);
    last = await talk(client, [
      [pressOnCards(last.cards, 'Yes'), ['Nursing and Midwifery Council (NMC)', 'General Medical Council (GMC)']],
    ]);
    expectShortValidButtons(last, ['NMC', 'GMC', 'HCPC']);
    await talk(client, [
      [pressOnCards(last.cards, 'NMC'), "What is Sam Carter's Nursing and Midwifery Council (NMC) registration number?"],
    ]);
  });

  it('when the directory does not know the code, and on the summary\'s "what would you like to change?"', async () => {
    const world = await worlds.open({ dpia: [SUNNYVIEW_DPIA] });
    const client = dialogClient(new AccessRequestDialog(world.services), world);
    await talk(client, [
      ['hi', 'ODS code'],
      ['VZZ99', 'ODS code'],
      ['VZZ98', 'ODS code'],
    ]);
    const asked = await talk(client, [['VZZ97', "I still can't find VZZ97"]]);
    expectShortValidButtons(asked, ['Carry on', 'Type another code']);
    await talk(client, [[pressOnCards(asked.cards, 'Carry on'), "What is your organisation's name?"]]);
  });

  it('for the earlier organisation offered when adding staff, and the parts of it that can change', async () => {
    const earlier = makeWorkflowTicket({
      state: 'resolved',
      requester: { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' },
      checklist: { accountsCreated: { by: { aadObjectId: 'aad-agent-sam' }, at: '2026-02-20T10:00:00.000Z' } },
      organisation: ROSEWOOD_ORGANISATION,
    });
    const world = await worlds.open({ tickets: [earlier], ...ROSEWOOD_LISTS });
    const client = dialogClient(new AddUsersDialog(world.services), world);
    expectShortValidButtons(await talk(client, [['add staff', 'Are these staff for the same organisation?']]), [
      'Yes',
      'No, a different one',
    ]);
    await talk(client, [
      ['Yes', 'How many'],
      ['Fewer than 10', 'first person'],
      ['Ben Walsh', 'job title'],
      ['Care Manager', 'Is that right'],
      ['Yes', 'e-mail'],
      ['ben.walsh@nhs.net', 'So far'],
      ["That's everyone", 'Please check'],
    ]);
    const change = await talk(client, [
      [press('changeOrganisation'), ['What would you like to change?', 'Where it is means the borough or ICS']],
    ]);
    expectShortValidButtons(change, ['ODS code', 'Name and postcode', 'Where it is']);
  });
});
