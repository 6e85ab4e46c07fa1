/** The helpdesk queue as a CSV file (GET /api/tab/tickets.csv): every row of the agent's current filter and search. Pure. */
import { csvDocument } from '../../data/csvWrite.js';
import { londonParts } from '../../data/rules/londonTime.js';
import type { QueueRow } from './helpdeskQueue.js';
import { dueText } from './tabWording.js';

const HEADER = [
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
];

/** The queue as CSV: a header row, then one record per queue row in the queue's order; Excel-ready (BOM, CRLF). */
export function queueCsv(rows: readonly QueueRow[]): string {
  return csvDocument(
    HEADER,
    rows.map((row) => [
      row.id,
      row.stateLabel,
      row.archived ? 'Yes' : 'No',
      dueText(row),
      row.kind,
      row.organisation,
      row.requester,
      row.icsName,
      row.ageText,
      row.ageWorkingHours,
      londonMinute(row.waitingSince),
      row.withWhom,
      row.reminder?.text ?? '',
      row.priority,
    ]),
    { bom: true },
  );
}

/** The file's name: the day it was taken, so successive downloads do not overwrite each other unnoticed. */
export function queueCsvFileName(now: Date): string {
  const p = londonParts(now);
  return `ucp-helpdesk-tickets-${p.year}-${pad(p.month)}-${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}.csv`;
}

// "2026-03-02 09:20": sorts as text in a spreadsheet, unlike "Mon 2 Mar, 09:20".
function londonMinute(iso: string): string {
  const instant = new Date(iso);
  if (!Number.isFinite(instant.getTime())) return '';
  const p = londonParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
