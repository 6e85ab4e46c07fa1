import { describe, it, expect } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { BACK_TO_IT, CARRY_ON, MainDialog, SWITCHING } from '../../dialogs/mainDialog.js';
import { NOTHING_TO_CANCEL } from '../../dialogs/base/baseMessages.js';
import { ASK_ODS_CODE } from '../../dialogs/readiness/readinessMessages.js';
import { NO_REQUESTS } from '../../dialogs/status/sendStatus.js';
import { WELCOME_INTRO } from '../../dialogs/welcome/welcomeActivity.js';
import { makeWorkflowTicket } from '../fixtures/workflowFixtures.js';
import {
  adaptiveCards,
  buttons,
  dialogClient,
  manager,
  readable,
  submit,
  turn,
  useDialogWorld,
  type DialogWorld,
  type WorldOptions,
} from '../helpers/dialogFixtures.js';
import { StandInDialog } from './standIns.js';

const ACCESS_QUESTION = 'Stand-in access request: what is your ODS code?';
const STAFF_QUESTION = 'Stand-in add staff: who?';

describe('the main dialog', () => {
  const worlds = useDialogWorld();

  async function start(options: WorldOptions = {}) {
    const world: DialogWorld = await worlds.open(options);
    const dialog = new MainDialog(world.services, {
      accessRequest: new StandInDialog('accessRequestDialog', ACCESS_QUESTION),
      addStaff: new StandInDialog('addUsersDialog', STAFF_QUESTION),
    });
    const client = dialogClient(dialog, world);
    return { world, client, send: (input: string | Partial<Activity>) => turn(client, input) };
  }

  describe('with nothing running', () => {
    it.each(['hello', 'Hi there', 'what is this?', 'start', 'Start again', 'menu'])('answers "%s" with the welcome card', async (text) => {
      const { send } = await start();
      const replies = await send(text);
      expect(adaptiveCards(replies)).toHaveLength(1);
      expect(readable(replies)).toContain(WELCOME_INTRO);
    });

    it('answers a card submit it does not know with the welcome card, without failing', async () => {
      const { send } = await start();
      expect(adaptiveCards(await send(submit({ somethingElse: true })))).toHaveLength(1);
    });

    it('answers help with what it can do, the keywords and the menu', async () => {
      const { send } = await start();
      const replies = await send('Help');
      expect(readable(replies)).toContain('I can check whether your care home is ready');
      expect(readable(replies)).toContain('start again (back to the menu)');
      expect(
        adaptiveCards(replies)
          .map((card) => JSON.stringify(card))
          .filter((json) => json.includes('Welcome to the UCP onboarding assistant')),
      ).toHaveLength(1);
    });

    it('says kindly that there is nothing to cancel', async () => {
      const { send } = await start();
      expect(readable(await send('cancel'))).toBe(NOTHING_TO_CANCEL);
    });

    it.each([
      [submit({ action: 'readiness' }), 'What kind of organisation is it?'],
      ['Check readiness', 'What kind of organisation is it?'],
      [submit({ action: 'leavers' }), "what is your organisation's ODS code?"],
      ['Leavers', "what is your organisation's ODS code?"],
      [submit({ action: 'accessRequest' }), ACCESS_QUESTION],
      ['Request access', ACCESS_QUESTION],
      [submit({ action: 'addStaff' }), STAFF_QUESTION],
      ['Add staff', STAFF_QUESTION],
    ])('opens the right conversation for %j', async (input, question) => {
      const { send } = await start();
      expect(readable(await send(input))).toContain(question);
    });

    it('starts the access request by the id accessRequestDialog, and carries on in it', async () => {
      const { send, world } = await start();
      await send('request access');
      expect(JSON.stringify(await world.store.botState.list())).toContain('"id":"accessRequestDialog"');
      expect(readable(await send('VN4K2'))).toBe('Stand-in accessRequestDialog got: VN4K2');
    });
  });

  describe('status', () => {
    it('says kindly when there are no requests, and offers the menu', async () => {
      const { send } = await start();
      const replies = await send('Status');
      expect(readable(replies)).toBe(NO_REQUESTS);
      expect(adaptiveCards(replies)).toHaveLength(1);
    });

    it("lists the manager's requests from the welcome card's button", async () => {
      const { send } = await start({ tickets: [makeWorkflowTicket({ requester: { ...manager }, state: 'awaitingHelpdesk' })] });
      expect(readable(await send(submit({ action: 'status' })))).toContain('You have 1 request:');
    });
  });

  describe('while a conversation runs', () => {
    it('shows the requests on "status" and carries on where the manager was', async () => {
      const { send } = await start({
        tickets: [makeWorkflowTicket({ requester: { ...manager }, state: 'assigned', assignee: { aadObjectId: 'a', name: 'Alex Agent' } })],
      });
      await send('check readiness');
      const replies = await send('status');
      expect(readable(replies)).toContain('Who has it: Alex Agent at the UCP helpdesk');
      expect(readable(replies)).toContain(BACK_TO_IT);
      expect(buttons(replies)).toContain('Charity');
      expect(readable(await send('Charity'))).toContain("What is your organisation's ODS code?");
    });

    it("takes the welcome card's status button the same way", async () => {
      const { send } = await start();
      await send('leavers');
      const replies = readable(await send(submit({ action: 'status' })));
      expect(replies).toContain("You haven't sent any requests yet.");
      expect(replies).toContain("what is your organisation's ODS code?");
    });

    it('switches conversation on another command, saying nothing was sent', async () => {
      const { send, world } = await start();
      await send('leavers');
      await send('VB7C1');
      const replies = readable(await send('Check readiness'));
      expect(replies).toContain(SWITCHING);
      expect(replies).toContain('What kind of organisation is it?');
      expect(await world.store.tickets.count()).toBe(0);
      expect(readable(await send('Charity'))).toContain('ODS code');
    });

    it.each([
      ['request access', 'request access', ACCESS_QUESTION, 'accessRequestDialog'],
      ['request access', submit({ action: 'accessRequest' }), ACCESS_QUESTION, 'accessRequestDialog'],
      ['add staff', 'add staff', STAFF_QUESTION, 'addUsersDialog'],
      ['add staff', submit({ action: 'addStaff' }), STAFF_QUESTION, 'addUsersDialog'],
    ])(
      'carries on the running conversation when "%s" is asked for again by %j, keeping the answer to come',
      async (first, again, question, id) => {
        const { send } = await start();
        await send(first);
        const replies = readable(await send(again));
        expect(replies).toBe(`${CARRY_ON}\n${question}`);
        expect(replies).not.toContain(SWITCHING);
        expect(readable(await send('VN4K2'))).toBe(`Stand-in ${id} got: VN4K2`);
      },
    );

    it('switches from a request for access to adding staff, saying nothing was sent', async () => {
      const { send } = await start();
      await send('request access');
      expect(readable(await send('add staff'))).toBe(`${SWITCHING}\n${STAFF_QUESTION}`);
      expect(readable(await send('Sam Jones'))).toBe('Stand-in addUsersDialog got: Sam Jones');
    });

    it('carries on a readiness check asked for again, with the answers given so far', async () => {
      const { send } = await start();
      await send('check readiness');
      await send('Care home (residential or nursing)');
      const replies = await send(submit({ action: 'readiness' }));
      expect(readable(replies)).toBe(`${CARRY_ON}\n${ASK_ODS_CODE}`);
      const dspt = await send("don't know");
      expect(buttons(dspt)).toContain('Approaching Standards');
      expect(readable(await send('Approaching Standards'))).toContain('Where is your organisation?');
      expect(readable(await send('In London'))).toContain('not ready for the UCP yet');
    });

    it('carries on the leavers conversation asked for again, keeping the people given so far', async () => {
      const { send } = await start({ dpia: [{ odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' }] });
      for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', 'Add another person']) await send(text);
      const replies = readable(await send('Leavers'));
      expect(replies).toBe(`${CARRY_ON}\nWhat is the next person's full name?`);
      for (const text of ['Ann Lee', 'ann.lee@nhs.net', 'today']) await send(text);
      const review = readable(await send("That's all"));
      expect(review).toContain('1. Sam Jones');
      expect(review).toContain('2. Ann Lee');
    });

    it("gives the running conversation's own help, then asks its question again", async () => {
      const { send } = await start();
      await send('leavers');
      const replies = readable(await send('help'));
      expect(replies).toContain('I am collecting the people whose Universal Care Plan (UCP) accounts should be switched off');
      expect(replies).toContain("what is your organisation's ODS code?");
    });

    it('starts again with the welcome card, and the next button opens a fresh conversation', async () => {
      const { send } = await start();
      await send('request access');
      const replies = await send('start again');
      expect(adaptiveCards(replies)).toHaveLength(1);
      expect(readable(await send(submit({ action: 'readiness' })))).toContain('What kind of organisation is it?');
    });

    it("cancels everything, inside another engineer's conversation too", async () => {
      const { send, client: c } = await start();
      await send('request access');
      expect(readable(await send('cancel'))).toContain('Nothing has been sent');
      expect(c.dialogContext.activeDialog).toBeUndefined();
    });

    it('passes a card submit that is not a menu button to the running conversation', async () => {
      const { send } = await start();
      await send('request access');
      expect(readable(await send(submit({ ticketId: 'UCP-000001' })))).toBe(`Please type your answer as a message.\n${ACCESS_QUESTION}`);
    });
  });
});
