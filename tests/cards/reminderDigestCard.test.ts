import { describe, expect, it } from '@jest/globals';
import {
  buildReminderDigestCard,
  MAX_DIGEST_LINES,
  readReminderDigestTemplate,
  reminderDigestText,
} from '../../cards/reminderDigestCard.js';
import { validateCard } from '../helpers/validateCard.js';

describe('the reminder digest card', () => {
  it('is a valid Adaptive Card 1.5 as stored and as built', () => {
    expect(validateCard(readReminderDigestTemplate())).toEqual({ version: '1.5', problems: [] });
    const card = buildReminderDigestCard([
      {
        text: 'Request UCP-000001 for Rosewood Court Care Home (VN4K2) has been waiting 2 working days.',
        ticketId: 'UCP-000001',
        ticketVersion: 4,
      },
      { text: 'The DSPT status of Rosewood Court Care Home (VN4K2) runs out on 30 June 2026.' },
    ]);
    expect(validateCard(card)).toEqual({ version: '1.5', problems: [] });
  });

  it('gives each request a button that opens its card, and none for a line about an organisation', () => {
    const card = buildReminderDigestCard([{ text: 'one', ticketId: 'UCP-000001', ticketVersion: 4 }, { text: 'two' }]);
    const json = JSON.stringify(card);
    expect(json).toContain('"verb":"refreshCard"');
    expect(json).toContain('"data":{"ticketId":"UCP-000001","version":4}');
    expect(json.match(/Action\.Execute/g)).toHaveLength(1);
  });

  it('keeps typed text literal and lists at most 25 lines, counting the rest', () => {
    const lines = Array.from({ length: MAX_DIGEST_LINES + 3 }, (_, i) => ({
      text: `Line ${i} \${heading} **bold**`,
      ticketId: `UCP-${String(i).padStart(6, '0')}`,
      ticketVersion: 1,
    }));
    const card = buildReminderDigestCard(lines);
    const json = JSON.stringify(card);
    expect(json).toContain('Line 0 ${heading} **bold**');
    expect(json.match(/Action\.Execute/g)).toHaveLength(MAX_DIGEST_LINES);
    expect(json).toContain('And 3 more waiting as well.');
    expect(validateCard(card).problems).toEqual([]);
    expect(reminderDigestText(lines.slice(0, 2))).toBe(
      '2 reminders from the UCP onboarding assistant:\n\n- Line 0 ${heading} **bold**\n- Line 1 ${heading} **bold**',
    );
  });
});
