import { describe, expect, it } from '@jest/globals';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { AuditEvent } from '../../../data/model.js';
import { emptyLiveFile } from '../../../data/store/liveFile.js';
import type { LowdbStore } from '../../../data/store/lowdbStore.js';
import type { AuditQuery } from '../../../data/store/store.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

async function collect(store: LowdbStore, query?: AuditQuery): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of store.readAudit(query)) events.push(event);
  return events;
}

async function auditLines(): Promise<AuditEvent[]> {
  const text = await readFile(folder.path('audit.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEvent);
}

function event(id: string, at: string, ticketId?: string): AuditEvent {
  return { id, at, actor: 'agent-7', action: 'assign', ...(ticketId ? { ticketId } : {}) };
}

describe('the audit trail', () => {
  it('records each event with the change, stamped by the injected clock, in audit.jsonl', async () => {
    const store = await folder.open({ clock: () => new Date('2026-03-02T10:30:00Z') });
    const ticket = makeWorkflowTicket();
    const recorded = await store.transaction(async (tx) => {
      await tx.tickets.insert(ticket);
      return tx.audit({ actor: 'manager-1', action: 'createTicket', ticketId: ticket.id, to: 'awaitingHelpdesk' });
    });
    expect(recorded).toMatchObject({
      at: '2026-03-02T10:30:00.000Z',
      actor: 'manager-1',
      action: 'createTicket',
      ticketId: ticket.id,
      to: 'awaitingHelpdesk',
    });
    expect(recorded.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auditLines()).toEqual([recorded]);
  });

  it('filters by time window (from inclusive, to exclusive) and by ticket', async () => {
    let now = new Date('2026-03-01T09:00:00Z');
    const store = await folder.open({ clock: () => now });
    for (const [time, ticketId] of [
      ['2026-03-01T09:00:00Z', 'T-1'],
      ['2026-03-02T09:00:00Z', 'T-2'],
      ['2026-03-03T09:00:00Z', 'T-1'],
      ['2026-03-04T09:00:00Z', 'T-1'],
    ] as const) {
      now = new Date(time);
      await store.transaction((tx) => void tx.audit({ actor: 'agent-7', action: 'note', ticketId }));
    }
    const times = async (query: AuditQuery) => (await collect(store, query)).map((e) => `${e.at.slice(0, 10)} ${e.ticketId}`);

    expect(await times({ ticketId: 'T-1' })).toEqual(['2026-03-01 T-1', '2026-03-03 T-1', '2026-03-04 T-1']);
    expect(await times({ from: '2026-03-02', to: '2026-03-04' })).toEqual(['2026-03-02 T-2', '2026-03-03 T-1']);
    expect(await times({ from: '2026-03-02T09:00:00.000Z', ticketId: 'T-1' })).toEqual(['2026-03-03 T-1', '2026-03-04 T-1']);
    expect(await times({ to: '2026-03-01T09:00:00Z' })).toEqual([]);
  });

  it('does not match a ticket whose id merely contains the one asked for', async () => {
    const store = await folder.open();
    await store.transaction((tx) => {
      tx.audit({ actor: 'a', action: 'note', ticketId: 'T-10' });
      tx.audit({ actor: 'a', action: 'note', ticketId: 'T-1', details: { related: 'T-10' } });
    });
    expect((await collect(store, { ticketId: 'T-10' })).map((e) => e.ticketId)).toEqual(['T-10']);
  });

  it('refuses a date it cannot read with a message that says what to use', async () => {
    const store = await folder.open();
    await expect(collect(store, { from: 'last Tuesday' })).rejects.toThrow(/"last Tuesday" is not a date/);
  });

  it('streams a trail of 100,000 events and finds one ticket in it', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      lines.push(JSON.stringify(event(`e-${i}`, new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), `T-${i % 5000}`)));
    }
    await writeFile(folder.path('audit.jsonl'), `${lines.join('\n')}\n`);
    const store = await folder.open();
    const found = await collect(store, { ticketId: 'T-4321' });
    expect(found).toHaveLength(20);
    expect(found[0].id).toBe('e-4321');
    let count = 0;
    for await (const _ of store.readAudit()) count += 1;
    expect(count).toBe(100_000);
  });

  it('cuts a torn last line left by a crash mid-append and carries on appending whole lines', async () => {
    await writeFile(folder.path('audit.jsonl'), `${JSON.stringify(event('e-1', '2026-03-01T09:00:00.000Z'))}\n{"id":"e-2","at":"2026-03-0`);
    const store = await folder.open();
    await store.transaction((tx) => void tx.audit({ id: 'e-3', actor: 'a', action: 'note' }));
    expect((await auditLines()).map((e) => e.id)).toEqual(['e-1', 'e-3']);
  });

  it('delivers outbox events left by a crash exactly once, skipping those that already reached the trail', async () => {
    const outbox = [
      event('e-2', '2026-03-01T09:01:00.000Z'),
      event('e-3', '2026-03-01T09:02:00.000Z'),
      event('e-4', '2026-03-01T09:03:00.000Z'),
    ];
    await writeFile(folder.path('live.json'), JSON.stringify({ ...emptyLiveFile(1), pendingAudit: outbox }));
    // The crash came while appending: e-2 made it whole, e-3 only in part.
    await writeFile(
      folder.path('audit.jsonl'),
      [event('e-1', '2026-03-01T09:00:00.000Z'), outbox[0]].map((e) => `${JSON.stringify(e)}\n`).join('') + '{"id":"e-3","at',
    );

    const store = await folder.open();
    expect((await auditLines()).map((e) => e.id)).toEqual(['e-1', 'e-2', 'e-3', 'e-4']);
    expect(JSON.parse(await readFile(folder.path('live.json'), 'utf8')).pendingAudit).toEqual([]);
    await store.close();
    await folder.open();
    expect((await auditLines()).map((e) => e.id)).toEqual(['e-1', 'e-2', 'e-3', 'e-4']);
  });

  it('appends the whole outbox when the trail does not end with any of it', async () => {
    await writeFile(
      folder.path('live.json'),
      JSON.stringify({ ...emptyLiveFile(1), pendingAudit: [event('e-9', '2026-03-01T09:00:00.000Z')] }),
    );
    await writeFile(folder.path('audit.jsonl'), `${JSON.stringify(event('e-1', '2026-03-01T08:00:00.000Z'))}\n`);
    await folder.open();
    expect((await auditLines()).map((e) => e.id)).toEqual(['e-1', 'e-9']);
  });

  it('keeps events safe when audit.jsonl cannot be appended to, shows them in queries, and delivers them once it can', async () => {
    const store = await folder.open();
    const trail = folder.path('audit.jsonl');
    await rename(trail, `${trail}.moved`);
    await mkdir(trail);

    await store.transaction((tx) => void tx.audit({ id: 'e-1', actor: 'a', action: 'note', ticketId: 'T-1' }));
    expect((await collect(store)).map((e) => e.id)).toEqual(['e-1']);
    expect(JSON.parse(await readFile(folder.path('live.json'), 'utf8')).pendingAudit.map((e: AuditEvent) => e.id)).toEqual(['e-1']);
    expect((await store.health()).detail).toMatch(/1 audit event is safe in live.json/);

    await rm(trail, { recursive: true });
    await rename(`${trail}.moved`, trail);
    await store.transaction((tx) => void tx.audit({ id: 'e-2', actor: 'a', action: 'note' }));
    expect((await auditLines()).map((e) => e.id)).toEqual(['e-1', 'e-2']);
    expect((await collect(store)).map((e) => e.id)).toEqual(['e-1', 'e-2']);
    expect((await store.health()).detail).toBeUndefined();
  });

  it('reports a corrupt line in the middle of the trail instead of skipping it', async () => {
    await writeFile(folder.path('audit.jsonl'), `${JSON.stringify(event('e-1', '2026-03-01T09:00:00.000Z'))}\nnot json\n`);
    await appendFile(folder.path('audit.jsonl'), `${JSON.stringify(event('e-3', '2026-03-01T09:00:00.000Z'))}\n`);
    const store = await folder.open();
    await expect(collect(store)).rejects.toThrow(/Line 2 of .*audit.jsonl is not valid JSON/);
  });
});
