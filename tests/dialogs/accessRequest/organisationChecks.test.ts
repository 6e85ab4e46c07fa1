import { describe, it, expect } from '@jest/globals';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import type { DpiaEntry } from '../../../data/model.js';
import { dialogClient, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { allStrings } from '../../cards/cardFixtures.js';
import {
  INTERNET_WEB_PORTAL_FEW,
  ONE_CARE_MANAGER,
  press,
  SUNNYVIEW,
  SUNNYVIEW_DPIA,
  SUNNYVIEW_FOUND_IN_LONDON,
  sunnyviewDspt,
  talk,
  tickets,
  type Line,
} from './accessFixtures.js';

const CARE_HOME = 'Care home (residential or nursing)';
const ODS_DIFFERS =
  'ODS not yet verified: the name or postcode here is not the one the NHS organisation directory gives for this code, so the helpdesk will check them with you.';

describe('the organisation checks of an access request', () => {
  const worlds = useDialogWorld();

  async function sunnyviewWorld(dpia: DpiaEntry[] = [SUNNYVIEW_DPIA]) {
    const world = await worlds.open({ dpia, dspt: [sunnyviewDspt('25/26 Standards Met')] });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    return { world, client: dialogClient(new AccessRequestDialog(world.services), world) };
  }

  it("does not count a DPIA of another ICS: a home in Islington named only in South West London's goes to its own ICS lead", async () => {
    const { world, client } = await sunnyviewWorld([{ ...SUNNYVIEW_DPIA, icbCode: 'QWE' }]);
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [
        CARE_HOME,
        [
          'I checked the DPIA register I hold: VX1A2 is named in the South West London onboarding DPIA, but not in the North Central London one.',
          'Only the North Central London DPIA counts for this request',
          "We will ask your Integrated Care System's governance lead to approve your organisation",
        ],
      ],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [press('submit'), "the North Central London Integrated Care System's governance lead is asked to approve"],
    ]);
    expect((await tickets(world.store))[0]).toMatchObject({
      state: 'awaitingIcsApproval',
      organisation: { icbCode: 'QMJ', namedInDpia: false },
    });
  });

  it("counts the DPIA of the organisation's own ICS when it is named in more than one", async () => {
    const { world, client } = await sunnyviewWorld([{ ...SUNNYVIEW_DPIA, icbCode: 'QWE' }, SUNNYVIEW_DPIA]);
    await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'I checked the DPIA register I hold: VX1A2 is named in the North Central London onboarding DPIA.'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [press('submit'), 'UCP-000001'],
    ]);
    expect((await tickets(world.store))[0]).toMatchObject({ state: 'awaitingHelpdesk', organisation: { namedInDpia: true } });
  });

  const typedDetails = (name: string, postcode: string): Line[] => [
    ['hi', 'ODS code'],
    ['VX1A2', 'SUNNYVIEW CARE HOME'],
    ['No, let me type them', "What is your organisation's name?"],
    [name, "What is your organisation's postcode?"],
    [postcode, 'Where is your organisation?'],
    ['In London', 'borough'],
    ['Islington', 'Islington'],
    [CARE_HOME, 'HSCN'],
    ...INTERNET_WEB_PORTAL_FEW,
    ...ONE_CARE_MANAGER,
    ["That's everyone", 'Please check'],
  ];

  it("leaves the ODS code unverified, with a note on the summary, when the name typed is not the directory's", async () => {
    const { world, client } = await sunnyviewWorld();
    const answer = await talk(client, typedDetails('Sunnyview Nursing Home', 'N1 7AB'));
    const onCard = allStrings(answer.cards[0]).map((s) => s.value);
    expect(onCard).toEqual(expect.arrayContaining(['VX1A2 (ODS not yet verified)', ODS_DIFFERS]));
    await talk(client, [[press('submit'), 'UCP-000001']]);
    expect((await tickets(world.store))[0].organisation).toMatchObject({ name: 'Sunnyview Nursing Home', odsVerified: false });
  });

  it('leaves it unverified when only the postcode typed differs', async () => {
    const { world, client } = await sunnyviewWorld();
    await talk(client, [...typedDetails('SUNNYVIEW CARE HOME', 'N1 9ZZ'), [press('submit'), 'UCP-000001']]);
    expect((await tickets(world.store))[0].organisation).toMatchObject({ postcode: 'N1 9ZZ', odsVerified: false });
  });

  it("keeps it verified when the details typed are the directory's, written another way", async () => {
    const { world, client } = await sunnyviewWorld();
    const answer = await talk(client, typedDetails('Sunnyview Care Home', 'n17ab'));
    expect(allStrings(answer.cards[0]).map((s) => s.value)).not.toContain(ODS_DIFFERS);
    await talk(client, [[press('submit'), 'UCP-000001']]);
    expect((await tickets(world.store))[0].organisation).toMatchObject({ name: 'Sunnyview Care Home', odsVerified: true });
  });

  it('leaves it unverified when the name is changed from the summary card', async () => {
    const { world, client } = await sunnyviewWorld();
    const summary = await talk(client, [
      ...SUNNYVIEW_FOUND_IN_LONDON,
      [CARE_HOME, 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [press('changeOrganisation'), 'What would you like to change?'],
      ['Name and postcode', "What is your organisation's name?"],
      ['Sunnyview Lodge', 'postcode'],
      ['N1 7AB', 'Please check your request below.'],
    ]);
    expect(allStrings(summary.cards.at(-1)).map((s) => s.value)).toContain(ODS_DIFFERS);
    await talk(client, [[press('submit'), 'UCP-000001']]);
    expect((await tickets(world.store))[0].organisation).toMatchObject({ name: 'Sunnyview Lodge', odsVerified: false });
  });
});
