import { describe, it, expect } from '@jest/globals';
import { buildTicketCard } from '../../../cards/ticketCard.js';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import type { OdsLookupResult, OdsOrganisation } from '../../../dialogs/dialogServices.js';
import { DSPT_BUTTONS } from '../../../dialogs/readiness/dsptAnswers.js';
import { dialogClient, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { allStrings } from '../../cards/cardFixtures.js';
import { INTERNET_WEB_PORTAL_FEW, ONE_CARE_MANAGER, press, talk, tickets, type Line } from './accessFixtures.js';

/** Issue 11 point 5: a type the manager chose switches the DSPT off only when the ODS directory's roles give that type. */
const NON_NHS = 'source 001 "Data Security and Protection Toolkit compliant at Standards Met … required for … Non-NHS organisations"';
const ODS = 'source 001 "Organisation verification: Search for the organisation via the NHS Digital ODS Portal"';

/** An organisation in Islington under the code RKE, with the ORD roles given. */
function inDirectory(roleIds: string[], name = 'WHITTINGTON HEALTH NHS TRUST'): OdsLookupResult {
  const organisation: OdsOrganisation = {
    odsCode: 'RKE',
    name,
    postcode: 'N19 5NF',
    active: true,
    roleIds,
    primaryRoleId: roleIds[0],
    icbCode: 'QMJ',
  };
  return { status: 'found', organisation };
}
const TRUST = inDirectory(['RO197']);
const CARE_HOME = inDirectory(['RO101', 'RO269'], 'WHITTINGTON CARE HOME');
const GP = inDirectory(['RO177', 'RO76'], 'WHITTINGTON SURGERY');
const DENTIST = inDirectory(['RO110'], 'WHITTINGTON DENTAL');

/** Up to the type question: directory found (confirmed) or not reachable (name and postcode asked). */
function identity(answer: OdsLookupResult): Line[] {
  const place: Line[] = [
    ['In London', 'Which London borough'],
    ['Islington', ['Islington is in North Central London.', 'What kind of organisation is it?']],
  ];
  if (answer.status === 'found') {
    return [
      ['hi', 'ODS code'],
      ['RKE', 'The NHS organisation directory lists RKE'],
      ["Yes, that's right", 'Where is your organisation?'],
      ...place,
    ];
  }
  return [
    ['hi', 'ODS code'],
    ['RKE', "I can't reach the NHS organisation directory"],
    ['Whittington Health', 'postcode'],
    ['N19 5NF', 'Where is your organisation?'],
    ...place,
  ];
}

const ROWS: [string, string, string, OdsLookupResult, boolean][] = [
  ['NHS trust, the directory says NHS trust', ODS, 'NHS trust', TRUST, false],
  ['GP practice, the directory says GP practice', ODS, 'GP practice', GP, false],
  ['NHS trust, the directory says care home', NON_NHS, 'NHS trust', CARE_HOME, true],
  ['GP practice, the directory says care home', NON_NHS, 'GP practice', CARE_HOME, true],
  ['another NHS organisation, the directory says NHS trust (not the type given)', ODS, 'Another NHS organisation', TRUST, true],
  ['GP practice, the directory cannot tell (dental practice)', NON_NHS, 'GP practice', DENTIST, true],
  ['NHS trust, the directory cannot be reached', NON_NHS, 'NHS trust', { status: 'unavailable' }, true],
];

describe('the access request asks an NHS type for its DSPT unless the directory confirms the type', () => {
  const worlds = useDialogWorld();

  it.each(ROWS)('%s (%s)', async (_case, _source, chosen, answer, asked) => {
    const world = await worlds.open({ dpia: [{ odsCode: 'RKE', name: 'Whittington', icbCode: 'QMJ' }] });
    world.ods.answers.RKE = answer;
    const client = dialogClient(new AccessRequestDialog(world.services), world);
    await talk(client, identity(answer));
    const after = await talk(client, [
      [chosen, asked ? 'could not confirm that RKE is' : 'As an NHS organisation, you do not need to show'],
    ]);
    if (asked) expect(after.buttons).toEqual(DSPT_BUTTONS.map((choice) => choice.title ?? choice.value));
    else expect(after.buttons).toContain('Yes, HSCN');
  });

  it("sends an unconfirmed NHS trust with its type marked as the requester's word, and the helpdesk card says so", async () => {
    const world = await worlds.open({ dpia: [{ odsCode: 'RKE', name: 'Whittington', icbCode: 'QMJ' }] });
    world.ods.answers.RKE = CARE_HOME;
    const client = dialogClient(new AccessRequestDialog(world.services), world);
    await talk(client, [
      ...identity(CARE_HOME),
      ['NHS trust', 'could not confirm that RKE is an NHS trust'],
      ['Standards Met', 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [press('submit'), 'Your ticket number is UCP-'],
    ]);
    const [ticket] = await tickets(world.store);
    expect(ticket?.organisation).toMatchObject({ organisationType: 'NHS trust', typeConfirmedByDirectory: false });
    const card = buildTicketCard(ticket!, { kind: 'helpdesk', agents: [] }, { refreshUserIds: [], now: world.clock.now() });
    expect(allStrings(card).map((s) => s.value)).toContain('NHS trust (said by the requester; not confirmed by the ODS directory)');
  });

  it('records a confirmed NHS trust as confirmed, and does not ask it for the DSPT', async () => {
    const world = await worlds.open({ dpia: [{ odsCode: 'RKE', name: 'Whittington', icbCode: 'QMJ' }] });
    world.ods.answers.RKE = TRUST;
    const client = dialogClient(new AccessRequestDialog(world.services), world);
    await talk(client, [
      ...identity(TRUST),
      ['NHS trust', 'HSCN'],
      ...INTERNET_WEB_PORTAL_FEW,
      ...ONE_CARE_MANAGER,
      ["That's everyone", 'Please check'],
      [press('submit'), 'Your ticket number is UCP-'],
    ]);
    expect((await tickets(world.store))[0]?.organisation).toMatchObject({ organisationType: 'NHS trust', typeConfirmedByDirectory: true });
  });
});
