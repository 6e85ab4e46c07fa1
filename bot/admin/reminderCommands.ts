import { calendarInForce } from '../../data/rules/bankHolidaysInForce.js';
import { formatLondon } from '../../data/rules/londonTime.js';
import { buildDigests } from '../reminders/digests.js';
import { dueReminders } from '../reminders/dueReminders.js';
import { noMore, required, type ParsedArgs } from './args.js';
import { print, type AdminContext } from './context.js';
import { UsageError } from './usage.js';

/**
 * `reminders preview [--at <ISO instant>]`: what the sweep would send at that moment, to whom and why. Reads the last
 * saved live file, so it works while the bot runs; sends and records nothing.
 */
export async function remindersCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const sub = required(args, 1, 'reminders subcommand (preview)');
  if (sub !== 'preview') throw new UsageError(`unknown reminders subcommand "${sub}" (see: npx ucp-admin help)`);
  noMore(args, 2);
  const raw = args.options.at;
  const at = raw === undefined ? new Date() : new Date(raw);
  if (raw !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(at.getTime()))) {
    throw new UsageError(`--at must be an ISO instant such as 2026-03-09T09:00:00Z (got "${raw.slice(0, 40)}")`);
  }
  const data = await ctx.snapshot();
  const calendar = calendarInForce(data.bankHolidays);
  const due = dueReminders(data, calendar, at, ctx.reminders);
  const working = calendar.isWorkingTime(at);
  const digests = buildDigests(
    due.reminders.filter((r) => r.recipients.length > 0),
    at,
  );
  const unsent = due.reminders.filter((r) => r.recipients.length === 0);
  const result = {
    at: at.toISOString(),
    workingTime: working,
    ...(working ? {} : { sendsAt: calendar.nextWorkingTime(at).toISOString() }),
    digests: digests.map((d) => ({ to: d.recipientKey, reminders: d.reminders.map((r) => ({ key: r.key, why: r.why, text: r.text })) })),
    withdrawals: due.withdrawals,
    noRecipient: unsent.map((r) => ({ key: r.key, why: r.why })),
  };
  print(ctx, result, () => [
    `Reminders at ${formatLondon(at)}:`,
    ...(working
      ? []
      : [`Outside working hours: the sweep sends nothing now; this would go at ${formatLondon(calendar.nextWorkingTime(at))}.`]),
    ...(digests.length === 0 && due.withdrawals.length === 0 ? ['Nothing is due.'] : []),
    ...digests.flatMap((d) => [`To ${d.recipientKey} (${d.reminders.length}):`, ...d.reminders.map((r) => `  ${r.key}: ${r.why}`)]),
    ...due.withdrawals.map((w) => `Withdraw ${w.ticketId} (the requester is told): ${w.why}`),
    ...unsent.map((r) => `No one to send ${r.key} to (add them to the roster): ${r.why}`),
  ]);
}
