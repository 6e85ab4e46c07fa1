/**
 * Runs the helpdesk's automatic checks (data/workflow/automaticChecks.ts) for a ticket and records them through the
 * workflow: when the ticket reaches the helpdesk, when it is assigned, when an agent opens it and one has gone stale, and
 * just before it is resolved. The ODS directory is the only slow part; its client caches, limits and times out.
 */
import { AUTOMATIC_ITEMS, type AuditEvent, type WorkflowTicket } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';
import type { OdsDirectory } from '../../dialogs/dialogServices.js';
import { errorKind, type Logger } from '../log.js';
import { hasAutomaticChecks, isStale, runAutomaticChecks, type DirectoryAnswer } from '../../data/workflow/automaticChecks.js';
import { ruleFor } from '../../data/workflow/transitions.js';
import type { Workflow } from '../../data/workflow/workflow.js';

export interface AutomaticCheckRuns {
  /** Runs every check now and records the results; does nothing for a ticket the helpdesk is not working on. */
  run(ticketId: string): Promise<void>;
  /** run(), only when a check has never run or one has gone stale (its list imported since, a day turned, the directory's answer old). */
  runIfStale(ticketId: string): Promise<void>;
}

export interface AutomaticCheckDeps {
  store: Store;
  workflow: Pick<Workflow, 'act' | 'get'>;
  ods: OdsDirectory;
  clock: () => Date;
  logger: Logger;
}

/** Runs for one ticket are queued, so two triggers at once cannot record out of order. */
export function createAutomaticCheckRuns(deps: AutomaticCheckDeps): AutomaticCheckRuns {
  const queues = new Map<string, Promise<void>>();

  const runNow = async (ticketId: string, onlyIfStale: boolean): Promise<void> => {
    const ticket = await deps.workflow.get(ticketId);
    if (!ticket || !hasAutomaticChecks(ticket) || !ruleFor('check', ticket.state)) return;
    if (onlyIfStale && !(await needsRun(ticket, deps.store, deps.clock()))) return;
    const directory = await lookUp(deps.ods, ticket.organisation!.odsCode);
    const icsApproval = ticket.icsApproval ?? (await approvalFromAudit(deps.store, ticket));
    const { reference } = deps.store;
    const [dpiaRegister, dsptStatuses, accreditedDomains, imports, approverName] = await Promise.all([
      reference.dpiaRegister(),
      reference.dsptStatuses(),
      reference.accreditedDomains(),
      reference.imports(),
      icsApproval ? personName(deps.store, icsApproval.by) : undefined,
    ]);
    const now = deps.clock();
    const checks = runAutomaticChecks({
      ticket,
      directory,
      now,
      dpiaRegister,
      dsptStatuses,
      accreditedDomains,
      imports,
      ...(icsApproval && approverName !== undefined ? { icsApproval: { by: approverName, at: icsApproval.at } } : {}),
    });
    const outcome = await deps.workflow.act({ ticketId, verb: 'check', actor: { kind: 'system' }, checks });
    // Moved on meanwhile (sent back, withdrawn): nothing to record, and the next arrival at the helpdesk runs them again.
    if (!outcome.ok && outcome.code !== 'illegal') deps.logger.warn('automatic checks not recorded', { ticketId, code: outcome.code });
  };

  const queued = (ticketId: string, onlyIfStale: boolean): Promise<void> => {
    const previous = queues.get(ticketId) ?? Promise.resolve();
    const next = previous
      .then(() => runNow(ticketId, onlyIfStale))
      .catch((err: unknown) => {
        deps.logger.error('automatic checks failed', { ticketId, error: errorKind(err) });
      })
      .finally(() => {
        if (queues.get(ticketId) === next) queues.delete(ticketId);
      });
    queues.set(ticketId, next);
    return next;
  };

  return {
    run: (ticketId) => queued(ticketId, false),
    runIfStale: (ticketId) => queued(ticketId, true),
  };
}

/**
 * Wraps the workflow so that resolving always runs the checks first (source 001's checks are about the moment the accounts
 * are made, not the moment the request arrived), and a ticket arriving at the helpdesk or being assigned is checked.
 */
export function checkingWorkflow(workflow: Workflow, runs: AutomaticCheckRuns): Workflow {
  workflow.onEvent((event) => {
    const arrived = event.to === 'awaitingHelpdesk' && event.from !== 'awaitingHelpdesk';
    return arrived || event.verb === 'assign' ? runs.run(event.ticket.id) : undefined;
  });
  return {
    ...workflow,
    async act(request) {
      if (request.verb === 'resolve' || request.verb === 'confirmChecks') {
        await (request.verb === 'resolve' ? runs.run(request.ticketId) : runs.runIfStale(request.ticketId));
      }
      return workflow.act(request);
    },
    get listenerFailures() {
      return workflow.listenerFailures;
    },
  };
}

async function needsRun(ticket: WorkflowTicket, store: Store, now: Date): Promise<boolean> {
  const imports = await store.reference.imports();
  return AUTOMATIC_ITEMS.some((item) => {
    const check = ticket.automaticChecks?.[item];
    return !check || isStale(item, check, imports, now);
  });
}

async function lookUp(ods: OdsDirectory, odsCode: string): Promise<DirectoryAnswer> {
  const answer = await ods.lookup(odsCode);
  if (answer.status !== 'found') return answer;
  const org = answer.organisation;
  return {
    status: 'found',
    name: org.name,
    active: org.active,
    roleIds: org.roleIds,
    ...(org.postcode ? { postcode: org.postcode } : {}),
    ...(org.primaryRoleId ? { primaryRoleId: org.primaryRoleId } : {}),
  };
}

/** Tickets approved before the approval was kept on the ticket: the audit trail has it. */
async function approvalFromAudit(store: Store, ticket: WorkflowTicket): Promise<WorkflowTicket['icsApproval']> {
  if (ticket.organisation?.namedInDpia) return undefined;
  let approval: AuditEvent | undefined;
  for await (const event of store.readAudit({ ticketId: ticket.id })) if (event.action === 'approve') approval = event;
  return approval ? { by: { aadObjectId: approval.actor }, at: approval.at } : undefined;
}

async function personName(store: Store, by: NonNullable<WorkflowTicket['icsApproval']>['by']): Promise<string> {
  if (by === 'system') return 'the service';
  const entries = await store.rosters.list({ id: by.aadObjectId });
  return entries.find((entry) => entry.id === by.aadObjectId)?.displayName?.trim() || by.name?.trim() || 'a governance lead';
}
