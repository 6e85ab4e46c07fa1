/** How a ticket maps onto its row's columns, and a TicketQuery onto a WHERE clause over them. */
import type { WorkflowTicket } from '../../model.js';
import { normaliseOdsCode } from '../../rules/ods.js';
import { ticketStateEnteredAt, type TicketQuery } from '../records.js';

/** Anything that runs a query: the pool (reads outside a transaction) or a transaction's own client. */
export interface Queryable {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** The queried columns of a ticket, in the order TICKET_COLUMNS names them. */
export function ticketColumns(ticket: WorkflowTicket): unknown[] {
  return [
    ticket.id,
    ticket.kind,
    ticket.state,
    ticket.organisation?.icbCode ?? null,
    ticket.assignee?.aadObjectId ?? null,
    ticket.requester?.aadObjectId ?? null,
    normaliseOdsCode(ticket.organisation?.odsCode ?? ''),
    ticket.submissionId ?? null,
    ticketStateEnteredAt(ticket),
    ticket.version,
    JSON.stringify(ticket),
  ];
}

export const TICKET_COLUMNS = 'id, kind, state, ics, assignee, requester, ods_code, submission_id, state_entered_at, version, ticket';

/** A WHERE clause (without the word) for `query`, its parameters numbered after `params`' current ones. */
export function ticketWhere(query: TicketQuery, params: unknown[], alias = ''): string {
  const conditions: string[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  const column = (name: string) => `${alias}${name}`;
  if (query.states) add((p) => `${column('state')} = ANY(${p}::text[])`, [...query.states]);
  if (query.kind !== undefined) add((p) => `${column('kind')} = ${p}`, query.kind);
  if (query.ics !== undefined) add((p) => `${column('ics')} = ${p}`, query.ics);
  if (query.assignee !== undefined) add((p) => `${column('assignee')} = ${p}`, query.assignee);
  if (query.requester !== undefined) add((p) => `${column('requester')} = ${p}`, query.requester);
  if (query.odsCode !== undefined) add((p) => `${column('ods_code')} = ${p}`, normaliseOdsCode(query.odsCode));
  if (query.submissionId !== undefined) add((p) => `${column('submission_id')} = ${p}`, query.submissionId);
  if (query.stateEnteredBefore !== undefined) add((p) => `${column('state_entered_at')} < ${p}`, query.stateEnteredBefore);
  if (query.ids !== undefined) add((p) => `${column('id')} = ANY(${p}::text[])`, [...query.ids]);
  // strpos, not LIKE: what the person typed is never a pattern.
  if (query.idContains !== undefined) add((p) => `strpos(${column('id')}, ${p}) > 0`, query.idContains);
  return conditions.length === 0 ? 'true' : conditions.join(' AND ');
}
