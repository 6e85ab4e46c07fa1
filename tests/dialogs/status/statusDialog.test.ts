import { describe, it, expect } from '@jest/globals';
import { StatusDialog } from '../../../dialogs/status/statusDialog.js';
import { NO_REQUESTS } from '../../../dialogs/status/sendStatus.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import {
  adaptiveCards,
  dialogClient,
  linesOfCard,
  manager,
  readable,
  turn,
  useDialogWorld,
  type WorldOptions,
} from '../../helpers/dialogFixtures.js';

const mine = { requester: { ...manager, email: 'grace.adeyemi@nhs.net' } };

describe('the status conversation', () => {
  const worlds = useDialogWorld();

  async function status(options: WorldOptions) {
    const world = await worlds.open(options);
    const client = dialogClient(new StatusDialog(world.services), world);
    const replies = await turn(client, 'status');
    return { replies, text: readable(replies), client };
  }

  it('says kindly that there are no requests yet and offers the menu', async () => {
    const { replies, text, client } = await status({ tickets: [makeWorkflowTicket({ state: 'awaitingHelpdesk' })] });
    expect(text).toBe(NO_REQUESTS);
    expect(adaptiveCards(replies)).toHaveLength(1);
    expect(client.dialogTurnResult.status).toBe('complete');
  });

  it('lists the requests the hourly archive run has moved out too, with the live ones, newest first', async () => {
    const world = await worlds.open({
      tickets: [
        makeWorkflowTicket({ ...mine, id: 'UCP-000001', createdAt: '2026-01-05T09:00:00.000Z', state: 'closed' }),
        makeWorkflowTicket({ ...mine, id: 'UCP-000002', createdAt: '2026-02-10T09:00:00.000Z', state: 'awaitingHelpdesk' }),
      ],
    });
    expect(await world.store.archiveClosedTickets()).toBe(1);
    const text = readable(await turn(dialogClient(new StatusDialog(world.services), world), 'status'));
    expect(text.startsWith('You have 2 requests, newest first:')).toBe(true);
    expect(text.indexOf('UCP-000002')).toBeLessThan(text.indexOf('UCP-000001: Organisation access request for Rosewood Court Care Home'));
  });

  it('lists each request with its state, who has it and what it waits for, newest first', async () => {
    const { text, replies } = await status({
      tickets: [
        makeWorkflowTicket({ ...mine, id: 'UCP-000001', createdAt: '2026-02-02T09:00:00.000Z', state: 'awaitingIcsApproval' }),
        makeWorkflowTicket({
          ...mine,
          id: 'UCP-000002',
          createdAt: '2026-02-10T09:00:00.000Z',
          state: 'assigned',
          assignee: { aadObjectId: 'aad-agent', name: 'Alex Agent' },
        }),
        makeWorkflowTicket({
          ...mine,
          id: 'UCP-000003',
          createdAt: '2026-02-20T09:00:00.000Z',
          state: 'needsInformation',
          returnTo: 'assigned',
          reason: 'Which **site** is this for? ${site}',
        }),
        makeWorkflowTicket({
          ...mine,
          id: 'UCP-000004',
          createdAt: '2026-02-25T09:00:00.000Z',
          kind: 'deactivateUsers',
          state: 'resolved',
          users: undefined,
          leavers: [{ name: 'Sam', email: 's@nhs.net', lastWorkingDay: '2026-02-20' }],
        }),
        makeWorkflowTicket({ id: 'UCP-000005', state: 'awaitingHelpdesk' }),
      ],
    });
    expect(replies).toHaveLength(1);
    expect(text.startsWith('You have 4 requests, newest first:')).toBe(true);
    expect(text.indexOf('UCP-000004')).toBeLessThan(text.indexOf('UCP-000003'));
    expect(text.indexOf('UCP-000002')).toBeLessThan(text.indexOf('UCP-000001'));
    expect(text).not.toContain('UCP-000005');
    expect(text).toContain(
      'UCP-000001: Organisation access request for Rosewood Court Care Home\nStatus: Waiting for approval from the ICS\n' +
        'Who has it: The South East London governance lead\nWaiting for: approval of your organisation, which usually takes about a week',
    );
    expect(text).toContain('Who has it: Alex Agent at the UCP helpdesk');
    expect(text).toContain(
      'Who has it: Waiting for you\nWaiting for: your answer to the UCP helpdesk: "Which **site** is this for? ${site}". To answer, press Answer the question on the card I sent you about UCP-000003',
    );
    expect(text).not.toContain('Reply here');
    expect(text).toContain(
      'UCP-000004: Request to remove leavers for Rosewood Court Care Home\nStatus: Done\nWho has it: Nobody: it is finished\nLast update:',
    );
  });

  it('shows each line of the answer on its own line, on a card of lines rather than one run-on paragraph', async () => {
    const { replies } = await status({
      tickets: [
        makeWorkflowTicket({ ...mine, id: 'UCP-000001', createdAt: '2026-02-02T09:00:00.000Z', state: 'awaitingIcsApproval' }),
        makeWorkflowTicket({
          ...mine,
          id: 'UCP-000002',
          createdAt: '2026-02-10T09:00:00.000Z',
          state: 'needsInformation',
          returnTo: 'assigned',
          reason: 'Which **site**? ${site}',
        }),
      ],
    });
    expect(replies[0]?.text).toBeUndefined();
    const card = replies[0]?.attachments?.[0];
    const lines = card ? linesOfCard(card) : [];
    expect(lines.slice(0, 4)).toEqual([
      'You have 2 requests, newest first:',
      'UCP-000002: Organisation access request for Rosewood Court Care Home',
      'Status: We need more information from you',
      'Who has it: Waiting for you',
    ]);
    expect(lines).toContain('Status: Waiting for approval from the ICS');
    // Typed words sit in TextRuns, which Teams never reads as markdown.
    expect(JSON.stringify(card?.content)).toContain(
      '{"type":"TextRun","text":"Waiting for: your answer to the UCP helpdesk: \\"Which **site**? ${site}\\".',
    );
  });

  it('shows at most the 10 most recent and says how many there are', async () => {
    const tickets = Array.from({ length: 12 }, (_, i) =>
      makeWorkflowTicket({
        ...mine,
        id: `UCP-0000${String(i + 10)}`,
        createdAt: `2026-02-${String(i + 10)}T09:00:00.000Z`,
        state: 'awaitingHelpdesk',
      }),
    );
    const { text } = await status({ tickets });
    expect(text).toContain('You have 12 requests. Here are the 10 most recent:');
    expect(text.match(/^UCP-/gm)).toHaveLength(10);
    expect(text).toContain('UCP-000021');
    expect(text).not.toContain('UCP-000011');
  });
});
