import { describe, it, expect } from '@jest/globals';
import type { WorkflowTicket } from '../../../data/model.js';
import type { BotStateItem } from '../../../data/store/store.js';
import { LeaversDialog } from '../../../dialogs/leavers/leaversDialog.js';
import {
  buttons,
  dialogClient,
  manager,
  readable,
  turn,
  useDialogWorld,
  type DialogWorld,
  type WorldOptions,
} from '../../helpers/dialogFixtures.js';

const ROSEWOOD_DPIA = { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' };

function tickets(world: DialogWorld): Promise<WorkflowTicket[]> {
  return world.store.tickets.list();
}

/** The conversation state as stored now, to put back later. */
function savedConversation(world: DialogWorld): Promise<(BotStateItem & { key: string })[]> {
  return world.store.botState.list();
}

/** Puts the conversation state back as it was saved: what a second press read before the first press's turn was saved. */
async function restoreConversation(world: DialogWorld, saved: readonly (BotStateItem & { key: string })[]): Promise<void> {
  await world.store.transaction(async (tx) => {
    for (const item of await tx.botState.list()) await tx.botState.delete(item.key);
    for (const item of saved) await tx.botState.put(item);
  });
}

describe('the leavers conversation', () => {
  const worlds = useDialogWorld();

  async function start(options: WorldOptions = {}) {
    const world = await worlds.open(options);
    const client = dialogClient(new LeaversDialog(world.services), world);
    return { world, client, say: (text: string) => turn(client, text).then(readable) };
  }

  it('collects two leavers, reviews them and sends one deactivation ticket, saying when in the configured working days', async () => {
    const { world, client, say } = await start({ dpia: [ROSEWOOD_DPIA], helpdesk: { targetWorkingDays: 2 } });
    expect(await say('leavers')).toContain("what is your organisation's ODS code?");
    expect(await say('vn4k2')).toBe('I have VN4K2 as Rosewood Court Care Home.\nWhat is the full name of the person who is leaving?');
    expect(await say('Samuel Okafor')).toBe("What is Samuel Okafor's work e-mail address (the one their UCP account uses)?");
    expect(await say('samuel.okafor@nhs.net')).toContain("What is (or was) Samuel Okafor's last working day?");
    const another = await turn(client, '27/02/2026');
    expect(readable(another)).toContain('Got it: Samuel Okafor, samuel.okafor@nhs.net, last working day Friday 27 February 2026.');
    expect(buttons(another)).toEqual(['Add another person', "That's all"]);
    expect(await say('Add another person')).toBe("What is the next person's full name?");
    await say('Tom Whitfield');
    await say('Tom.Whitfield@NHS.net');
    await say('2026-03-31');
    const review = await turn(client, "That's all");
    expect(readable(review)).toContain('Organisation: Rosewood Court Care Home (VN4K2)');
    expect(readable(review)).toContain('1. Samuel Okafor, samuel.okafor@nhs.net, last working day Friday 27 February 2026');
    expect(readable(review)).toContain('2. Tom Whitfield, Tom.Whitfield@nhs.net, last working day Tuesday 31 March 2026');
    expect(buttons(review)).toEqual(['Send the request', 'Add another person', 'Remove someone']);
    expect(await tickets(world)).toEqual([]);

    const sent = await say('Send the request');
    const [ticket] = await tickets(world);
    expect(ticket).toMatchObject({
      kind: 'deactivateUsers',
      state: 'awaitingHelpdesk',
      requester: { aadObjectId: manager.aadObjectId, name: manager.name, email: 'grace.adeyemi@nhs.net' },
      organisation: { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK', location: 'london', namedInDpia: true },
      leavers: [
        { name: 'Samuel Okafor', email: 'samuel.okafor@nhs.net', lastWorkingDay: '2026-02-27' },
        { name: 'Tom Whitfield', email: 'Tom.Whitfield@nhs.net', lastWorkingDay: '2026-03-31' },
      ],
    });
    expect(sent).toContain(`Its reference is ${ticket?.id}.`);
    // Monday 2 March 2026, 10:04: two working days on is Wednesday 4 March.
    expect(sent).toContain('the helpdesk switches the accounts off, usually within 2 working days (by about Wednesday 4 March 2026).');
    expect(sent).toContain('For anyone whose last working day is still to come');
    expect(client.dialogTurnResult.status).toBe('complete');
  });

  it('promises no time when the helpdesk has no configured target: it switches the accounts off in its working hours', async () => {
    const { say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"]) await say(text);
    const sent = await say('Send the request');
    expect(sent).toContain(
      'What happens next: the helpdesk switches the accounts off, in its working hours (Monday to Friday, 9am to 5pm, except bank holidays).',
    );
    expect(sent).not.toMatch(/working days?|by about/);
  });

  it('counts the configured working days past a weekend and a bank holiday', async () => {
    const { world, say } = await start({ dpia: [ROSEWOOD_DPIA], now: '2026-04-02T15:00:00.000Z', helpdesk: { targetWorkingDays: 2 } });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"]) await say(text);
    const sent = await say('Send the request');
    // Thursday 2 April 2026, 16:00 London; Good Friday 3 April and Easter Monday 6 April are bank holidays.
    expect(sent).toContain('(by about Wednesday 8 April 2026).');
    expect(sent).not.toContain('still to come');
    expect(await tickets(world)).toHaveLength(1);
  });

  it.each([
    ['31/02/2026', "That date doesn't exist in the calendar."],
    ['next week', "I couldn't read that as a date."],
    ['02/05/2026', 'That is more than 60 days away.'],
    ['31/3/26', 'Please write the year in full'],
  ])('refuses the last working day "%s" with a reason and asks again', async (typed, reason) => {
    const { say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net']) await say(text);
    const again = await say(typed);
    expect(again).toContain(reason);
    expect(again).toContain("What is (or was) Sam Jones's last working day?");
  });

  it('takes a day 60 days ahead, and any day in the past', async () => {
    const { client, say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net']) await say(text);
    expect(await say('01/05/2026')).toContain('last working day Friday 1 May 2026.');
    await say('Add another person');
    await say('Ann Lee');
    await say('ann.lee@nhs.net');
    expect(buttons(await turn(client, '01/01/2019'))).toEqual(['Add another person', "That's all"]);
  });

  it.each([
    ['sam.jones', 'An e-mail address needs an @'],
    ['sam.jones@nhs.nte', 'Did you mean sam.jones@nhs.net?'],
    ['sam@@nhs.net', 'more than one @'],
  ])('refuses the address "%s" with the reason', async (typed, reason) => {
    const { say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones']) await say(text);
    const again = await say(typed);
    expect(again).toContain(reason);
    expect(again).toContain("What is Sam Jones's work e-mail address");
  });

  it('refuses an address already on the request', async () => {
    const { say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', 'Add another person', 'Sam Jones']) await say(text);
    expect(await say('SAM.JONES@nhs.net')).toContain('That address is already on this request.');
  });

  it('asks the name and the borough when neither the store nor the ODS directory knows the code', async () => {
    const { world, say } = await start();
    await say('leavers');
    expect(await say('VB7C1')).toBe("What is your organisation's name?");
    expect(world.ods.lookups).toEqual(['VB7C1']);
    expect(await say('Bright Lodge')).toContain('Which London borough is your organisation in?');
    const again = await say('Atlantis');
    expect(again).toContain("I don't recognise that as a London borough.");
    expect(await say('London Borough of Camden')).toBe('What is the full name of the person who is leaving?');
    for (const text of ['Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"]) await say(text);
    await say('Send the request');
    expect((await tickets(world))[0]?.organisation).toEqual({
      odsCode: 'VB7C1',
      name: 'Bright Lodge',
      borough: 'Camden',
      icbCode: 'QMJ',
      location: 'london',
      namedInDpia: false,
    });
  });

  it("uses the ODS directory's name and ICS when it knows the code", async () => {
    const { world, say } = await start();
    world.ods.answers.VB7C1 = {
      status: 'found',
      organisation: { odsCode: 'VB7C1', name: 'BRIGHT LODGE', active: true, roleIds: ['RO101'], icbCode: 'QMF', postcode: 'E8 1AA' },
    };
    await say('leavers');
    expect(await say('VB7C1')).toBe('I have VB7C1 as BRIGHT LODGE.\nWhat is the full name of the person who is leaving?');
    for (const text of ['Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"]) await say(text);
    await say('Send the request');
    expect((await tickets(world))[0]?.organisation).toMatchObject({
      name: 'BRIGHT LODGE',
      icbCode: 'QMF',
      postcode: 'E8 1AA',
      odsVerified: true,
      namedInDpia: false,
    });
  });

  it('sends the ODS code and name of an organisation outside London, with no London ICS, and says the helpdesk will confirm them', async () => {
    const { world, say } = await start();
    await say('leavers');
    await say('VB7C1');
    await say('Hillside House');
    expect(await say('outside London')).toContain("I'll send the request with your organisation's ODS code and name");
    for (const text of ['Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"]) await say(text);
    expect(await say('Send the request')).toContain('Its reference is UCP-000001.');
    expect((await tickets(world))[0]?.organisation).toEqual({
      odsCode: 'VB7C1',
      name: 'Hillside House',
      icbCode: '',
      location: 'outside',
      namedInDpia: false,
    });
    expect((await tickets(world))[0]?.leavers).toHaveLength(1);
  });

  it('keeps what the ODS directory found for an organisation outside London', async () => {
    const { world, say } = await start();
    world.ods.answers.VB7C1 = {
      status: 'found',
      organisation: { odsCode: 'VB7C1', name: 'HILLSIDE HOUSE', active: true, roleIds: ['RO101'], icbCode: 'QHG', postcode: 'LU1 1AA' },
    };
    await say('leavers');
    expect(await say('VB7C1')).toContain('Which London borough is your organisation in?');
    for (const text of ['outside London', 'Sam Jones', 'sam.jones@nhs.net', 'today', "That's all", 'Send the request']) await say(text);
    expect((await tickets(world))[0]?.organisation).toEqual({
      odsCode: 'VB7C1',
      name: 'HILLSIDE HOUSE',
      postcode: 'LU1 1AA',
      icbCode: '',
      location: 'outside',
      namedInDpia: false,
      odsVerified: true,
    });
  });

  it('makes one ticket when "Send the request" is pressed twice before the first press was saved', async () => {
    const { world, say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"]) await say(text);
    // The second press reads the conversation as it was before the first one finished (Teams sends both at once).
    const before = await savedConversation(world);
    const first = await say('Send the request');
    await restoreConversation(world, before);
    const second = await say('Send the request');
    const all = await tickets(world);
    expect(all).toHaveLength(1);
    expect(all[0]?.submissionId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(first).toContain(`Its reference is ${all[0]?.id}.`);
    expect(second).toContain(`Its reference is ${all[0]?.id}.`);
  });

  it('makes a new ticket for a review shown again after a change', async () => {
    const { world, say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of [
      'leavers',
      'VN4K2',
      'Sam Jones',
      'sam.jones@nhs.net',
      'today',
      'Add another person',
      'Ann Lee',
      'ann.lee@nhs.net',
      'today',
      "That's all",
    ]) {
      await say(text);
    }
    const before = await savedConversation(world);
    await say('Send the request');
    await restoreConversation(world, before);
    await say('Remove someone');
    await say('1');
    await say('Send the request');
    expect((await tickets(world)).map((t) => t.leavers?.map((l) => l.name))).toEqual([['Sam Jones', 'Ann Lee'], ['Ann Lee']]);
  });

  it.each([
    ['is anyone else leaving', ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today'], ['Add another person', "That's all"]],
    [
      'shall I send it',
      ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"],
      ['Send the request', 'Add another person', 'Remove someone'],
    ],
  ])('asks "%s" again with the same buttons, never a numbered list', async (_what, before, choices) => {
    const { client } = await start({ dpia: [ROSEWOOD_DPIA] });
    let asked: Awaited<ReturnType<typeof turn>> = [];
    for (const text of before) asked = await turn(client, text);
    const again = await turn(client, 'maybe');
    expect(buttons(asked)).toEqual(choices);
    expect(buttons(again)).toEqual(choices);
    expect(readable(again)).not.toMatch(/^\s*\d+\. /m);
  });

  it('lets the manager take someone off the list at the review, by number', async () => {
    const { world, say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of [
      'leavers',
      'VN4K2',
      'Sam Jones',
      'sam.jones@nhs.net',
      'today',
      'Add another person',
      'Ann Lee',
      'ann.lee@nhs.net',
      'today',
      "That's all",
    ]) {
      await say(text);
    }
    expect(await say('Remove someone')).toBe('Which number should I take off the list?');
    expect(await say('3')).toBe('Please type a number from 1 to 2.\nWhich number should I take off the list?');
    const review = await say('1');
    expect(review).toContain("I've taken Sam Jones off the list.");
    expect(review).toContain('1. Ann Lee');
    expect(review).not.toContain('Sam Jones,');
    await say('Send the request');
    expect((await tickets(world))[0]?.leavers?.map((l) => l.name)).toEqual(['Ann Lee']);
  });

  it('asks for someone again when the only person is taken off', async () => {
    const { say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones', 'sam.jones@nhs.net', 'today', "That's all"]) await say(text);
    const after = await say('Remove someone');
    expect(after).toContain("I've taken Sam Jones off the list.");
    expect(after).toContain("There's nobody on the request now");
    expect(after).toContain('What is the full name of the person who is leaving?');
  });

  it('shows names with markup exactly as typed, in plain text', async () => {
    const { client, say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2']) await say(text);
    const [reply] = await turn(client, '**Sam** <i>${name}</i>');
    expect(reply?.text).toBe("What is **Sam** <i>${name}</i>'s work e-mail address (the one their UCP account uses)?");
    expect(reply?.textFormat).toBe('plain');
  });

  it('cuts an over-long name and says so', async () => {
    const { say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2']) await say(text);
    const reply = await say(`Sam ${'x'.repeat(300)}`);
    expect(reply).toContain("so I've kept the first 200 characters.");
    expect(reply).toContain(`What is Sam ${'x'.repeat(196)}'s work e-mail address`);
  });

  it('cancels at any question without sending anything', async () => {
    const { world, say } = await start({ dpia: [ROSEWOOD_DPIA] });
    for (const text of ['leavers', 'VN4K2', 'Sam Jones']) await say(text);
    expect(await say('cancel')).toContain('Nothing has been sent');
    expect(await tickets(world)).toEqual([]);
  });
});
