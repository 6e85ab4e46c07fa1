import { roleForJobTitle } from '../../data/rules/jobTitleRoles.js';
import { registrationBodiesFor, registrationBodyName } from '../../data/rules/registration.js';
import { accreditedDomainSet, checkEmail } from '../../data/rules/email.js';
import { checkOdsCode } from '../../data/rules/ods.js';
import { parseDsptStatus } from '../../data/rules/dspt.js';
import { decideEligibility, type OrganisationLocation } from '../../data/rules/eligibility.js';
import { ORGANISATION_TYPES, isOrganisationType } from '../../data/rules/organisationTypes.js';
import { findIcs } from '../../data/rules/ics.js';
import { bankHolidaysInForce } from '../../data/rules/bankHolidaysInForce.js';
import { createWorkingCalendar } from '../../data/rules/workingHours.js';
import { formatLondon, londonToday } from '../../data/rules/londonTime.js';
import { noMore, required, type ParsedArgs } from './args.js';
import { print, type AdminContext } from './context.js';
import { UsageError } from './usage.js';

/** `role "<job title>"`: the UCP role for a job title, or the nearest titles when it is not in the table. */
export async function roleCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const title = required(args, 1, 'job title (quote it: role "Staff Nurse")');
  noMore(args, 2);
  const match = roleForJobTitle(title);
  const bodies = match.kind !== 'unknown' && match.needsRegistration ? registrationBodiesFor(match.title) : [];
  print(ctx, { ...match, registrationBodies: bodies }, () => {
    if (match.kind === 'unknown') {
      return [match.message, ...(match.suggestions.length ? [`Nearest titles: ${match.suggestions.join('; ')}`] : [])];
    }
    const how = match.kind === 'alias' ? `"${match.alias}" is read as "${match.title}"` : `"${match.title}" is in the table`;
    return [
      `${how}: role ${match.role}.`,
      ...(match.needsRegistration
        ? [`Needs a professional registration${bodies.length ? ` (${bodies.map(registrationBodyName).join(' or ')})` : ''}.`]
        : []),
    ];
  });
}

/**
 * `email <address> [--name "<organisation>"] [--ods <code>]`: accepted (and by which rule), needs the appropriate-use
 * confirmation, needs the helpdesk's check, or refused with the reason; the organisation lets it see its shared mailboxes.
 */
export async function emailCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const address = required(args, 1, 'e-mail address');
  noMore(args, 2);
  const accredited = (await ctx.snapshot()).accreditedDomains;
  const { name, ods } = args.options;
  const organisation = name !== undefined || ods !== undefined ? { name, odsCode: ods } : undefined;
  const result = checkEmail(address, { accreditedDomains: accreditedDomainSet(accredited), organisation });
  if (result.outcome === 'refused' && result.reason === 'malformed') throw new UsageError(result.message);
  print(ctx, result, () => {
    switch (result.outcome) {
      case 'accepted':
        return [`Accepted (${result.rule}): ${result.address}`];
      case 'needsConfirmation':
        return [`Needs confirmation: ${result.message}`];
      case 'needsHelpdesk':
        return [
          `Needs the helpdesk's check: ${result.helpdeskNote}`,
          ...(result.domainConfirmation ? [`Also needs confirmation: ${result.domainConfirmation}`] : []),
        ];
      case 'refused':
        return [`Refused (${result.reason}): ${result.message}`];
    }
  });
}

/** `ods <code>`: the normalised code and what kind of organisation it looks like. */
export async function odsCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const code = required(args, 1, 'ODS code');
  noMore(args, 2);
  const result = checkOdsCode(code);
  if (!result.ok) throw new UsageError(result.message);
  print(ctx, result, () => [`${result.code}: ${result.description}`]);
}

const LOCATIONS: readonly OrganisationLocation[] = ['london', 'commissioned', 'outside'];

/** `eligibility …`: the decision for an organisation, with reasons and next steps. */
export async function eligibilityCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  noMore(args, 1);
  const { type, dpia, location, dspt, ods, ics } = args.options;
  if (!type || !isOrganisationType(type))
    throw new UsageError(`--type must be one of ${ORGANISATION_TYPES.join(', ')}${type ? ` (got "${type}")` : ''}`);
  const confirmed = args.options['type-confirmed'] ?? 'no';
  if (confirmed !== 'yes' && confirmed !== 'no') throw new UsageError(`--type-confirmed must be yes or no (got "${confirmed}")`);
  if (dpia !== 'yes' && dpia !== 'no') throw new UsageError(`--dpia must be yes or no${dpia ? ` (got "${dpia}")` : ''}`);
  if (!location || !LOCATIONS.includes(location as OrganisationLocation)) {
    throw new UsageError(`--location must be one of ${LOCATIONS.join(', ')}${location ? ` (got "${location}")` : ''}`);
  }
  const odsCheck = ods === undefined ? undefined : checkOdsCode(ods);
  if (odsCheck && !odsCheck.ok) throw new UsageError(`--ods: ${odsCheck.message}`);
  const icsFound = ics === undefined ? undefined : findIcs(ics);
  if (ics !== undefined && !icsFound)
    throw new UsageError(
      `--ics "${ics}" is not one of the London ICSs (give an ICB code such as QMJ, a short name such as NCL, or a name)`,
    );
  const today = londonToday(new Date());
  const parsedDspt = dspt === undefined ? undefined : parseDsptStatus(dspt, today);
  const decision = decideEligibility({
    organisationType: type,
    typeConfirmedByDirectory: confirmed === 'yes',
    dspt: parsedDspt,
    namedInDpia: dpia === 'yes',
    location: location as OrganisationLocation,
    today,
  });
  print(ctx, { ...decision, ods: odsCheck, ics: icsFound, dspt: parsedDspt }, () => [
    `Decision: ${decision.decision}`,
    ...(icsFound ? [`ICS: ${icsFound.name} (${icsFound.icbCode})`] : []),
    'Why:',
    ...decision.reasons.map((r) => `  - ${r}`),
    'Next steps:',
    ...decision.nextSteps.map((s, i) => `  ${i + 1}. ${s}`),
  ]);
}

/** About five years of working hours: far past any service-level clock, and quick to compute. */
const MAX_HOURS = 10_000;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 instant with a zone, refusing dates that do not exist (Date would roll 30 February into March). */
function parseInstant(text: string): Date {
  const match = ISO_INSTANT.exec(text.trim());
  const [year, month, day, hour, minute, second] = (match ?? []).slice(1).map((part) => Number(part ?? 0));
  const daysInMonth = match ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new UsageError(`"${text}" is not an ISO 8601 instant with a time zone, e.g. 2026-12-24T16:00:00Z or 2026-07-01T09:30:00+01:00`);
  }
  return new Date(text.trim());
}

/** `working-hours add <ISO instant> <hours>`: the instant that many working hours later, in UTC and London time. */
export async function workingHoursCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  if (required(args, 1, 'sub-command (add)') !== 'add')
    throw new UsageError(`unknown working-hours sub-command "${args.positionals[1]}" (try: working-hours add <ISO instant> <hours>)`);
  const startText = required(args, 2, 'ISO instant, e.g. 2026-12-24T16:00:00Z');
  const hoursText = required(args, 3, 'number of working hours');
  noMore(args, 4);
  const start = parseInstant(startText);
  if (!/^\d+(\.\d+)?$/.test(hoursText.trim()) || Number(hoursText) > MAX_HOURS) {
    throw new UsageError(`hours must be a number from 0 to ${MAX_HOURS} (got "${hoursText}")`);
  }
  const hours = Number(hoursText);
  const { holidays, source } = bankHolidaysInForce((await ctx.snapshot()).bankHolidays);
  const result = createWorkingCalendar({ holidays }).addWorkingHours(start, hours);
  const lastKnownYear = Math.max(...holidays.map((h) => Number(h.date.slice(0, 4))));
  const warning =
    result.getUTCFullYear() > lastKnownYear
      ? `Bank holidays are known only up to ${lastKnownYear}; later ones are counted as working days. Import a newer gov.uk feed.`
      : undefined;
  const value = {
    start: start.toISOString(),
    hours,
    resultUtc: result.toISOString(),
    resultLondon: formatLondon(result),
    holidays: source,
    ...(warning ? { warning } : {}),
  };
  print(ctx, value, () => [`${value.resultUtc} (London: ${value.resultLondon})`, ...(warning ? [`warning: ${warning}`] : [])]);
}
