import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdminIn } from '../../helpers/adminRunner.js';
import type { WorkflowTicket } from '../../../data/model.js';
import { openLowdbStore } from '../../../data/store/lowdbStore.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-tickets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const admin = (...argv: string[]) => runAdminIn(dir, ...argv);

function ticket(id: string, state: WorkflowTicket['state'], updatedAt: string): WorkflowTicket {
  return {
    id,
    kind: 'organisationAccess',
    state,
    version: 2,
    priority: 'normal',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt,
    requester: { aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Grace Adeyemi' },
    organisation: { odsCode: 'VAB12', name: 'Rose Court', icbCode: 'QMJ', location: 'london', namedInDpia: false },
    checklist: {},
    cardCopies: [],
  };
}

/** Seeds three tickets with audit events (one closed and archived), then closes the store as the bot would on stop. */
async function seed(): Promise<void> {
  const store = await openLowdbStore({ dir, clock: () => new Date('2026-03-02T10:00:00Z') });
  await store.transaction(async (tx) => {
    await tx.tickets.insert(ticket('UCP-000001', 'awaitingIcsApproval', '2026-03-02T10:00:00.000Z'));
    await tx.tickets.insert(ticket('UCP-000002', 'assigned', '2026-03-03T11:00:00.000Z'));
    await tx.tickets.insert({ ...ticket('UCP-000003', 'closed', '2026-03-04T12:00:00.000Z'), closedAt: '2026-03-04T12:00:00.000Z' });
    tx.audit({
      actor: 'lead-1',
      action: 'reject',
      ticketId: 'UCP-000001',
      from: 'awaitingIcsApproval',
      to: 'rejected',
      reason: '=HYPERLINK("x"), "quoted"',
      at: '2026-03-02T10:00:00.000Z',
    });
    tx.audit({
      actor: 'agent-1',
      action: 'assign',
      ticketId: 'UCP-000002',
      from: 'awaitingHelpdesk',
      to: 'assigned',
      at: '2026-03-03T11:00:00.000Z',
    });
    tx.audit({ actor: 'agent-1', action: 'close', ticketId: 'UCP-000003', from: 'resolved', to: 'closed', at: '2026-03-04T12:00:00.000Z' });
  });
  await store.archiveClosedTickets();
  await store.close();
}

describe('admin CLI: tickets and the audit trail', () => {
  it('lists live tickets newest first, filtered by state', async () => {
    await seed();
    const all = JSON.parse((await admin('tickets', 'list', '--json')).out) as Array<{ id: string }>;
    expect(all.map((t) => t.id)).toEqual(['UCP-000002', 'UCP-000001']);
    const waiting = JSON.parse((await admin('tickets', 'list', '--state', 'awaitingIcsApproval', '--json')).out) as Array<{ id: string }>;
    expect(waiting.map((t) => t.id)).toEqual(['UCP-000001']);
    expect((await admin('tickets', 'list')).out.split('\n')[1]).toMatch(
      /^UCP-000002\torganisationAccess\tassigned\tnormal\tVAB12 Rose Court\t\t2026-03-03T11:00:00\+00:00$/,
    );
  });

  it('shows a ticket with its audit trail, and finds archived tickets too', async () => {
    await seed();
    const shown = JSON.parse((await admin('ticket', 'show', 'ucp-000001', '--json')).out) as {
      ticket: { id: string };
      archived: boolean;
      audit: Array<{ action: string }>;
    };
    expect(shown.ticket.id).toBe('UCP-000001');
    expect(shown.archived).toBe(false);
    expect(shown.audit.map((e) => e.action)).toEqual(['reject']);
    const archived = JSON.parse((await admin('ticket', 'show', 'UCP-000003', '--json')).out) as {
      archived: boolean;
      audit: Array<{ action: string }>;
    };
    expect(archived.archived).toBe(true);
    expect(archived.audit.map((e) => e.action)).toEqual(['close', 'ticketArchived']);
  });

  it('exports the audit trail in a date window as CSV, quoting commas and defusing formulas', async () => {
    await seed();
    const { code, out } = await admin('audit', 'export', '--from', '2026-03-02', '--to', '2026-03-04');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('at,actor,action,ticketId,from,to,reason,details,id');
    // The archive's own event is stamped by the store's clock (10:00 on the 2nd), so it falls in the window too.
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^2026-03-02T10:00:00.000Z,system,ticketArchived,UCP-000003,/);
    expect(lines[1]).toMatch(
      /^2026-03-02T10:00:00.000Z,lead-1,reject,UCP-000001,awaitingIcsApproval,rejected,"'=HYPERLINK\(""x""\), ""quoted""",,/,
    );
    expect(lines[2]).toMatch(/^2026-03-03T11:00:00.000Z,agent-1,assign,UCP-000002,/);
  });

  it('works while the bot holds the data folder', async () => {
    await seed();
    const store = await openLowdbStore({ dir });
    try {
      expect((await admin('ticket', 'show', 'UCP-000002')).code).toBe(0);
      expect((await admin('audit', 'export', '--from', '2026-01-01', '--to', '2027-01-01')).out.split('\n')).toHaveLength(5);
    } finally {
      await store.close();
    }
  });

  it.each([
    [['tickets', 'list', '--state', 'lost'], /^unknown state "lost"/],
    [['ticket', 'show', 'UCP-999999'], /^no ticket UCP-999999 \(live or archived\)$/],
    [['audit', 'export', '--from', '2026-03-01'], /^audit export needs --from and --to/],
    [['audit', 'export', '--from', 'yesterday', '--to', '2026-03-01'], /"from" date "yesterday" is not a date/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const result = await admin(...(argv as string[]));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });
});
