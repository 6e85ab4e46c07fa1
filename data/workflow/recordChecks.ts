/** How a run of the automatic checks changes a ticket (the 'check' verb's change); pure. */
import { AUTOMATIC_ITEMS, type AutomaticCheck, type AutomaticItem, type WorkflowTicket } from '../model.js';

/**
 * Records a run: each result is kept with its evidence; a passing one ticks its item for the service unless an agent has
 * ticked it (their tick stands) or unticked it (their judgement stands); an automatic tick whose check no longer passes goes.
 */
export function recordChecks(ticket: WorkflowTicket, checks: Partial<Record<AutomaticItem, AutomaticCheck>>): void {
  const recorded = { ...(ticket.automaticChecks ?? {}) };
  const checklist = { ...(ticket.checklist ?? {}) };
  for (const [item, check] of Object.entries(checks) as [AutomaticItem, AutomaticCheck][]) {
    const overruledBy = recorded[item]?.overruledBy;
    recorded[item] = { outcome: check.outcome, evidence: check.evidence, at: check.at, ...(overruledBy ? { overruledBy } : {}) };
    const stamp = checklist[item];
    if (stamp && stamp.by !== 'system') continue;
    if (check.outcome === 'passed' && !overruledBy) checklist[item] = { by: 'system', at: check.at };
    else delete checklist[item];
  }
  ticket.automaticChecks = recorded;
  ticket.checklist = checklist;
}

/** Results as the service sends them; anything else (a card cannot send this verb) is refused. */
export function automaticResults(value: unknown): Partial<Record<AutomaticItem, AutomaticCheck>> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value);
  const valid =
    entries.length > 0 &&
    entries.every(
      ([item, check]) =>
        (AUTOMATIC_ITEMS as readonly string[]).includes(item) &&
        typeof check === 'object' &&
        check !== null &&
        ['passed', 'failed', 'unsettled'].includes((check as AutomaticCheck).outcome) &&
        typeof (check as AutomaticCheck).evidence === 'string' &&
        Number.isFinite(Date.parse((check as AutomaticCheck).at)),
    );
  return valid ? (value as Partial<Record<AutomaticItem, AutomaticCheck>>) : undefined;
}
