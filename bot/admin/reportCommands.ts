/** `report <requests|decisions|unreachable>`: a report as CSV on standard output, nothing else there, so it can be piped. */
import { calendarInForce } from '../../data/rules/bankHolidaysInForce.js';
import { ValidationError } from '../../data/errors.js';
import { findArchivedTicketsSnapshot, readAuditSnapshot } from '../../data/store/fileSnapshot.js';
import { csvLines } from '../reports/csv.js';
import { csvTable, isReportName, REPORT_NAMES } from '../reports/reportTables.js';
import { reportFilters, type ReportFilters } from '../reports/reportWindow.js';
import { runReport } from '../reports/runReport.js';
import { noMore, type ParsedArgs } from './args.js';
import type { AdminContext } from './context.js';
import { UsageError } from './usage.js';

const USAGE = `report ${REPORT_NAMES.join('|')} [--from yyyy-mm-dd --to yyyy-mm-dd] [--ics <ICS>]`;

/** Reads the last saved live file, the audit trail and the archive without the lock: works while the bot runs. */
export async function reportCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const name = args.positionals[1];
  if (name === undefined || !isReportName(name)) {
    throw new UsageError(`${name === undefined ? 'which report?' : `unknown report "${name.slice(0, 40)}"`} (usage: ${USAGE})`);
  }
  noMore(args, 2);
  if (args.json) throw new UsageError(`reports are CSV only (usage: ${USAGE})`);
  let filters: ReportFilters;
  try {
    filters = reportFilters({ from: args.options.from, to: args.options.to, ics: args.options.ics });
  } catch (err) {
    if (err instanceof ValidationError) throw new UsageError(`${err.message} (usage: ${USAGE})`);
    throw err;
  }
  const data = await ctx.snapshot();
  const view = await runReport(name, filters, {
    live: () => ({
      tickets: data.tickets,
      rosters: data.rosters,
      notifications: data.notifications,
      conversations: data.conversations,
    }),
    audit: (query) => readAuditSnapshot(ctx.dataDir, query),
    archived: (ids) => findArchivedTicketsSnapshot(ctx.dataDir, ids),
    calendar: calendarInForce(data.bankHolidays),
    now: new Date(),
    dayHours: ctx.reminders.workingDayHours,
  });
  const table = csvTable(view);
  for (const line of csvLines(table.columns, table.rows)) ctx.out(line);
}
