/**
 * Checks every row of a filled-in multiple-user spreadsheet with the same rules as the one-by-one conversation
 * (job title → role, registration for clinical staff, e-mail policy) and says, row by row, what must change. Pure.
 */
import type { RequestedUser } from '../model.js';
import { checkEmail, type EmailPolicy } from '../rules/email.js';
import {
  checkRegistration,
  registrationBodiesFor,
  registrationBodyName,
  REGISTRATION_BODIES,
  type RegistrationBody,
} from '../rules/registration.js';
import { roleForJobTitle, type JobTitleMatch } from '../rules/jobTitleRoles.js';
import { compactKey } from '../rules/text.js';
import { EXAMPLE_USERS, readYesNo, type UserSheetRow } from './usersSheetColumns.js';

/** One row's verdict: `problems` must be fixed before sending; `notes` are for the manager's information. */
export interface UserRowResult {
  row: number;
  ok: boolean;
  problems: string[];
  notes: string[];
  /** Present when the row is ok. */
  user?: RequestedUser;
}

/** Every row's verdict, in sheet order, with the counts a summary needs. */
export interface UserRowsReport {
  rows: UserRowResult[];
  okCount: number;
  badCount: number;
}

const MAX_NAME = 100;
const MAX_TITLE = 100;
const MAX_SHOWN = 60;
const BODY_LIST = 'NMC, GMC, HCPC, GPhC, GDC or Social Work England';

/** Removes invisible and control characters a copy-and-paste brings along, and runs of spaces. */
function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a person typed, cut to a length that fits a sentence of the report. */
function shown(typed: string): string {
  return typed.length > MAX_SHOWN ? `${typed.slice(0, MAX_SHOWN - 1)}…` : typed;
}

const bodyKeys = new Map<string, RegistrationBody>();
for (const body of REGISTRATION_BODIES) {
  const name = registrationBodyName(body);
  for (const written of [body, name, name.replace(/\s*\(.*\)\s*$/, '')]) bodyKeys.set(compactKey(written), body);
}

/** "A Nurse", "an Occupational Therapist". */
function aOrAn(title: string, capital: boolean): string {
  const article = /^[aeiou]/i.test(title) ? 'an' : 'a';
  return `${capital ? article[0].toUpperCase() + article.slice(1) : article} ${title}`;
}

function bodyFromCell(cell: string): RegistrationBody | undefined {
  return bodyKeys.get(compactKey(cell));
}

function sameExample(row: UserSheetRow): boolean {
  return EXAMPLE_USERS.some((example) => example.email.toLowerCase() === row.email.trim().toLowerCase());
}

interface RowState {
  problems: string[];
  notes: string[];
}

function checkName(row: UserSheetRow, state: RowState): string | undefined {
  const first = tidy(row.firstName);
  const last = tidy(row.lastName);
  const full = tidy(row.fullName ?? '');
  if (first === '' && last === '' && full !== '') {
    if (full.length > MAX_NAME * 2) state.problems.push(`The name is longer than ${MAX_NAME * 2} characters.`);
    return full;
  }
  if (first === '' && last === '') state.problems.push("The person's name is missing.");
  else if (first === '') state.problems.push('The first name is missing.');
  else if (last === '') state.problems.push('The last name is missing.');
  if (first.length > MAX_NAME) state.problems.push(`The first name is longer than ${MAX_NAME} characters.`);
  if (last.length > MAX_NAME) state.problems.push(`The last name is longer than ${MAX_NAME} characters.`);
  return first !== '' && last !== '' ? `${first} ${last}` : undefined;
}

interface CheckedTitle {
  title: string;
  match: JobTitleMatch;
}

function checkTitle(row: UserSheetRow, state: RowState): CheckedTitle | undefined {
  const typed = tidy(row.jobTitle);
  if (typed === '') {
    state.problems.push('The job title is missing.');
    return undefined;
  }
  if (typed.length > MAX_TITLE) {
    state.problems.push(`The job title is longer than ${MAX_TITLE} characters.`);
    return undefined;
  }
  const match = roleForJobTitle(typed);
  if (match.kind === 'unknown') {
    const [only, ...more] = match.suggestions;
    const nearest =
      more.length > 0
        ? ` The closest UCP titles are ${match.suggestions.join(', ')}: use one of them if it fits.`
        : only
          ? ` The closest UCP title is ${only}: use it if it fits.`
          : '';
    state.notes.push(`"${shown(typed)}" is not one of the UCP's job titles, so the helpdesk will decide which access it gives.${nearest}`);
    return { title: typed, match };
  }
  if (match.kind === 'alias') state.notes.push(`"${shown(typed)}" was taken as ${match.title} (${match.role} access).`);
  return { title: match.title, match };
}

type Registration = NonNullable<RequestedUser['registration']>;

/** The registration from the two cells, or why it cannot be used; `note` when the body was worked out from the number. */
function readRegistration(
  typedBody: string,
  typedNumber: string,
  title: CheckedTitle | undefined,
): { registration: Registration; note?: string } | { problem: string } {
  let body = typedBody === '' ? undefined : bodyFromCell(typedBody);
  if (typedBody !== '' && !body)
    return { problem: `"${shown(typedBody)}" in "Professional body" is not one we know. Please use ${BODY_LIST}.` };
  let note: string | undefined;
  if (!body) {
    // With no body given, the number's shape usually settles it (an NMC PIN looks like nothing else).
    const usual = title && title.match.kind !== 'unknown' ? registrationBodiesFor(title.title) : [];
    const candidates = usual.length > 0 ? usual : [...REGISTRATION_BODIES];
    const fitting = candidates.filter((b) => checkRegistration(b, typedNumber).outcome === 'ok');
    if (fitting.length !== 1)
      return { problem: `Please say which professional body registration number "${shown(typedNumber)}" is with (${BODY_LIST}).` };
    body = fitting[0];
    note = `We took registration number "${shown(typedNumber)}" to be with the ${registrationBodyName(body)}.`;
  }
  const checked = checkRegistration(body, typedNumber);
  if (checked.outcome === 'refused') return { problem: `Registration number "${shown(typedNumber)}": ${checked.message}` };
  return { registration: { body: checked.body, number: checked.number }, note };
}

/** The registration to send, or undefined; a clinical (or undecided) role without a usable one is a problem. */
function checkRegistrationCells(row: UserSheetRow, title: CheckedTitle | undefined, state: RowState): Registration | undefined {
  const typedNumber = tidy(row.registrationNumber);
  const role = title?.match.kind === 'unknown' ? null : title?.match.role;
  if (typedNumber === '') {
    if (role === 'Clinical') {
      const usual = title ? registrationBodiesFor(title.title).map(registrationBodyName) : [];
      const body = usual.length === 1 ? `${usual[0]} ` : '';
      state.problems.push(
        `${aOrAn(title?.title ?? 'clinical role', true)} has clinical access, so we need their ${body}registration number in the "Registration number" column.`,
      );
    }
    return undefined;
  }
  const read = readRegistration(tidy(row.professionalBody), typedNumber, title);
  if ('registration' in read) {
    if (read.note) state.notes.push(read.note);
    return read.registration;
  }
  // Only a clinical (or undecided) role needs the number; for the others a doubtful one is left out, not held against the row.
  if (role === 'Clinical' || role === null) state.problems.push(read.problem);
  else if (title)
    state.notes.push(
      `${aOrAn(title.title, true)} doesn't need a registration number, and "${shown(typedNumber)}" couldn't be checked, so we left it out.`,
    );
  return undefined;
}

function checkEmailCell(
  row: UserSheetRow,
  policy: EmailPolicy,
  state: RowState,
): { address: string; confirmed?: boolean; check?: string } | undefined {
  const typed = tidy(row.email);
  if (typed === '') {
    state.problems.push('The work e-mail is missing.');
    return undefined;
  }
  const checked = checkEmail(typed, policy);
  if (checked.outcome === 'accepted') return { address: checked.address };
  if (checked.outcome === 'refused') {
    if (checked.reason === 'personal') {
      state.problems.push(
        `The e-mail ${shown(typed)} is a personal address. The UCP needs the person's own work address: NHSmail (@nhs.net) or your organisation's own.`,
      );
    } else {
      // Shared mailboxes too: the rule's words say why (the home's name or ODS code, a role) and why it matters (the log-in code).
      state.problems.push(`The e-mail "${shown(typed)}" can't be used. ${checked.message}`);
    }
    return undefined;
  }
  const domain = checked.address.slice(checked.address.lastIndexOf('@') + 1);
  const answer = readYesNo(row.confirmAppropriateUse);
  if (checked.outcome === 'needsHelpdesk') {
    // A role word beside a possible surname ("jane.nurse"): never taken silently; the manager says Yes, the helpdesk checks.
    const domainConfirmed = checked.domainConfirmation !== undefined;
    if (answer === true) return { address: checked.address, check: checked.helpdeskNote, ...(domainConfirmed ? { confirmed: true } : {}) };
    state.problems.push(
      answer === false
        ? `You put No in "Confirm appropriate use" for ${checked.address}, so this person needs another work address that is their own.`
        : `${checked.message} If ${checked.address} is this person's own work address, put Yes in the "Confirm appropriate use" column.`,
    );
    return undefined;
  }
  if (answer === true) return { address: checked.address, confirmed: true };
  state.problems.push(
    answer === false
      ? `You put No in "Confirm appropriate use" for ${checked.address}. Addresses at ${domain} are not on the NHS-approved list, so this person needs another work address (for example NHSmail) before they can have an account.`
      : `Addresses at ${domain} are not on the NHS-approved list. If ${checked.address} is this person's own work address and will be used only for direct care, put Yes in the "Confirm appropriate use" column.`,
  );
  return undefined;
}

function checkRow(row: UserSheetRow, policy: EmailPolicy): UserRowResult & { email?: string } {
  const state: RowState = { problems: [], notes: [] };
  if (sameExample(row)) {
    state.problems.push('This is the example from the template. Please delete this row.');
    return { row: row.row, ok: false, ...state };
  }
  const name = checkName(row, state);
  const title = checkTitle(row, state);
  const registration = checkRegistrationCells(row, title, state);
  const email = checkEmailCell(row, policy, state);
  if (state.problems.length > 0 || !name || !title || !email) return { row: row.row, ok: false, ...state, email: email?.address };
  const user: RequestedUser = {
    name,
    jobTitle: title.title,
    role: title.match.kind === 'unknown' ? null : title.match.role,
    email: email.address,
    ...(email.confirmed ? { emailConfirmed: true } : {}),
    ...(email.check ? { emailCheck: email.check } : {}),
    ...(registration ? { registration } : {}),
  };
  return { row: row.row, ok: true, ...state, user, email: email.address };
}

/** What else the rows are checked against. */
export interface UserRowsContext {
  /** Addresses of people already on the request (given one by one): a row with one of them is the same person twice. */
  listedEmails?: readonly string[];
}

/** Other rows named in full before the rest are counted: 500 rows sharing an address must not list 499 numbers each. */
const MAX_OTHER_ROWS = 3;

/** "row 4", "rows 4, 9 and 12", "rows 4, 9, 12 and 496 more". */
function otherRows(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.length <= MAX_OTHER_ROWS) return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
  return `rows ${rows.slice(0, MAX_OTHER_ROWS).join(', ')} and ${rows.length - MAX_OTHER_ROWS} more`;
}

/** Used when a manager sends the filled-in spreadsheet: every row checked, duplicates found, nothing sent. */
export function validateUserRows(rows: readonly UserSheetRow[], policy: EmailPolicy, context: UserRowsContext = {}): UserRowsReport {
  const listed = new Set((context.listedEmails ?? []).map((email) => email.toLowerCase()));
  const checked = rows.map((row) => checkRow(row, policy));
  // The same person twice would get two accounts; the same address for two people means one of them is wrong.
  const rowsByEmail = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = (checked[i].email ?? tidy(row.email)).toLowerCase();
    if (key !== '' && !sameExample(row)) rowsByEmail.set(key, [...(rowsByEmail.get(key) ?? []), row.row]);
  });
  const results = checked.map(({ email: _email, ...result }, i) => {
    const key = (_email ?? tidy(rows[i].email)).toLowerCase();
    const others = (rowsByEmail.get(key) ?? []).filter((n) => n !== result.row);
    const extra: string[] = [];
    if (key !== '' && others.length > 0) {
      extra.push(`The e-mail ${shown(tidy(rows[i].email))} is also on ${otherRows(others)}. Each person needs their own address.`);
    }
    if (key !== '' && listed.has(key)) {
      extra.push(
        `The e-mail ${shown(tidy(rows[i].email))} is already on this request for someone you gave me one by one. If it is the same person, delete this row; if not, each person needs their own address.`,
      );
    }
    if (extra.length === 0) return result;
    return { row: result.row, ok: false, problems: [...result.problems, ...extra], notes: result.notes };
  });
  const okCount = results.filter((r) => r.ok).length;
  return { rows: results, okCount, badCount: results.length - okCount };
}
