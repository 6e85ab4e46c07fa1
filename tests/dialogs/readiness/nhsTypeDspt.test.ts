import { describe, it, expect } from '@jest/globals';
import type { OdsLookupResult } from '../../../dialogs/dialogServices.js';
import { DSPT_BUTTONS } from '../../../dialogs/readiness/dsptAnswers.js';
import { ReadinessDialog, type ReadinessResult } from '../../../dialogs/readiness/readinessDialog.js';
import { buttons, dialogClient, readable, turn, useDialogWorld } from '../../helpers/dialogFixtures.js';

/** Issue 11 point 5 in the readiness check: an NHS type skips the DSPT only when the ODS directory's roles give that type. */
const NON_NHS = 'source 001 "Data Security and Protection Toolkit compliant at Standards Met … required for … Non-NHS organisations"';
const ODS = 'source 001 "Organisation verification: Search for the organisation via the NHS Digital ODS Portal"';

const found = (roleIds: string[]): OdsLookupResult => ({
  status: 'found',
  organisation: { odsCode: 'RJ2', name: 'A LONDON ORGANISATION', active: true, roleIds, primaryRoleId: roleIds[0] },
});

const ROWS: [string, string, string, string, OdsLookupResult | undefined, boolean][] = [
  ['NHS trust, the directory says NHS trust', ODS, 'NHS trust', 'RJ2', found(['RO197']), false],
  ['GP practice, the directory says GP practice', ODS, 'GP practice', 'RJ2', found(['RO177', 'RO76']), false],
  ['another NHS organisation, the directory says ICB', ODS, 'Another NHS organisation', 'RJ2', found(['RO261', 'RO318']), false],
  ['NHS trust, the directory says care home', NON_NHS, 'NHS trust', 'RJ2', found(['RO101', 'RO269']), true],
  [
    'another NHS organisation, the directory says NHS trust (not the type given)',
    ODS,
    'Another NHS organisation',
    'RJ2',
    found(['RO197']),
    true,
  ],
  ['GP practice, the directory cannot tell (dental practice)', NON_NHS, 'GP practice', 'RJ2', found(['RO110']), true],
  ['GP practice, the directory does not know the code', NON_NHS, 'GP practice', 'RJ2', { status: 'notFound' }, true],
  ['NHS trust, the directory cannot be reached', NON_NHS, 'NHS trust', 'RJ2', { status: 'unavailable' }, true],
  ['NHS trust, no ODS code given', NON_NHS, 'NHS trust', "I don't know", undefined, true],
];

describe('the readiness check asks an NHS type for its DSPT unless the directory confirms the type', () => {
  const worlds = useDialogWorld();

  it.each(ROWS)('%s (%s)', async (_case, _source, type, code, answer, asked) => {
    const world = await worlds.open({ dpia: [{ odsCode: 'RJ2', name: 'A London organisation', icbCode: 'QKK' }] });
    if (answer) world.ods.answers.RJ2 = answer;
    const client = dialogClient(new ReadinessDialog(world.services), world);
    await turn(client, 'check readiness');
    await turn(client, type);
    const afterOds = await turn(client, code);
    if (!asked) {
      expect(readable(afterOds)).toContain('As an NHS organisation, you are not asked for a DSPT status');
      expect(readable(afterOds)).toContain('Where is your organisation?');
      await turn(client, 'In London');
      expect((client.dialogTurnResult.result as ReadinessResult).decision).toBe('eligible');
      return;
    }
    expect(readable(afterOds)).toMatch(
      code === 'RJ2'
        ? /could not confirm that RJ2 is an? (NHS|GP)/
        : /Without your ODS code I can't confirm with the NHS organisation directory/,
    );
    expect(buttons(afterOds)).toEqual(DSPT_BUTTONS.map((choice) => choice.title ?? choice.value));
    expect(readable(await turn(client, 'Approaching Standards'))).toContain('Where is your organisation?');
    const outcome = await turn(client, 'In London');
    expect(readable(outcome)).not.toContain('As an NHS organisation');
    expect((client.dialogTurnResult.result as ReadinessResult).decision).toBe('needsDsptFirst');
  });
});
