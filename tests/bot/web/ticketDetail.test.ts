import { describe, it, expect } from '@jest/globals';
import { ticketDetail } from '../../../bot/web/ticketDetail.js';
import { makeWorkflowTicket, people, workflowRosters } from '../../fixtures/workflowFixtures.js';

const NOW = new Date('2026-03-03T12:00:00.000Z');

describe('a ticket as the helpdesk tab opens it', () => {
  it('names each actor of the audit trail from the ticket or the rosters, and never invents a name', () => {
    const ticket = makeWorkflowTicket({ id: 'UCP-1', state: 'awaitingHelpdesk' });
    const detail = ticketDetail(
      ticket,
      [
        {
          id: 'e1',
          at: '2026-03-02T09:15:00.000Z',
          actor: people.requester.aadObjectId,
          action: 'submit',
          ticketId: 'UCP-1',
          to: 'submitted',
        },
        {
          id: 'e2',
          at: '2026-03-02T09:15:01.000Z',
          actor: 'system',
          action: 'route',
          ticketId: 'UCP-1',
          from: 'submitted',
          to: 'awaitingIcsApproval',
        },
        {
          id: 'e3',
          at: '2026-03-02T10:04:00.000Z',
          actor: people.lead.aadObjectId,
          action: 'approve',
          ticketId: 'UCP-1',
          from: 'awaitingIcsApproval',
          to: 'awaitingHelpdesk',
        },
        {
          id: 'e4',
          at: '2026-03-02T11:00:00.000Z',
          actor: people.stranger.aadObjectId,
          action: 'denied',
          ticketId: 'UCP-1',
          from: 'awaitingHelpdesk',
        },
        { id: 'e5', at: '2026-03-02T11:30:00.000Z', actor: 'system', action: 'something.new', ticketId: 'UCP-1' },
      ],
      workflowRosters(),
      NOW,
    );
    expect(detail.audit.map((line) => [line.when, line.who, line.what, line.from, line.to])).toEqual([
      ['Mon 2 Mar, 09:15', 'Grace Adeyemi', 'Sent by the care home', '', 'Received'],
      ['Mon 2 Mar, 09:15', 'The service', 'Passed to the right team', 'Received', 'Waiting for ICS approval'],
      ['Mon 2 Mar, 10:04', 'Sam Lead', 'Approved by the ICS', 'Waiting for ICS approval', 'Waiting for the helpdesk'],
      ['Mon 2 Mar, 11:00', 'Someone not on a roster', 'Refused: not allowed to do this', 'Waiting for the helpdesk', ''],
      ['Mon 2 Mar, 11:30', 'The service', 'Recorded: something.new', '', ''],
    ]);
  });

  it('shows the requester, the staff asked for and the helpdesk checks with who ticked them', () => {
    const ticket = makeWorkflowTicket({
      id: 'UCP-2',
      checklist: { odsVerified: { by: { aadObjectId: people.agent.aadObjectId }, at: '2026-03-02T10:30:00.000Z' } },
    });
    const detail = ticketDetail(ticket, [], workflowRosters(), NOW);
    expect(detail.facts).toContainEqual({ label: 'Asked by', value: 'Grace Adeyemi <grace.adeyemi@nhs.net>' });
    expect(detail.people.map((p) => p.name)).toEqual(['Samuel Okafor', 'Priya Natarajan']);
    expect(detail.checklist[0]).toEqual({
      label: 'ODS verified',
      done: true,
      automatic: false,
      mark: '✓',
      status: 'Ticked by Alex Agent, UCP helpdesk, Mon 2 Mar, 10:30.',
      evidence: '',
    });
    expect(detail.checklist.slice(1).every((item) => !item.done)).toBe(true);
  });
});
