import type { AuditEvent, TicketState } from '../../data/model.js';
import { findArchivedTicketSnapshot, readAuditSnapshot } from '../../data/store/fileSnapshot.js';
import { formatLondon } from '../../data/rules/londonTime.js';
import { csvLine } from '../../data/csvWrite.js';
import { TICKET_STATES } from '../../data/workflow/transitions.js';
import { ValidationError } from '../../data/errors.js';
import { noMore, required, type ParsedArgs } from './args.js';
import { print, type AdminContext } from './context.js';
import { UsageError } from './usage.js';

const STATES: readonly TicketState[] = TICKET_STATES;

/** `tickets list [--state a,b]`: the live tickets, newest change first. */
export async function ticketsCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  if (args.positionals[1] !== undefined && args.positionals[1] !== 'list')
    throw new UsageError(`unknown tickets sub-command "${args.positionals[1]}" (try: tickets list)`);
  noMore(args, 2);
  const wanted = args.options.state === undefined ? undefined : args.options.state.split(',').map((s) => s.trim());
  const unknown = wanted?.filter((s) => !STATES.includes(s as TicketState)) ?? [];
  if (unknown.length > 0) throw new UsageError(`unknown state "${unknown[0]}" (use ${STATES.join(', ')})`);
  const tickets = (await ctx.snapshot()).tickets
    .filter((t) => !wanted || wanted.includes(t.state))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  const rows = tickets.map((t) => ({
    id: t.id,
    kind: t.kind,
    state: t.state,
    priority: t.priority,
    organisation: t.organisation ? `${t.organisation.odsCode} ${t.organisation.name}` : '',
    assignee: t.assignee?.name ?? t.assignee?.aadObjectId ?? '',
    updatedAt: t.updatedAt,
  }));
  print(ctx, rows, () =>
    rows.length === 0
      ? ['No tickets.']
      : [
          ['id', 'kind', 'state', 'priority', 'organisation', 'assignee', 'updated (London)'].join('\t'),
          ...rows.map((r) =>
            [r.id, r.kind, r.state, r.priority, r.organisation, r.assignee, formatLondon(new Date(r.updatedAt))].join('\t'),
          ),
        ],
  );
}

/** `ticket show <id>`: one ticket (live or archived) with its audit trail. */
export async function ticketCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  if (required(args, 1, 'sub-command (show)') !== 'show')
    throw new UsageError(`unknown ticket sub-command "${args.positionals[1]}" (try: ticket show <id>)`);
  const id = required(args, 2, 'ticket id').trim().toUpperCase();
  noMore(args, 3);
  const live = (await ctx.snapshot()).tickets.find((t) => t.id === id);
  const ticket = live ?? (await findArchivedTicketSnapshot(ctx.dataDir, id));
  if (!ticket) throw new UsageError(`no ticket ${id} (live or archived)`);
  const audit: AuditEvent[] = [];
  for await (const event of readAuditSnapshot(ctx.dataDir, { ticketId: id })) audit.push(event);
  print(ctx, { ticket, archived: !live, audit }, () => [
    `${ticket.id} (${ticket.kind}) — ${ticket.state}${live ? '' : ' [archived]'}, version ${ticket.version}`,
    JSON.stringify(ticket, null, 2),
    'Audit trail:',
    ...audit.map(
      (e) =>
        `  ${formatLondon(new Date(e.at))}  ${e.actor}  ${e.action}${e.from || e.to ? ` ${e.from ?? ''} → ${e.to ?? ''}` : ''}${e.reason ? `  "${e.reason}"` : ''}`,
    ),
  ]);
}

const CSV_COLUMNS = ['at', 'actor', 'action', 'ticketId', 'from', 'to', 'reason', 'details', 'id'] as const;

/** `audit export --from <date> --to <date>`: the audit trail in that window as CSV on standard output. */
export async function auditCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  if (required(args, 1, 'sub-command (export)') !== 'export')
    throw new UsageError(`unknown audit sub-command "${args.positionals[1]}" (try: audit export --from … --to …)`);
  noMore(args, 2);
  const { from, to } = args.options;
  if (from === undefined || to === undefined)
    throw new UsageError('audit export needs --from and --to (dates such as 2026-03-01, or ISO instants)');
  try {
    const events = readAuditSnapshot(ctx.dataDir, { from, to });
    ctx.out(csvLine(CSV_COLUMNS));
    for await (const event of events) {
      ctx.out(
        csvLine(CSV_COLUMNS.map((column) => (column === 'details' ? (event.details ? JSON.stringify(event.details) : '') : event[column]))),
      );
    }
  } catch (err) {
    if (err instanceof ValidationError) throw new UsageError(err.message);
    throw err;
  }
}
