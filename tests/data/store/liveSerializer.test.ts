import { describe, expect, it } from '@jest/globals';
import { ChangeTracker } from '../../../data/store/changeTracker.js';
import { LiveSerializer } from '../../../data/store/liveSerializer.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';

/** The whole document as one string, as the commit writes it. */
function serializedText(chunks: readonly Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8');
}

function document() {
  return {
    schemaVersion: 1,
    tickets: [makeWorkflowTicket(), makeWorkflowTicket({ reason: 'ünïcødé ✓ and "quotes"\nnew line' }), makeWorkflowTicket()],
    rosters: [{ kind: 'icsLead', id: 'aad-1', addedAt: '2026-01-01' }],
    accreditedDomains: ['example.org', 'care.example'],
    bankHolidays: null as null | unknown[],
    settings: { a: 1, skipped: undefined, nested: { b: [1, null, 'x'] } } as Record<string, unknown>,
    botState: {} as Record<string, unknown>,
    empty: [],
    dropped: undefined,
  };
}

describe('LiveSerializer', () => {
  it('writes exactly what JSON.stringify would, compactly', () => {
    const doc = document();
    expect(serializedText(new LiveSerializer().serialize(doc))).toBe(JSON.stringify(doc));
  });

  it('stays exact after changes made through the change tracker, reusing only unchanged records', () => {
    const raw = document();
    const serializer = new LiveSerializer();
    const tracker = new ChangeTracker((record) => serializer.forget(record));
    const doc = tracker.view(raw);
    serializer.serialize(raw);

    const steps: ((d: typeof doc) => void)[] = [
      (d) => void (d.tickets[1].state = 'resolved'),
      (d) => void ((d.tickets[0].users as { name: string }[])[0].name = 'Changed Name'),
      (d) => void d.tickets.splice(2, 1),
      (d) => void (d.botState['conv-1'] = { eTag: '1', value: { dialogStack: [] } }),
      (d) => void (d.botState['conv-1'] as { value: { dialogStack: unknown[] } }).value.dialogStack.push({ id: 'askOdsCodeStep' }),
      (d) => void (d.bankHolidays = [{ title: 'Easter Monday', date: '2026-04-06', notes: '' }]),
      (d) => void delete d.settings.a,
    ];
    for (const step of steps) {
      tracker.begin();
      step(doc);
      tracker.committed();
      expect(serializedText(serializer.serialize(raw))).toBe(JSON.stringify(raw));
    }

    tracker.begin();
    doc.tickets[0].state = 'withdrawn';
    expect(serializedText(serializer.serialize(raw))).toBe(JSON.stringify(raw));
    tracker.undoAll();
    expect(serializedText(serializer.serialize(raw))).toBe(JSON.stringify(raw));
  });
});
