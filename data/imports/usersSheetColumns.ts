/**
 * The columns of the multiple-user spreadsheet (source 001: ten or more users at once), shared by the template that
 * is handed out and the reader of the filled-in file, so the two can never disagree. Pure.
 */
import { headerKey } from './csv.js';

/** Most people a single spreadsheet may list; a bigger organisation sends several files. */
export const MAX_USER_ROWS = 500;

/** A field of a users-sheet row; `fullName` is read from other people's sheets, never written in the template. */
export type UserColumn =
  'firstName' | 'lastName' | 'fullName' | 'jobTitle' | 'email' | 'professionalBody' | 'registrationNumber' | 'confirmAppropriateUse';

/** How the template writes a column and which other headings mean the same. */
export interface UserColumnSpec {
  key: UserColumn;
  /** The heading in the template. */
  header: string;
  /** Other headings people use for it; compared without case, spaces, punctuation or anything in brackets. */
  aliases: readonly string[];
  /** Shown as a note on the template's heading. */
  hint: string;
}

/** The template's columns, in order. */
export const USER_COLUMNS: readonly UserColumnSpec[] = [
  { key: 'firstName', header: 'First name', aliases: ['forename', 'forenames', 'given name', 'first'], hint: "The person's first name." },
  { key: 'lastName', header: 'Last name', aliases: ['surname', 'family name', 'last'], hint: "The person's last name (surname)." },
  {
    key: 'jobTitle',
    header: 'Job title',
    aliases: ['job', 'role', 'job role', 'position', 'designation', 'post'],
    hint: 'Pick from the list if you can. If their title is not there, type it: the helpdesk will decide which access it gives.',
  },
  {
    key: 'email',
    header: 'Work e-mail',
    aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'work email address', 'nhsmail', 'nhsmail address', 'mail'],
    hint: "The person's own work address, ideally NHSmail (@nhs.net). Not a personal address (Gmail, Hotmail…) or a shared one (info@, office@…).",
  },
  {
    key: 'professionalBody',
    header: 'Professional body',
    aliases: ['body', 'regulator', 'regulatory body', 'registration body', 'professional registration body'],
    hint: 'For clinical staff: who they are registered with (NMC for nurses, GMC for doctors, HCPC, GPhC, GDC or Social Work England).',
  },
  {
    key: 'registrationNumber',
    header: 'Registration number',
    aliases: [
      'registration',
      'registration no',
      'reg no',
      'reg number',
      'pin',
      'nmc pin',
      'professional registration number',
      'gmc number',
    ],
    hint: 'For clinical staff: their registration number, e.g. an NMC PIN like 12A3456E.',
  },
  {
    key: 'confirmAppropriateUse',
    header: 'Confirm appropriate use',
    aliases: ['appropriate use', 'confirm', 'confirmed', 'appropriate use confirmed'],
    hint:
      "Only for e-mail addresses not ending @nhs.net, nhs.uk or gov.uk: put Yes to confirm the address is this person's own work address and " +
      'will be used only for the direct care of the people you look after.',
  },
];

/** A heading the reader accepts although the template never writes it: one "Name" column instead of first and last name. */
const FULL_NAME = { key: 'fullName' as const, aliases: ['name', 'full name', 'staff name', 'name of user', 'employee name'] };

/** The smallest set of columns a sheet needs before its rows can be read. */
export const REQUIRED_COLUMNS: readonly UserColumn[] = ['jobTitle', 'email'];

const byKey = new Map<string, UserColumn>();
for (const spec of [...USER_COLUMNS, FULL_NAME]) {
  for (const heading of ['header' in spec ? spec.header : '', ...spec.aliases]) {
    if (heading !== '') byKey.set(headerKey(heading), spec.key);
  }
}

/** Used on a sheet's heading row: the column a heading names, whatever its case, spacing, punctuation or note in brackets. */
export function columnForHeader(heading: string): UserColumn | undefined {
  const withoutNotes = heading.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return byKey.get(headerKey(withoutNotes));
}

/** One filled-in row, every cell as text ('' when empty), with the row number the person sees in their spreadsheet. */
export interface UserSheetRow {
  row: number;
  firstName: string;
  lastName: string;
  /** Only when the sheet has one "Name" column instead of first and last name. */
  fullName?: string;
  jobTitle: string;
  email: string;
  professionalBody: string;
  registrationNumber: string;
  confirmAppropriateUse: string;
}

/** The example people shown in the template (on its own sheet); a row copied from them is refused, never sent. */
export const EXAMPLE_USERS: ReadonlyArray<Omit<UserSheetRow, 'row'>> = [
  {
    firstName: 'Example',
    lastName: 'Nurse',
    jobTitle: 'Nurse',
    email: 'example.nurse@nhs.net',
    professionalBody: 'NMC',
    registrationNumber: '12A3456E',
    confirmAppropriateUse: '',
  },
  {
    firstName: 'Example',
    lastName: 'Carer',
    jobTitle: 'Care Manager',
    email: 'example.carer@sunnyviewcare.co.uk',
    professionalBody: '',
    registrationNumber: '',
    confirmAppropriateUse: 'Yes',
  },
];

/** Reads a "Confirm appropriate use" cell: true for yes, false for no, undefined when empty or unclear. */
export function readYesNo(cell: string): boolean | undefined {
  const key = headerKey(cell);
  if (['yes', 'y', 'true', 'confirmed', 'confirm', 'x', 'agreed', 'agree'].includes(key) || /^[✓✔☑]$/u.test(cell.trim())) return true;
  if (['no', 'n', 'false', 'notconfirmed'].includes(key)) return false;
  return undefined;
}
