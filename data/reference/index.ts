/**
 * The shipped reference snapshots, read once at start and checked before anything uses them: a broken file stops
 * the start with a message naming the file, rather than turning into wrong decisions later.
 * To add a file: write a `parse…(raw)` that returns typed, frozen data or calls `invalid`, then export
 * `const x = parse…(readReferenceJson('x.json'))`. See README.md for where each file comes from.
 */
import { readFileSync } from 'node:fs';
import { AppError, ValidationError } from '../errors.js';
import type { BankHoliday, Ics, UcpRole } from '../model.js';
import { parseBankHolidayFeed } from '../rules/bankHolidays.js';
import { compactKey, isDomainName } from '../rules/text.js';

export const REGISTRATION_BODIES = ['NMC', 'GMC', 'HCPC', 'GPhC', 'GDC', 'SWE'] as const;
/** A professional regulator whose registration number the bot can check (see data/rules/registration.ts). */
export type RegistrationBody = (typeof REGISTRATION_BODIES)[number];

const ROLES: readonly UcpRole[] = ['Clinical', 'Non-Clinical', 'Urgent Care'];

export interface JobTitle {
  title: string;
  role: UcpRole;
  registrationBodies: readonly RegistrationBody[];
}

export interface JobTitleAlias {
  alias: string;
  title: string;
  why: string;
}

export interface JobTitles {
  titles: readonly JobTitle[];
  aliases: readonly JobTitleAlias[];
  /**
   * Words that are clinical on their own in a care home ("nurse"), lower case: only they, or a whole Clinical title
   * typed, let an unknown title be offered a Clinical one (data/rules/jobTitleRoles.ts). Absent in the file: none.
   */
  clinicalWords: readonly string[];
}

export interface IcsReference {
  systems: readonly Ics[];
  /** Other names people use for a borough → the borough's name as listed in `systems`. */
  boroughAliases: ReadonlyMap<string, string>;
}

export interface GenericMailboxes {
  /** Whole local parts (normalised: lower case, no separators or trailing digits) that are shared mailboxes. */
  localParts: ReadonlySet<string>;
  /** Words that mark a shared mailbox wherever they appear in the local part. */
  words: ReadonlySet<string>;
  /** Jobs, not people (nurse, matron, manager …): a role mailbox alone or with the home's name; beside a possible surname, a doubt. */
  roleWords: ReadonlySet<string>;
  /** The generic words of care home names (care, home, house …): organisational only with the home's name or code. */
  careWords: ReadonlySet<string>;
}

/** The personal-domain file: exact domains, ISPs that give each customer a subdomain, and reviewed exceptions. */
export interface PersonalDomains {
  domains: ReadonlySet<string>;
  /** name.plus.com, smith.freeserve.co.uk: every domain under these is a customer's personal mail. */
  suffixes: readonly string[];
  /** Never personal, whatever the lists say (btconnect.com: BT's business mail); each has its reason in the file. */
  notPersonal: ReadonlySet<string>;
}

/** Stops the start when a shipped file is not what the code expects. */
export function invalid(file: string, problems: string[]): never {
  throw new AppError('reference-invalid', `data/reference/${file} is not valid: ${problems.slice(0, 5).join(' ')}`, { file, problems });
}

/** Reads one JSON file from this folder. */
export function readReferenceJson(file: string): unknown {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return invalid(file, [`it is not JSON (${(error as Error).message}).`]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value === value.trim();
}

function textList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every(isText) ? (value as string[]) : undefined;
}

/** Checks jobTitles.json: each title once, known roles and bodies, aliases pointing at real titles, no two entries that read the same. */
export function parseJobTitles(raw: unknown, file = 'jobTitles.json'): JobTitles {
  if (!isRecord(raw) || !Array.isArray(raw.titles) || !Array.isArray(raw.aliases))
    return invalid(file, ['it needs "titles" and "aliases" lists.']);
  const problems: string[] = [];
  const keys = new Map<string, string>();
  const claim = (text: string, where: string) => {
    const key = compactKey(text);
    if (key === '') problems.push(`${where} has no letters or digits.`);
    else if (keys.has(key)) problems.push(`${where} reads the same as "${keys.get(key)}".`);
    else keys.set(key, text);
  };
  const titles: JobTitle[] = [];
  raw.titles.forEach((entry: unknown, i) => {
    const bodies = isRecord(entry) ? textList(entry.registrationBodies) : undefined;
    if (
      !isRecord(entry) ||
      !isText(entry.title) ||
      !ROLES.includes(entry.role as UcpRole) ||
      !bodies ||
      !bodies.every((b) => (REGISTRATION_BODIES as readonly string[]).includes(b))
    ) {
      problems.push(
        `Title ${i + 1} needs a title, a role (${ROLES.join(', ')}) and registrationBodies from ${REGISTRATION_BODIES.join(', ')}.`,
      );
      return;
    }
    claim(entry.title, `Title "${entry.title}"`);
    titles.push(
      Object.freeze({ title: entry.title, role: entry.role as UcpRole, registrationBodies: Object.freeze(bodies as RegistrationBody[]) }),
    );
  });
  const names = new Set(titles.map((t) => t.title));
  const aliases: JobTitleAlias[] = [];
  raw.aliases.forEach((entry: unknown, i) => {
    if (!isRecord(entry) || !isText(entry.alias) || !isText(entry.title) || !isText(entry.why)) {
      problems.push(`Alias ${i + 1} needs an alias, a title and a why.`);
    } else if (!names.has(entry.title)) {
      problems.push(`Alias "${entry.alias}" points to "${entry.title}", which is not a title.`);
    } else {
      claim(entry.alias, `Alias "${entry.alias}"`);
      aliases.push(Object.freeze({ alias: entry.alias, title: entry.title, why: entry.why }));
    }
  });
  const clinicalWords: string[] = [];
  const words = raw.clinicalWords ?? [];
  if (!Array.isArray(words)) problems.push('"clinicalWords" must be a list.');
  else {
    words.forEach((entry: unknown, i) => {
      // One lower-case word each, so it compares with the words of what was typed; a why, as for aliases.
      if (!isRecord(entry) || !isText(entry.word) || !/^[a-z]+$/.test(entry.word) || !isText(entry.why)) {
        problems.push(`Clinical word ${i + 1} needs a word (one word, lower case) and a why.`);
      } else clinicalWords.push(entry.word);
    });
  }
  if (problems.length > 0) invalid(file, problems);
  return Object.freeze({ titles: Object.freeze(titles), aliases: Object.freeze(aliases), clinicalWords: Object.freeze(clinicalWords) });
}

/** Checks ics.json: ICB codes unique and well formed, each borough in one ICS only, aliases pointing at listed boroughs. */
export function parseIcs(raw: unknown, file = 'ics.json'): IcsReference {
  if (!isRecord(raw) || !Array.isArray(raw.systems) || !isRecord(raw.boroughAliases))
    return invalid(file, ['it needs "systems" and "boroughAliases".']);
  const problems: string[] = [];
  const codes = new Set<string>();
  const boroughs = new Map<string, string>();
  const systems: Ics[] = [];
  raw.systems.forEach((entry: unknown, i) => {
    const names = isRecord(entry) ? textList(entry.boroughs) : undefined;
    if (
      !isRecord(entry) ||
      !isText(entry.icbCode) ||
      !/^Q[A-Z0-9]{2}$/.test(entry.icbCode) ||
      !isText(entry.name) ||
      !isText(entry.shortName) ||
      !names
    ) {
      problems.push(`System ${i + 1} needs an icbCode (Q and two characters), a name, a shortName and boroughs.`);
      return;
    }
    if (codes.has(entry.icbCode)) problems.push(`ICB code ${entry.icbCode} appears twice.`);
    codes.add(entry.icbCode);
    for (const borough of names) {
      const key = compactKey(borough);
      if (boroughs.has(key)) problems.push(`${borough} is listed twice.`);
      boroughs.set(key, borough);
    }
    systems.push(
      Object.freeze({
        icbCode: entry.icbCode,
        name: entry.name,
        shortName: entry.shortName,
        boroughs: Object.freeze([...names]) as string[],
      }),
    );
  });
  const boroughAliases = new Map<string, string>();
  for (const [alias, borough] of Object.entries(raw.boroughAliases)) {
    if (typeof borough !== 'string' || !boroughs.has(compactKey(borough)) || boroughs.get(compactKey(borough)) !== borough) {
      problems.push(`Borough alias "${alias}" must name a listed borough exactly.`);
    } else if (boroughs.has(compactKey(alias))) {
      problems.push(`Borough alias "${alias}" is itself a borough.`);
    } else {
      boroughAliases.set(alias, borough);
    }
  }
  if (problems.length > 0) invalid(file, problems);
  return Object.freeze({ systems: Object.freeze(systems), boroughAliases });
}

/** Checks a list of lower-case domain names, given bare or under `domains`; used for the personal and accredited lists. */
export function parseDomainList(raw: unknown, file: string): readonly string[] {
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? raw.domains : undefined;
  if (!Array.isArray(list)) return invalid(file, ['it needs a list of domains.']);
  const bad = list.filter((d) => typeof d !== 'string' || !isDomainName(d));
  if (bad.length > 0) invalid(file, [`these are not lower-case domain names: ${bad.slice(0, 5).map(String).join(', ')}.`]);
  return Object.freeze([...(list as string[])]);
}

const GENERIC_LISTS = ['localParts', 'words', 'roleWords', 'careWords'] as const;

/** Checks genericMailboxes.json: four lists of lower-case words. */
export function parseGenericMailboxes(raw: unknown, file = 'genericMailboxes.json'): GenericMailboxes {
  const word = (w: unknown) => typeof w === 'string' && /^[a-z]+$/.test(w);
  if (!isRecord(raw) || !GENERIC_LISTS.every((list) => Array.isArray(raw[list]) && (raw[list] as unknown[]).every(word))) {
    return invalid(file, [`it needs ${GENERIC_LISTS.map((l) => `"${l}"`).join(', ')}, lists of lower-case letters only.`]);
  }
  const set = (list: (typeof GENERIC_LISTS)[number]) => new Set(raw[list] as string[]);
  return Object.freeze({ localParts: set('localParts'), words: set('words'), roleWords: set('roleWords'), careWords: set('careWords') });
}

/** Checks personalEmailDomains.json: the domains, and `personalSuffixes` / `notPersonal`, each entry with its reason. */
export function parsePersonalDomains(raw: unknown, file = 'personalEmailDomains.json'): PersonalDomains {
  const domains = parseDomainList(raw, file);
  const noted = (key: 'personalSuffixes' | 'notPersonal', field: 'suffix' | 'domain'): string[] => {
    const list = isRecord(raw) ? raw[key] : undefined;
    if (
      !Array.isArray(list) ||
      !list.every((e) => isRecord(e) && typeof e[field] === 'string' && isDomainName(e[field]) && isText(e.why))
    ) {
      return invalid(file, [`"${key}" needs entries with a lower-case "${field}" and a "why".`]);
    }
    return list.map((e) => (e as Record<string, string>)[field]);
  };
  const suffixes = noted('personalSuffixes', 'suffix');
  const notPersonal = noted('notPersonal', 'domain');
  const clash = notPersonal.filter((d) => domains.includes(d));
  if (clash.length > 0) invalid(file, [`these are both personal and not personal: ${clash.slice(0, 5).join(', ')}.`]);
  return Object.freeze({ domains: new Set(domains), suffixes: Object.freeze(suffixes), notPersonal: new Set(notPersonal) });
}

/** Checks bankHolidays.json with the same parser as an imported gov.uk feed; frozen England and Wales holidays by date. */
export function parseBankHolidaySnapshot(raw: unknown, file = 'bankHolidays.json'): readonly BankHoliday[] {
  try {
    return Object.freeze(parseBankHolidayFeed(raw).map((holiday) => Object.freeze(holiday)));
  } catch (error) {
    if (error instanceof ValidationError) return invalid(file, error.context.problems as string[]);
    throw error;
  }
}

/** Source 001 Appendix 1: the 37 job titles, their UCP roles, and aliases we can justify. */
export const jobTitles = parseJobTitles(readReferenceJson('jobTitles.json'));
/** London's ICSs, their ICB codes and boroughs. */
export const icsReference = parseIcs(readReferenceJson('ics.json'));
/** Free and consumer e-mail domains, refused as personal, with the ISPs matched by suffix and the reviewed exceptions. */
export const personalDomains = parsePersonalDomains(readReferenceJson('personalEmailDomains.json'));
/** The exact personal domains alone. */
export const personalEmailDomains: ReadonlySet<string> = personalDomains.domains;
/** Shared-mailbox local parts and words, refused as generic. */
export const genericMailboxes = parseGenericMailboxes(readReferenceJson('genericMailboxes.json'));
/** Accredited (DCB1596) domains shipped with the code: empty; an administrator imports the published list into the store. */
export const accreditedDomains = parseDomainList(readReferenceJson('accreditedDomains.json'), 'accreditedDomains.json');
/** England and Wales bank holidays 2025–2028 (gov.uk feed shape); the calendar uses them until an administrator imports a fresh feed. */
export const bankHolidays = parseBankHolidaySnapshot(readReferenceJson('bankHolidays.json'));
