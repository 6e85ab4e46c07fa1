import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WorkflowTicket } from '../../../data/model.js';
import { parseCsv } from '../../../data/imports/csv.js';
import { openLowdbStore } from '../../../data/store/lowdbStore.js';
import { startBotProcess, type BotProcess } from '../../helpers/botProcess.js';
import { makeWorkflowTicket, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';

// The tab's search, paging and CSV over real HTTP, in local mode (the bot in its own process: restify patches Node's HTTP).
let bot: BotProcess;
let dataDir: string;
const base = makeWorkflowTicket().organisation!;
const org = (name: string, odsCode: string, icbCode = 'QKK') => ({ ...base, name, odsCode, icbCode });
const person = (name: string) => ({ aadObjectId: `aad-${name.length}`, name, email: 'someone@nhs.net' });

const letters = (i: number) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26));
// 125 ordinary open tickets make the queue long enough to page through (50 a page); no number of theirs contains "123".
const crowd = Array.from({ length: 125 }, (_, i) =>
  makeWorkflowTicket({
    id: `UCP-${String(4500 + i).padStart(6, '0')}`,
    state: 'awaitingHelpdesk',
    organisation: org(`Crowd Care Home ${letters(i)}`, `VC${letters(i)}`),
    stateEnteredAt: '2026-03-02T09:20:00.000Z',
  }),
);
const stMarys = makeWorkflowTicket({
  id: 'UCP-000123',
  state: 'assigned',
  assignee: { ...people.agent },
  organisation: org("St Mary's  Nursing Home", 'VQ7X1', 'QMF'),
  requester: person('Zoë Brontë'),
  stateEnteredAt: '2026-03-03T09:20:00.000Z',
});
const numberLookalike = makeWorkflowTicket({
  id: 'UCP-001234',
  state: 'awaitingIcsApproval',
  organisation: org('Birchwood House', 'VB8K2'),
});
const formulas = makeWorkflowTicket({
  id: 'UCP-000777',
  state: 'awaitingHelpdesk',
  organisation: org('=HYPERLINK("http://evil.test","Click")', 'VF0RM'),
  requester: person('@Mallory, "M"'),
});
// Closed, then moved to archive.jsonl by the archive run.
const oldOak = makeWorkflowTicket({
  id: 'UCP-000050',
  state: 'closed',
  organisation: org('Old Oak Lodge', 'VO1D5'),
  requester: person('Ana Müller'),
});
const closedLive = makeWorkflowTicket({ id: 'UCP-000051', state: 'resolved', organisation: org('Old Oak Annexe', 'VO1D6') });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ucp-tab-search-'));
  const store = await openLowdbStore({ dir: dataDir });
  await seedWorkflow(store, [...crowd, stMarys, numberLookalike, formulas, oldOak, closedLive] as WorkflowTicket[]);
  await store.archiveClosedTickets();
  await store.close();
  bot = await startBotProcess({ DATA_DIR: dataDir });
});

afterAll(async () => {
  bot?.kill();
  await bot?.exited;
  await rm(dataDir, { recursive: true, force: true });
});

interface Row {
  id: string;
  stateLabel: string;
  archived: boolean;
  requester: string;
  organisation: string;
}
interface Queue {
  rows: Row[];
  paging: { page: number; pages: number; total: number; text: string };
  searchedArchive: boolean;
  search: string;
  overdue: number;
}

async function queue(query: string): Promise<{ status: number; body: Queue & { error?: string } }> {
  const response = await fetch(`${bot.url}/api/tab/tickets?${query}`);
  return { status: response.status, body: (await response.json()) as Queue & { error?: string } };
}

const ids = async (query: string) => (await queue(query)).body.rows.map((row) => row.id);

describe('searching the helpdesk queue', () => {
  it('finds a ticket by its number typed in full, without the prefix or in part, the exact one first', async () => {
    expect(await ids('q=UCP-000123')).toEqual(['UCP-000123']);
    expect(await ids('q=ucp%20123')).toEqual(['UCP-000123', 'UCP-001234']);
    expect(await ids('q=123')).toEqual(['UCP-000123', 'UCP-001234']);
    expect(await ids('q=Ucp-1234')).toEqual(['UCP-001234']);
    expect(await ids('q=1234')).toEqual(['UCP-001234']);
  });

  it('finds a ticket by its ODS code whatever the case or spacing typed', async () => {
    expect(await ids('q=vq7x1')).toEqual(['UCP-000123']);
    expect(await ids('q=%20VQ7%20X1%20')).toEqual(['UCP-000123']);
  });

  it("finds tickets by part of the organisation's or the requester's name, ignoring case, accents, spaces and apostrophes", async () => {
    expect(await ids('q=st%20marys%20nursing')).toEqual(['UCP-000123']);
    expect(await ids('q=ZOE%20BRONTE')).toEqual(['UCP-000123']);
    expect(await ids('q=birch%20wood')).toEqual(['UCP-001234']);
    expect(await ids('q=nobody%20by%20this%20name')).toEqual([]);
  });

  it('searches open tickets by default and says so, leaving archived ones out', async () => {
    const { body } = await queue('q=old%20oak');
    expect(body.rows).toEqual([]);
    expect(body.searchedArchive).toBe(false);
  });

  it('finds archived tickets by name or number when the status filter includes finished ones, and marks them archived', async () => {
    const { body } = await queue('state=all&q=old%20oak');
    expect(body.searchedArchive).toBe(true);
    expect(body.rows.map((r) => [r.id, r.stateLabel, r.archived]).sort()).toEqual([
      ['UCP-000050', 'Closed (archived)', true],
      ['UCP-000051', 'Resolved', false],
    ]);
    expect(await ids('state=closed&q=50')).toEqual(['UCP-000050']);
    expect(await ids('state=all&q=ana%20muller')).toEqual(['UCP-000050']);
    const byNumber = await ids('state=all&q=UCP%2050');
    expect(byNumber[0]).toBe('UCP-000050');
    expect(byNumber).toContain('UCP-004550');
    expect(byNumber.every((id) => id.slice(4).includes('50'))).toBe(true);
    expect((await ids('state=all&ics=QKK&q=old%20oak')).sort()).toEqual(['UCP-000050', 'UCP-000051']);
    expect(await ids('state=all&ics=QMF&q=old%20oak')).toEqual([]);
  });

  it('opens an archived ticket found by the search', async () => {
    const response = await fetch(`${bot.url}/api/tab/tickets/UCP-000050`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Old Oak Lodge');
  });
});

describe('paging through the helpdesk queue', () => {
  it('shows 50 tickets a page with the total, and the next page carries on where the first stopped', async () => {
    const first = (await queue('')).body;
    expect(first.rows).toHaveLength(50);
    expect(first.paging).toEqual({ page: 1, pageSize: 50, pages: 3, total: 128, text: 'Showing 1-50 of 128' });
    const second = (await queue('page=2')).body;
    expect(second.paging.text).toBe('Showing 51-100 of 128');
    const third = (await queue('page=3')).body;
    expect(third.paging.text).toBe('Showing 101-128 of 128');
    const all = [...first.rows, ...second.rows, ...third.rows].map((r) => r.id);
    expect(new Set(all).size).toBe(128);
  });

  it('counts the overdue tickets of the whole filter, not only of the page shown', async () => {
    const { body } = await queue('page=3');
    expect(body.overdue).toBeGreaterThanOrEqual(125);
  });

  it('shows the last page when asked for a page past the end (the queue shrank since the agent looked)', async () => {
    const { status, body } = await queue('page=9');
    expect(status).toBe(200);
    expect(body.paging).toMatchObject({ page: 3, text: 'Showing 101-128 of 128' });
  });
});

describe('downloading the helpdesk queue as CSV', () => {
  async function csv(query: string): Promise<{ status: number; headers: Headers; rows: string[][]; text: string }> {
    const response = await fetch(`${bot.url}/api/tab/tickets.csv?${query}`);
    const text = await response.text();
    return { status: response.status, headers: response.headers, rows: response.ok ? parseCsv(text).map((r) => r.cells) : [], text };
  }

  it('gives every row of the current filter (not one page) as an attachment, with a header row', async () => {
    const { status, headers, rows } = await csv('state=open');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="ucp-helpdesk-tickets-\d{4}-\d\d-\d\d-\d{4}\.csv"$/);
    expect(rows[0]).toEqual([
      'Ticket',
      'Status',
      'Archived',
      'Due',
      'Request',
      'Organisation',
      'Requester',
      'ICS',
      'Waiting',
      'Working hours waited',
      'Waiting since (London)',
      'Who has it',
      'Latest reminder',
      'Priority',
    ]);
    expect(rows).toHaveLength(1 + 128);
  });

  it('exports what the search found, archived tickets included when the filter includes them', async () => {
    const { rows } = await csv('state=all&q=old%20oak');
    expect(
      rows
        .slice(1)
        .map((r) => [r[0], r[1], r[2]])
        .sort(),
    ).toEqual([
      ['UCP-000050', 'Closed (archived)', 'Yes'],
      ['UCP-000051', 'Resolved', 'No'],
    ]);
  });

  it('defuses formulas typed into names so a spreadsheet shows them as text, and reads back cell for cell', async () => {
    const { rows } = await csv('q=VF0RM');
    expect(rows).toHaveLength(2);
    const [header, row] = rows;
    expect(row[header.indexOf('Organisation')]).toBe('\'=HYPERLINK("http://evil.test","Click") (VF0RM)');
    expect(row[header.indexOf('Requester')]).toBe('\'@Mallory, "M"');
    expect(row.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });

  it('starts with a byte-order mark so Excel shows accents in names', async () => {
    const bytes = Buffer.from(await (await fetch(`${bot.url}/api/tab/tickets.csv?q=zoe`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Zoë Brontë');
  });
});

describe('refusing what the queue cannot answer', () => {
  it.each([
    ['a search over 100 characters', `q=${'a'.repeat(101)}`, /too long: type at most 100 characters/],
    ['a search of only punctuation', 'q=%22%3B--', /Search with letters or numbers/],
    ['page 0', 'page=0', /whole number from 1/],
    ['a page that is not a number', 'page=two', /whole number from 1/],
    ['a fractional page', 'page=1.5', /whole number from 1/],
    ['an unknown status', 'state=toString', /not one the queue knows/],
  ])('refuses %s with 400 and says what to change, for the queue and its CSV alike', async (_name, query, message) => {
    for (const route of ['/api/tab/tickets', '/api/tab/tickets.csv']) {
      const response = await fetch(`${bot.url}${route}?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
  });

  it('keeps what was searched for out of the log', () => {
    expect(bot.output()).not.toMatch(/Zo|Bront|muller|VQ7X1|old oak|HYPERLINK/i);
  });
});
