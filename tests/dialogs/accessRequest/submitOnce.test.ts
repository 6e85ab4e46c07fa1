import { describe, it, expect } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { AccessRequestDialog } from '../../../dialogs/accessRequest/accessRequestDialog.js';
import { dialogClient, readable, submit, useDialogWorld } from '../../helpers/dialogFixtures.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
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
} from './accessFixtures.js';

const TO_SUMMARY = [
  ...SUNNYVIEW_FOUND_IN_LONDON,
  ['Care home (residential or nursing)', 'HSCN'],
  ...INTERNET_WEB_PORTAL_FEW,
  ...ONE_CARE_MANAGER,
  ["That's everyone", 'Please check your request below.'],
] as const;

function summaryIdOn(card: Record<string, unknown> | undefined): string {
  const id = /"summaryId":"([^"]+)"/.exec(JSON.stringify(card))?.[1];
  if (!id) throw new Error('no summary card');
  return id;
}

describe('pressing Submit on the summary more than once', () => {
  const worlds = useDialogWorld();

  async function sunnyview() {
    const world = await worlds.open({ dpia: [SUNNYVIEW_DPIA], dspt: [sunnyviewDspt('25/26 Standards Met')] });
    world.ods.answers.VX1A2 = { status: 'found', organisation: SUNNYVIEW };
    return { world, client: dialogClient(new AccessRequestDialog(world.services), world) };
  }

  it('makes one ticket from two presses that arrive together, and both answers give its number', async () => {
    const { world, client } = await sunnyview();
    const summary = await talk(client, TO_SUMMARY);
    const pressed = submit({ accessSummary: 'submit', summaryId: summaryIdOn(summary.cards[0]) });
    // Teams delivers a double click as two turns at once: both start from the same saved state (the second may then fail to save it).
    const turns = await Promise.allSettled([client.sendActivity(pressed), client.sendActivity({ ...pressed })]);
    const replies = turns.flatMap((t) => (t.status === 'fulfilled' && t.value ? [t.value as Partial<Activity>] : []));
    for (
      let next = client.getNextReply() as Partial<Activity> | undefined;
      next;
      next = client.getNextReply() as Partial<Activity> | undefined
    )
      replies.push(next);

    expect((await tickets(world.store)).map((t) => t.id)).toEqual(['UCP-000001']);
    const said = readable(replies);
    expect(said.match(/Your ticket number is UCP-000001/g)).toHaveLength(2);
    expect(said).not.toContain('UCP-000002');
  });

  it('says the ticket already made, and sends nothing new, when a press comes again after its first turn was lost', async () => {
    const { world, client } = await sunnyview();
    const summary = await talk(client, TO_SUMMARY);
    const summaryId = summaryIdOn(summary.cards[0]);
    // The first press made this ticket, but its turn never saved the conversation (the service stopped), so the card is still open.
    const first = makeWorkflowTicket({
      id: 'UCP-000001',
      state: 'awaitingHelpdesk',
      submissionId: summaryId,
      requester: { aadObjectId: 'aad-manager-grace', name: 'Grace Adeyemi' },
    });
    await world.store.transaction(async (tx) => {
      expect(await tx.tickets.nextSequence()).toBe(1);
      await tx.tickets.insert(first);
    });
    await talk(client, [
      [
        press('submit'),
        ["You've already sent this request, so I haven't sent it again. Your ticket number is UCP-000001", 'Type status at any time'],
      ],
    ]);
    expect((await tickets(world.store)).map((t) => t.id)).toEqual(['UCP-000001']);
    expect(client.dialogTurnResult.result).toEqual({ ticketId: 'UCP-000001' });
  });

  it('sends nothing, says why and ends when another manager sent a request for the same home while this one was being filled in', async () => {
    const { world, client } = await sunnyview();
    await talk(client, TO_SUMMARY);
    const theirs = makeWorkflowTicket({
      id: 'UCP-000001',
      state: 'awaitingHelpdesk',
      organisation: { ...makeWorkflowTicket().organisation!, odsCode: 'VX1A2' },
      requester: { aadObjectId: 'aad-deputy-tom', name: 'Tom Deputy' },
    });
    await world.store.transaction(async (tx) => {
      expect(await tx.tickets.nextSequence()).toBe(1);
      await tx.tickets.insert(theirs);
    });
    const answer = await talk(client, [
      [press('submit'), 'An access request for this organisation was sent while we were talking, so I have not sent a second one'],
    ]);
    expect(answer.text).not.toMatch(/Tom Deputy|UCP-000001/);
    expect((await tickets(world.store)).map((t) => t.id)).toEqual(['UCP-000001']);
    expect(client.dialogTurnResult.result).toEqual({ alreadyOpen: true });
  });

  it('keeps the id of the summary that was submitted (the newest, after a change) on the ticket', async () => {
    const { world, client } = await sunnyview();
    await talk(client, [
      ...TO_SUMMARY,
      [press('changeOrganisation'), 'What would you like to change?'],
      ['How staff reach the UCP', 'How will your staff reach the UCP?'],
      ['Our record system', 'Please check your request below.'],
      [press('submit'), "Thank you. I've sent your request to the UCP helpdesk. Your ticket number is UCP-000001"],
    ]);
    const [ticket] = await tickets(world.store);
    expect(ticket.submissionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
