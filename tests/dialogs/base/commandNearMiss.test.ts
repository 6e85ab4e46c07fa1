import { describe, it, expect } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { actionFromText } from '../../../dialogs/base/menuActions.js';
import { MainDialog, SWITCHING } from '../../../dialogs/mainDialog.js';
import { dialogClient, readable, turn, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { StandInDialog } from '../standIns.js';

/**
 * The rule: a message is a command's slip when it has the command's words, each with at most one slip (a letter
 * missing, extra, wrong or two swapped) and words under four letters exact. Inside a conversation only commands of two
 * or more words count, so a one-word answer (a surname, a title) is never taken for a command.
 */
describe('typing slips in the commands', () => {
  it.each([
    ['reqest acess', 'accessRequest'],
    ['request acess', 'accessRequest'],
    ['Requst Access', 'accessRequest'],
    ['chek readiness', 'readiness'],
    ['check readyness', 'readiness'],
    ['staus', 'status'],
    ['stauts', 'status'],
    ['hlep', 'help'],
    ['add staf', 'addStaff'],
    ['where is my reqest', 'status'],
    ['leavres', 'leavers'],
    ['cancle', 'cancel'],
    ['strat again', 'start'],
  ])('with nothing running, "%s" is taken as %s', (typed, action) => {
    expect(actionFromText(typed)).toBe(action);
  });

  it.each([
    ['reqest acess', 'accessRequest'],
    ['chek readiness', 'readiness'],
    ['add staf', 'addStaff'],
    ['where is my reqest', 'status'],
    ['strat again', 'start'],
  ])('while a question waits, the two-word slip "%s" is still taken as %s', (typed, action) => {
    expect(actionFromText(typed, { inConversation: true })).toBe(action);
  });

  it.each([
    'staus',
    'Weaver',
    'Stuart',
    'states',
    'Helen',
    'held',
    'cancels',
    'Leaver Smith',
    'yes',
    'no',
    'Care home',
    'and stuff',
    'Ada Staff',
    'Sam Taff',
    'request',
    'access',
    'check',
    'ready',
    'status report',
  ])('while a question waits, the answer "%s" is never taken for a command', (typed) => {
    expect(actionFromText(typed, { inConversation: true })).toBeUndefined();
  });

  it.each(['ad staff', 'my request access', 'requests accesses', 'xyz', 'statistics'])('"%s" is no command at all', (typed) => {
    expect(actionFromText(typed)).toBeUndefined();
  });

  describe("in the manager's conversation", () => {
    const worlds = useDialogWorld();

    async function start() {
      const world = await worlds.open();
      const dialog = new MainDialog(world.services, {
        accessRequest: new StandInDialog('accessRequestDialog', 'Stand-in: what is your ODS code?'),
        addStaff: new StandInDialog('addUsersDialog', 'Stand-in: who needs an account?'),
      });
      const client = dialogClient(dialog, world);
      return (input: string | Partial<Activity>) => turn(client, input);
    }

    it('opens what a slip asks for, and takes a surname a slip away from a command as the answer it is', async () => {
      const send = await start();
      expect(readable(await send('reqest acess'))).toContain('Stand-in: what is your ODS code?');
      expect(readable(await send('Weaver'))).toBe('Stand-in accessRequestDialog got: Weaver');
    });

    it('switches conversation on a two-word slip while a question waits', async () => {
      const send = await start();
      await send('request access');
      const replies = readable(await send('chek readiness'));
      expect(replies).toContain(SWITCHING);
      expect(replies).toContain('What kind of organisation is it?');
    });
  });
});
