/** Checking what a requester submits, and where a new ticket goes first. Pure. */
import { ValidationError } from '../errors.js';
import type {
  Leaver,
  PersonRef,
  RequestedUser,
  TicketKind,
  TicketOrganisation,
  TicketPriority,
  TicketState,
  WorkflowTicket,
} from '../model.js';
import type { NewTicketInput } from './types.js';

const KINDS: readonly TicketKind[] = ['organisationAccess', 'addUsers', 'deactivateUsers', 'question'];
/** Lowest first: escalation moves one step along. */
export const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const LOCATIONS: readonly TicketOrganisation['location'][] = ['london', 'commissioned', 'outside'];
/** Long enough for any real question, short enough that a pasted document does not swell the live file. */
const MAX_TEXT = 4000;

/**
 * Checks whatever a dialog hands over: refuses an incomplete request with a message the requester can act on.
 * Returns a fresh copy holding only the known fields.
 */
export function validateNewTicket(input: unknown): NewTicketInput {
  if (!isRecord(input)) throw new ValidationError('The request was empty. Please start again.');
  const kind = input.kind;
  if (!KINDS.includes(kind as TicketKind)) throw new ValidationError('I could not tell what kind of request this is. Please start again.');
  const result: NewTicketInput = { kind: kind as TicketKind };

  if (input.priority !== undefined) {
    if (!PRIORITIES.includes(input.priority as TicketPriority))
      throw new ValidationError('The priority must be low, normal, high or urgent.');
    result.priority = input.priority as TicketPriority;
  }
  if (input.organisation !== undefined) result.organisation = checkOrganisation(input.organisation);
  if (input.users !== undefined) result.users = checkList(input.users, checkUser, 'staff');
  if (input.leavers !== undefined) result.leavers = checkList(input.leavers, checkLeaver, 'leavers');
  if (input.question !== undefined) {
    if (typeof input.question !== 'string') throw new ValidationError('The question must be text.');
    result.question = checkText(input.question, 'your question');
  }
  if (input.submissionId !== undefined) {
    if (typeof input.submissionId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(input.submissionId)) {
      throw new ValidationError('This request could not be matched to its summary. Please start again.');
    }
    result.submissionId = input.submissionId;
  }

  if (result.kind === 'organisationAccess' && !result.organisation) {
    throw new ValidationError('An access request needs the organisation it is for. Please tell me the organisation first.');
  }
  if ((result.kind === 'organisationAccess' || result.kind === 'addUsers') && !result.users?.length) {
    throw new ValidationError('Please add at least one member of staff who needs access.');
  }
  if (result.kind === 'deactivateUsers' && !result.leavers?.length) {
    throw new ValidationError('Please tell me at least one person whose access should be removed.');
  }
  if (result.kind === 'question' && !result.question) {
    throw new ValidationError('Please type your question so the helpdesk can answer it.');
  }
  return result;
}

/** The requester must be a Teams user, known by aadObjectId. */
export function validateRequester(requester: unknown): PersonRef & { email?: string } {
  if (!isRecord(requester) || !nonEmpty(requester.aadObjectId)) {
    throw new ValidationError('I could not tell who is asking. Please message me from Microsoft Teams.');
  }
  const result: PersonRef & { email?: string } = { aadObjectId: requester.aadObjectId };
  if (nonEmpty(requester.name)) result.name = requester.name.trim();
  if (nonEmpty(requester.email)) result.email = requester.email.trim();
  return result;
}

/**
 * Where a new ticket goes: an organisation access request for an organisation that its ICS's DPIA does not name
 * (in London, or outside London and commissioned to serve Londoners) needs the ICS lead's approval first (source 001);
 * everything else, including an organisation outside London that needs its own DPIA, goes to the helpdesk.
 */
export function routeFor(ticket: Pick<WorkflowTicket, 'kind' | 'organisation'>): TicketState {
  const org = ticket.organisation;
  if (ticket.kind === 'organisationAccess' && org && !org.namedInDpia && org.location !== 'outside') return 'awaitingIcsApproval';
  return 'awaitingHelpdesk';
}

/** The id people see and quote to the helpdesk: UCP-000123. */
export function formatTicketId(sequence: number): string {
  return `UCP-${String(sequence).padStart(6, '0')}`;
}

function checkOrganisation(value: unknown): TicketOrganisation {
  // An organisation outside London may have no London ICS at all (a leaver at a home in Kent): its ICB code is then empty.
  const icsOptional = isRecord(value) && value.location === 'outside' && typeof value.icbCode === 'string';
  if (!isRecord(value) || !nonEmpty(value.odsCode) || !nonEmpty(value.name) || !(nonEmpty(value.icbCode) || icsOptional)) {
    throw new ValidationError('The organisation needs its name, ODS code and ICS. Please check the organisation details.');
  }
  if (!LOCATIONS.includes(value.location as TicketOrganisation['location'])) {
    throw new ValidationError('I could not tell whether the organisation is in London. Please check the organisation details.');
  }
  if (typeof value.namedInDpia !== 'boolean') {
    throw new ValidationError(
      "I could not tell whether the organisation is named in its ICS's DPIA. Please check the organisation details.",
    );
  }
  // The organisation's other fields come from our own look-ups (ODS, DSPT), not from free text: keep them as given.
  return {
    ...(copy(value) as unknown as TicketOrganisation),
    odsCode: value.odsCode.trim().toUpperCase(),
    icbCode: String(value.icbCode).trim().toUpperCase(),
  };
}

/** Far above any real name, title or address: a longer one is a mistake (or an attack on the card size), not a person. */
const MAX_FIELD = 254;
/** The multiple-user spreadsheet stops at 500 rows; one request never lists more. */
const MAX_PEOPLE = 500;

function checkUser(value: unknown, n: number): RequestedUser {
  if (!isRecord(value) || !nonEmpty(value.name) || !nonEmpty(value.email) || !nonEmpty(value.jobTitle) || value.role === undefined) {
    throw new ValidationError(`Staff member ${n} needs a name, a job title and an e-mail address.`);
  }
  checkLengths(value, ['name', 'email', 'jobTitle'], `Staff member ${n}`);
  return copy(value) as unknown as RequestedUser;
}

function checkLeaver(value: unknown, n: number): Leaver {
  if (!isRecord(value) || !nonEmpty(value.name) || !nonEmpty(value.email) || !nonEmpty(value.lastWorkingDay)) {
    throw new ValidationError(`Leaver ${n} needs a name, an e-mail address and their last working day.`);
  }
  checkLengths(value, ['name', 'email', 'lastWorkingDay'], `Leaver ${n}`);
  return copy(value) as unknown as Leaver;
}

function checkLengths(value: Record<string, unknown>, fields: string[], who: string): void {
  const long = fields.find((field) => typeof value[field] === 'string' && (value[field] as string).length > MAX_FIELD);
  if (long)
    throw new ValidationError(`${who}'s ${long === 'jobTitle' ? 'job title' : long} is too long (at most ${MAX_FIELD} characters).`);
}

function checkList<T>(value: unknown, check: (item: unknown, n: number) => T, what: string): T[] {
  if (!Array.isArray(value)) throw new ValidationError(`The list of ${what} was not readable. Please start again.`);
  if (value.length > MAX_PEOPLE)
    throw new ValidationError(`One request can list at most ${MAX_PEOPLE} ${what}. Please split it into more than one request.`);
  return value.map((item, i) => check(item, i + 1));
}

function checkText(text: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT) throw new ValidationError(`Please keep ${what} under ${MAX_TEXT} characters.`);
  return trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A plain copy: what the dialog holds may be a store view or carry undefined fields. */
function copy(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
