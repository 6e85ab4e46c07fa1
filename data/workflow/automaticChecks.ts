/**
 * The helpdesk's first four checks from source 001 (ODS verification, DPIA, DSPT, e-mail domains), worked out by the
 * service from what it knows, each with its evidence. Pure: the host gathers the inputs (the ODS directory's answer, the
 * imported lists, the ICS lead's approval) and records the results through the workflow's 'check' verb.
 */
import type { AutomaticCheck, AutomaticItem, DpiaEntry, DsptRecord, ImportedList, WorkflowTicket } from '../model.js';
import { dpiaEntriesFor } from '../rules/dpia.js';
import { dsptLapsed, meetsUcpBar, parsePublishedStatus, renewalDue } from '../rules/dspt.js';
import { accreditedDomainSet, checkEmail } from '../rules/email.js';
import { icsByCode } from '../rules/ics.js';
import { londonParts, londonToday } from '../rules/londonTime.js';
import { longDate } from '../rules/longDate.js';
import { describeOdsKind, kindFromRoles, normaliseOdsCode } from '../rules/ods.js';
import { dsptAsked, organisationTypeFromLabel } from '../rules/organisationTypes.js';
import { compactKey } from '../rules/text.js';
import { hasChecklist } from './resolveChecks.js';

/** What the ODS directory answered for the ticket's code (the host's client has a short timeout and a cache). */
export type DirectoryAnswer =
  | { status: 'found'; name: string; postcode?: string; active: boolean; roleIds: string[]; primaryRoleId?: string }
  | { status: 'notFound' }
  | { status: 'unavailable' };

/** Everything the checks read, gathered by the host at one moment. */
export interface CheckInputs {
  ticket: Pick<WorkflowTicket, 'kind' | 'organisation' | 'users'>;
  directory: DirectoryAnswer;
  dpiaRegister: readonly DpiaEntry[];
  dsptStatuses: readonly DsptRecord[];
  accreditedDomains: readonly string[];
  /** When each list was imported (store.reference.imports()). */
  imports: Partial<Record<ImportedList, string>>;
  /** The ICS governance lead's onboarding approval of this ticket (source 001), when one was given. */
  icsApproval?: { by: string; at: string };
  now: Date;
}

/** How long the ODS directory's answer is relied on: as long as the ODS client keeps it (bot/ods/ordClient.ts, 24 hours). */
export const DIRECTORY_ANSWER_TRUSTED_MS = 24 * 60 * 60 * 1000;

/** The list each check relies on; the ODS directory is asked afresh instead. */
const LIST_OF: Readonly<Record<AutomaticItem, ImportedList | undefined>> = {
  odsVerified: undefined,
  dpiaChecked: 'dpia',
  dsptChecked: 'dspt',
  emailDomainsChecked: 'accreditedDomains',
};

/** A ticket whose checklist the service works through: one with a checklist, about a known organisation. */
export function hasAutomaticChecks(ticket: Pick<WorkflowTicket, 'kind' | 'organisation'>): boolean {
  return hasChecklist(ticket) && ticket.organisation !== undefined;
}

/** Used when the helpdesk gets a ticket, opens or assigns it, and before it is resolved: the four checks, now. */
export function runAutomaticChecks(inputs: CheckInputs): Record<AutomaticItem, AutomaticCheck> {
  const at = inputs.now.toISOString();
  const result = (outcome: AutomaticCheck['outcome'], evidence: string): AutomaticCheck => ({ outcome, evidence, at });
  return {
    odsVerified: directoryCheck(inputs, result),
    dpiaChecked: dpiaCheck(inputs, result),
    dsptChecked: dsptCheck(inputs, result),
    emailDomainsChecked: emailCheck(inputs, result),
  };
}

/**
 * True when a check may no longer be relied on: its list was imported again after it ran, the directory's answer is older
 * than the client keeps it, or (DSPT) a day has turned since, so a status may have lapsed at midnight on 30 June.
 */
export function isStale(item: AutomaticItem, check: AutomaticCheck, imports: Partial<Record<ImportedList, string>>, now: Date): boolean {
  const checkedAt = Date.parse(check.at);
  if (!Number.isFinite(checkedAt)) return true;
  const list = LIST_OF[item];
  const imported = list ? Date.parse(imports[list] ?? '') : NaN;
  if (Number.isFinite(imported) && imported > checkedAt) return true;
  if (item === 'odsVerified') return now.getTime() - checkedAt > DIRECTORY_ANSWER_TRUSTED_MS;
  if (item === 'dsptChecked') return londonToday(new Date(checkedAt)) !== londonToday(now);
  return false;
}

type Result = (outcome: AutomaticCheck['outcome'], evidence: string) => AutomaticCheck;

function directoryCheck({ ticket, directory, now }: CheckInputs, result: Result): AutomaticCheck {
  const org = ticket.organisation!;
  const code = normaliseOdsCode(org.odsCode);
  if (directory.status === 'unavailable')
    return result('unsettled', `The ODS directory could not be reached at ${clockTime(now)}: check ${code} on the ODS portal.`);
  // Not a failure: a manager may carry on with a code the directory does not know (a new home, a typing slip), and the agent decides.
  if (directory.status === 'notFound')
    return result('unsettled', `The ODS directory has no organisation with the code ${code}: check the code with the care home.`);
  const kind = kindFromRoles(directory.roleIds, directory.primaryRoleId);
  const found = `${directory.name} (${code})${kind ? `, ${describeOdsKind(kind)}` : ''}${directory.postcode ? `, postcode ${directory.postcode}` : ''}`;
  if (!directory.active) return result('failed', `The ODS directory lists ${found} as no longer active.`);
  const sameName = compactKey(directory.name) === compactKey(org.name);
  const samePostcode = !org.postcode?.trim() || !directory.postcode || compactKey(org.postcode) === compactKey(directory.postcode);
  if (!sameName || !samePostcode) {
    const asked = `${org.name}${org.postcode?.trim() ? `, ${org.postcode.trim()}` : ''}`;
    return result(
      'unsettled',
      `The ODS directory lists ${found}, active; the request says ${asked}. Check they are the same organisation.`,
    );
  }
  return result('passed', `The ODS directory lists ${found}, active (looked up at ${clockTime(now)}).`);
}

function dpiaCheck({ ticket, dpiaRegister, imports, icsApproval }: CheckInputs, result: Result): AutomaticCheck {
  const org = ticket.organisation!;
  if (dpiaRegister.length === 0)
    return result('unsettled', 'No DPIA register has been imported yet, so the ICS onboarding DPIA must be checked by hand.');
  const own = icsName(org.icbCode);
  const register = `the register imported ${importDate(imports.dpia)}`;
  const entries = dpiaEntriesFor(dpiaRegister, org.odsCode);
  if (entries.some((entry) => entry.icbCode === org.icbCode)) return result('passed', `Named in the ${own} onboarding DPIA (${register}).`);
  if (icsApproval) {
    return result(
      'passed',
      `Not named in the ${own} onboarding DPIA (${register}); onboarding approved by ${icsApproval.by}, ${own} governance lead, on ${dayAndTime(icsApproval.at)}.`,
    );
  }
  const elsewhere = [...new Set(entries.map((entry) => icsName(entry.icbCode)))];
  const also = elsewhere.length > 0 ? ` It is named only in the ${elsewhere.join(' and ')} DPIA.` : '';
  return result('failed', `Not named in the ${own} onboarding DPIA (${register}), and no ${own} governance lead has approved it.${also}`);
}

function dsptCheck({ ticket, dsptStatuses, imports, now }: CheckInputs, result: Result): AutomaticCheck {
  const org = ticket.organisation!;
  const type = organisationTypeFromLabel(org.organisationType);
  if (type !== undefined && !dsptAsked(type, org.typeConfirmedByDirectory === true)) {
    return result(
      'passed',
      `Not needed: ${org.organisationType}, confirmed by the ODS directory (source 001 asks only organisations outside the NHS).`,
    );
  }
  if (dsptStatuses.length === 0)
    return result('unsettled', 'No DSPT export has been imported yet, so the status must be checked on the DSPT website by hand.');
  const code = normaliseOdsCode(org.odsCode);
  const exported = `export imported ${importDate(imports.dspt)}`;
  const record = dsptStatuses.find((r) => normaliseOdsCode(r.odsCode) === code);
  if (!record) return result('failed', `No published status for ${code} in the DSPT export (${exported}).`);
  const today = londonToday(now);
  const parsed = parsePublishedStatus(record, today);
  const published = `${record.status}, published ${record.publishedOn ? shortDate(record.publishedOn) : 'on a date not given'}`;
  if (parsed.notYetPossible) return result('failed', `${published}: dated after today, so it counts as unknown (${exported}).`);
  if (meetsUcpBar(parsed) && dsptLapsed(parsed, today)) {
    return result(
      'failed',
      `${published}: it needed renewing by ${longDate(renewalDue(parsed, today).dueOn)} and has lapsed (${exported}).`,
    );
  }
  if (!meetsUcpBar(parsed)) return result('failed', `${published}: the UCP needs Standards Met (${exported}).`);
  return result('passed', `${published}, current until ${longDate(renewalDue(parsed, today).dueOn)} (${exported}).`);
}

/** Counts only, never addresses: the copy of the card in the helpdesk channel shows this line too. */
function emailCheck({ ticket, accreditedDomains, imports }: CheckInputs, result: Result): AutomaticCheck {
  const users = ticket.users ?? [];
  if (users.length === 0) return result('passed', 'No staff e-mail addresses on this request, so there is nothing to check.');
  const org = ticket.organisation!;
  const policy = { accreditedDomains: accreditedDomainSet(accreditedDomains), organisation: { name: org.name, odsCode: org.odsCode } };
  const refused: number[] = [];
  const toCheck: number[] = [];
  let confirmed = 0;
  let accredited = 0;
  users.forEach((user, index) => {
    const check = checkEmail(user.email, policy);
    if (check.outcome === 'refused') refused.push(index + 1);
    else if (check.outcome === 'needsHelpdesk' || (check.outcome === 'needsConfirmation' && user.emailConfirmed !== true))
      toCheck.push(index + 1);
    else if (check.outcome === 'needsConfirmation') confirmed += 1;
    else if (check.rule === 'accredited') accredited += 1;
  });
  const of = `of ${addresses(users.length)}`;
  if (refused.length > 0)
    return result(
      'failed',
      `${refused.length} ${of} cannot have an account (a personal, shared or malformed address): ${people(refused)}.`,
    );
  if (toCheck.length > 0)
    return result(
      'unsettled',
      `${toCheck.length} ${of} ${toCheck.length === 1 ? 'needs' : 'need'} your check (see the note beside ${people(toCheck)}).`,
    );
  const parts = [
    accredited > 0 ? `${accredited} on the accredited list imported ${importDate(imports.accreditedDomains)}` : '',
    confirmed > 0 ? `${confirmed} confirmed by the manager as used appropriately (source 001)` : '',
  ].filter(Boolean);
  return result(
    'passed',
    `All ${addresses(users.length)} accepted${parts.length > 0 ? `, ${parts.join('; ')}` : ' (NHS or government domains)'}.`,
  );
}

function addresses(count: number): string {
  return count === 1 ? '1 address' : `${count} addresses`;
}

function people(positions: readonly number[]): string {
  return `${positions.length === 1 ? 'person' : 'people'} ${positions.join(', ')} in the list`;
}

function icsName(icbCode: string): string {
  return icsByCode(icbCode)?.name ?? icbCode;
}

/** "01/12/2026", or what is known when a list was imported before the store kept the time. */
function importDate(iso: string | undefined): string {
  return iso ? shortDate(londonToday(new Date(iso))) : 'on a date not recorded';
}

/** yyyy-mm-dd as dd/mm/yyyy, the way the DSPT toolkit and the helpdesk write dates. */
function shortDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

function clockTime(now: Date): string {
  const p = londonParts(now);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

function dayAndTime(iso: string): string {
  const instant = new Date(iso);
  return Number.isFinite(instant.getTime()) ? `${shortDate(londonToday(instant))} at ${clockTime(instant)}` : 'a date not recorded';
}
