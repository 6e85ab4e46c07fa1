import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseCsv } from '../../../data/imports/csv.js';
import { seedReportData } from '../../helpers/reportFixtures.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-piped-cli-'));
  await seedReportData(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npx ucp-admin …` in the project folder, as the README shows, and returns what it wrote to the pipe. */
async function ucpAdmin(...argv: string[]): Promise<string> {
  const { stdout } = await run('npx', ['ucp-admin', ...argv], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dir },
    timeout: 60_000,
  });
  return stdout;
}

describe('admin CLI run as `npx ucp-admin` with its output piped', () => {
  it('writes an audit export that is CSV from its first line, the header, with no npm banner before it', async () => {
    const out = await ucpAdmin('audit', 'export', '--from', '2026-03-01', '--to', '2026-04-01');
    expect(out.split('\n')[0]).toBe('at,actor,action,ticketId,from,to,reason,details,id');
    const rows = parseCsv(out).map((row) => row.cells);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.every((cells) => cells.length === 9)).toBe(true);
    expect(out).not.toMatch(/^> /m);
  }, 90_000);

  it('writes --json output that JSON.parse reads as it stands', async () => {
    const tickets = JSON.parse(await ucpAdmin('tickets', 'list', '--json')) as { id: string }[];
    expect(tickets.map((t) => t.id).sort()).toEqual(['UCP-800001', 'UCP-800002', 'UCP-800003', 'UCP-800004']);
  }, 90_000);

  it('writes a report that is CSV from its first line, the header', async () => {
    const out = await ucpAdmin('report', 'requests');
    expect(out.split('\n')[0]).toMatch(/^Ticket,Request,ICS,/);
    const [header, ...rows] = parseCsv(out).map((row) => row.cells);
    expect(rows).toHaveLength(4);
    expect(rows.every((cells) => cells.length === header.length)).toBe(true);
  }, 90_000);
});
