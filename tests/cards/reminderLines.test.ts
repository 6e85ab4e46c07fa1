import { describe, it, expect } from '@jest/globals';
import { reminderLine, reminderLines } from '../../cards/reminderLines.js';
import { buildTicketCard } from '../../cards/ticketCard.js';
import { validateCard } from '../helpers/validateCard.js';
import type { ReminderMark } from '../../data/model.js';
import { agents, allStrings, cardTicket, NOW } from './cardFixtures.js';

// The wait of the fixture ticket (awaitingIcsApproval) began with its last action, Mon 2 Mar 10:04.
const SINCE = '2026-03-02T10:04:00.000Z';
const mark = (kind: string, overrides: Partial<ReminderMark> = {}): ReminderMark => ({
  kind,
  at: '2026-03-03T09:00:00.000Z',
  since: SINCE,
  waitedHours: 16,
  dueAfterHours: 16,
  workingDayHours: 8,
  ...overrides,
});

describe('what the reminder sweep did, as a line on the card', () => {
  it.each([
    ['icsApproval', 'Reminder sent to the South East London governance lead at 09:00 on Tue 3 Mar: 2 working days waiting for approval'],
    [
      'icsEscalation',
      'Escalated to the helpdesk channel at 09:00 on Tue 3 Mar: 2 working days without an answer from the South East London governance lead',
    ],
    ['unassigned', 'Escalated to the helpdesk channel at 09:00 on Tue 3 Mar: 2 working days with nobody assigned'],
    ['assigneeReminder', 'Reminder sent to the assigned agent at 09:00 on Tue 3 Mar: 2 working days without an action'],
    ['assignedEscalation', 'Escalated to the helpdesk channel at 09:00 on Tue 3 Mar: 2 working days without an action'],
    ['requesterNudge', 'Reminder sent to the care home at 09:00 on Tue 3 Mar: 2 working days without an answer'],
  ])('says what a %s reminder did, when, and after how long', (kind, line) => {
    expect(reminderLine(mark(kind), cardTicket(), NOW)).toBe(line);
  });

  it('counts in the working day the mark was recorded with, and in hours under a day', () => {
    expect(reminderLine(mark('unassigned', { waitedHours: 4.1, dueAfterHours: 4 }), cardTicket(), NOW)).toBe(
      'Escalated to the helpdesk channel at 09:00 on Tue 3 Mar: 4 working hours with nobody assigned',
    );
    expect(reminderLine(mark('assignedEscalation', { waitedHours: 15, dueAfterHours: 15, workingDayHours: 7.5 }), cardTicket(), NOW)).toBe(
      'Escalated to the helpdesk channel at 09:00 on Tue 3 Mar: 2 working days without an action',
    );
  });

  it('names the year of a mark from another year, and writes nothing for a kind it does not know', () => {
    expect(reminderLine(mark('assignedEscalation', { at: '2025-12-30T09:00:00.000Z' }), cardTicket(), NOW)).toContain(
      'at 09:00 on Tue 30 Dec 2025:',
    );
    expect(reminderLine(mark('somethingNew'), cardTicket(), NOW)).toBeUndefined();
  });

  it('shows only the current wait: a reminder from before the last action is history, not on the card', () => {
    const ticket = cardTicket({ remindersSent: [mark('icsApproval', { since: '2026-02-27T09:00:00.000Z' }), mark('icsEscalation')] });
    expect(reminderLines(ticket, NOW).map((l) => l.text)).toEqual([expect.stringContaining('Escalated to the helpdesk channel')]);
  });

  it("puts the lines on the helpdesk card and the ICS lead's card as valid Adaptive Cards; the ICS lead sees only the approval's", () => {
    const ticket = cardTicket({ remindersSent: [mark('icsApproval'), mark('icsEscalation'), mark('unassigned')] });
    const helpdesk = buildTicketCard(ticket, { kind: 'helpdesk', agents }, { refreshUserIds: [], now: NOW });
    const lead = buildTicketCard(ticket, { kind: 'icsLead' }, { refreshUserIds: [], now: NOW });
    expect(validateCard(helpdesk).problems).toEqual([]);
    expect(validateCard(lead).problems).toEqual([]);
    const lines = (card: object) =>
      allStrings(card)
        .map((s) => s.value)
        .filter((v) => /^(Reminder sent|Escalated)/.test(v));
    expect(lines(helpdesk)).toHaveLength(3);
    expect(lines(lead)).toEqual([
      'Reminder sent to the South East London governance lead at 09:00 on Tue 3 Mar: 2 working days waiting for approval',
      'Escalated to the helpdesk channel at 09:00 on Tue 3 Mar: 2 working days without an answer from the South East London governance lead',
    ]);
  });
});
