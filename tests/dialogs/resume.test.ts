import { describe, it, expect } from '@jest/globals';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { buttons, dialogClient, readable, turn, useDurableDialogWorld, type DialogWorld } from '../helpers/dialogFixtures.js';
import { StandInDialog } from './standIns.js';

function mainDialog(world: DialogWorld): MainDialog {
  return new MainDialog(world.services, {
    accessRequest: new StandInDialog('accessRequestDialog', 'What is your ODS code?'),
    addStaff: new StandInDialog('addUsersDialog', 'Who needs an account?'),
  });
}

describe('a conversation after a restart', () => {
  const worlds = useDurableDialogWorld();

  it('carries on mid-question with a new store, conversation state and dialogs over the same data folder', async () => {
    const before = await worlds.open({ dpia: [{ odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' }] });
    const first = dialogClient(mainDialog(before), before);
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', 'Add another person']) await turn(first, text);
    expect(readable(await turn(first, 'Ann Lee'))).toContain("What is Ann Lee's work e-mail address");
    await before.store.close();

    // The service stops and starts again: nothing survives but the data folder.
    const after = await worlds.reopen(before);
    const second = dialogClient(mainDialog(after), after);
    expect(readable(await turn(second, 'ann.lee@nhs.net'))).toContain("What is (or was) Ann Lee's last working day?");
    await turn(second, '13/03/2026');
    const review = await turn(second, "That's all");
    expect(readable(review)).toContain('1. Sam Jones, sam.jones@nhs.net, last working day Monday 2 March 2026');
    expect(readable(review)).toContain('2. Ann Lee, ann.lee@nhs.net, last working day Friday 13 March 2026');
    expect(buttons(review)).toContain('Send the request');
    await turn(second, 'Send the request');
    const tickets = await after.store.tickets.list();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.leavers?.map((l) => l.name)).toEqual(['Sam Jones', 'Ann Lee']);
  });

  it('carries on a readiness check at the DSPT question, with its buttons', async () => {
    const before = await worlds.open();
    const first = dialogClient(mainDialog(before), before);
    await turn(first, 'check readiness');
    await turn(first, 'Care home (residential or nursing)');
    expect(buttons(await turn(first, "I don't know"))).toContain('Approaching Standards');
    await before.store.close();

    const after = await worlds.reopen(before);
    const second = dialogClient(mainDialog(after), after);
    const help = await turn(second, 'help');
    expect(readable(help)).toContain('I am checking whether your organisation is ready');
    expect(buttons(help)).toContain('Approaching Standards');
    expect(readable(await turn(second, 'Approaching Standards'))).toContain('Where is your organisation?');
    expect(readable(await turn(second, 'In London'))).toContain('not ready for the UCP yet');
  });
});
