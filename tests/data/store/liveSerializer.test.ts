import { describe, expect, it } from '@jest/globals';
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
  it('writes exactly what JSON.stringify would, compactly', async () => {
    const doc = document();
    expect(serializedText(await new LiveSerializer().serialize(doc))).toBe(JSON.stringify(doc));
  });

  it('stays exact as records and collections are replaced (never changed in place), reusing the unchanged records', async () => {
    type Doc = ReturnType<typeof document>;
    let doc: Doc = document();
    const serializer = new LiveSerializer();
    await serializer.serialize(doc);

    const steps: ((d: Doc) => Doc)[] = [
      (d) => ({ ...d, tickets: d.tickets.map((t, i) => (i === 1 ? { ...t, state: 'resolved' as const } : t)) }),
      (d) => ({ ...d, tickets: d.tickets.map((t, i) => (i === 0 ? { ...t, users: [{ ...t.users![0], name: 'Changed Name' }] } : t)) }),
      (d) => ({ ...d, tickets: d.tickets.filter((_, i) => i !== 2) }),
      (d) => ({ ...d, botState: { ...d.botState, 'conv-1': { eTag: '1', value: { dialogStack: [] } } } }),
      (d) => ({ ...d, botState: { ...d.botState, 'conv-1': { eTag: '2', value: { dialogStack: [{ id: 'askOdsCodeStep' }] } } } }),
      (d) => ({ ...d, bankHolidays: [{ title: 'Easter Monday', date: '2026-04-06', notes: '' }] }),
      (d) => ({ ...d, settings: { nested: d.settings.nested } }),
    ];
    for (const step of steps) {
      doc = step(doc);
      expect(serializedText(await serializer.serialize(doc))).toBe(JSON.stringify(doc));
    }
  });

  it('stays exact for a large map of records inside a collection (the reminder ledger), entry by entry', async () => {
    const entries = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`UCP-${i}`, { since: `t${i}`, sent: { a: i } }]));
    let doc = { reminderLedger: { tickets: entries(200), dspt: {} as Record<string, unknown> }, skipped: undefined };
    const serializer = new LiveSerializer();
    expect(serializedText(await serializer.serialize(doc))).toBe(JSON.stringify(doc));
    doc = {
      ...doc,
      reminderLedger: {
        tickets: { ...doc.reminderLedger.tickets, 'UCP-7': { since: 'later', sent: { a: 99 } } },
        dspt: { VN4K2: { year: '2026', sent: 1 } },
      },
    };
    expect(serializedText(await serializer.serialize(doc))).toBe(JSON.stringify(doc));
    const { ['UCP-3']: _gone, ...rest } = doc.reminderLedger.tickets;
    doc = { ...doc, reminderLedger: { ...doc.reminderLedger, tickets: rest } };
    expect(serializedText(await serializer.serialize(doc))).toBe(JSON.stringify(doc));
  });
});
