/**
 * Whether the part before the @ names one person or a shared/role mailbox (source 001: no "generic email"; source 004:
 * NHSmail's shared mailbox for a care site is named postcodetown.carehomenameODScode@nhs.net). Knowing the organisation
 * (its name and ODS code) lets it see "sunnyview.nurse" or "n1sunnyview.vabc1" for what they are. Pure.
 */
import type { GenericMailboxes } from '../reference/index.js';
import { wordsOf } from './text.js';

/** The organisation the people work for, when the conversation knows it. */
export interface MailboxOrganisation {
  name?: string;
  odsCode?: string;
}

/** Why a local part is a shared mailbox, for the message that says so. */
export type SharedReason =
  | { kind: 'generic' }
  | { kind: 'odsCode'; code: string }
  | { kind: 'name'; name: string }
  | { kind: 'convention' }
  | { kind: 'role'; word: string };

export type MailboxVerdict =
  | { verdict: 'person' }
  | { verdict: 'shared'; why: SharedReason }
  /** A role word next to something that may be a name ("jane.nurse": Nurse is also a surname): the helpdesk checks. */
  | { verdict: 'unsure'; word: string };

type PieceKind = 'name' | 'filler' | 'role' | 'ods' | 'place' | 'postcode' | 'digits';

interface Vocabulary {
  words: Map<string, PieceKind>;
  significant: readonly string[];
}

interface PartReading {
  kinds: Set<PieceKind>;
  names: Set<string>;
  roles: string[];
}

// A postcode district at the start of a part: "n1", "nw10", "ec1a", "e14" (source 004's "postcodetown").
const POSTCODE_DISTRICT = /^[a-z]{1,2}\d{1,2}[a-z]?/;
/**
 * A care site's ODS code at the end of a part, after at least four letters of a home's name (source 004's
 * "carehomenameODScode"; NAS mailboxes are per site, and site codes are V + 4, DOMAIN.md "ODS codes"), with a digit in
 * the code; one more digit may follow. The four letters keep surnames with digits ("davies1", "harvey12") out.
 */
const SITE_CODE_AT_END = /[a-z]{4,}(v[a-z0-9]{4,5})$/;
const HAS_DIGIT = /\d/;

/** The vocabulary a part is read with: the organisation's name, role and care words, London places and the ODS code. */
function vocabulary(generic: GenericMailboxes, places: readonly string[], organisation?: MailboxOrganisation): Vocabulary {
  const words = new Map<string, PieceKind>();
  for (const place of places) words.set(place, 'place');
  for (const word of generic.careWords) words.set(word, 'filler');
  for (const word of generic.roleWords) words.set(word, 'role');
  const nameWords = wordsOf((organisation?.name ?? '').replace(/['’]/g, ''));
  const significant = nameWords.filter((w) => !generic.careWords.has(w) && !/^\d+$/.test(w) && w.length > 1);
  for (const word of nameWords)
    if (!words.has(word) || significant.includes(word)) words.set(word, significant.includes(word) ? 'name' : 'filler');
  const code = organisation?.odsCode?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (code && code.length >= 3) words.set(code, 'ods');
  return { words, significant };
}

/** Every way the part can be cut into known pieces, merged; undefined when it cannot be (a person's name is in it). */
function readPart(part: string, vocab: Vocabulary): PartReading | undefined {
  const memo = new Map<number, PartReading | null>();
  const from = (i: number): PartReading | null => {
    if (i === part.length) return { kinds: new Set(), names: new Set(), roles: [] };
    const known = memo.get(i);
    if (known !== undefined) return known;
    const merged: PartReading = { kinds: new Set(), names: new Set(), roles: [] };
    let found = false;
    const take = (length: number, kind: PieceKind) => {
      const rest = from(i + length);
      if (!rest) return;
      found = true;
      const piece = part.slice(i, i + length);
      merged.kinds.add(kind);
      if (kind === 'name') merged.names.add(piece);
      if (kind === 'role' && !merged.roles.includes(piece)) merged.roles.push(piece);
      rest.kinds.forEach((k) => merged.kinds.add(k));
      rest.names.forEach((n) => merged.names.add(n));
      rest.roles.forEach((r) => {
        if (!merged.roles.includes(r)) merged.roles.push(r);
      });
    };
    for (const [word, kind] of vocab.words) if (part.startsWith(word, i)) take(word.length, kind);
    const digits = /^\d+/.exec(part.slice(i));
    if (digits) take(digits[0].length, 'digits');
    const district = i === 0 ? POSTCODE_DISTRICT.exec(part) : null;
    if (district) take(district[0].length, 'postcode');
    memo.set(i, found ? merged : null);
    return found ? merged : null;
  };
  return from(0) ?? undefined;
}

/** True when a part carries the organisation's ODS code at its start or end (digits after it allowed: "vabc12"). */
function carriesCode(part: string, code: string): boolean {
  if (code.length < 4 || !HAS_DIGIT.test(code)) return part === code;
  return (
    part.startsWith(code) ||
    [0, 1, 2].some((extra) => /^\d*$/.test(part.slice(part.length - extra)) && part.slice(0, part.length - extra).endsWith(code))
  );
}

/** Source 004's convention: a postcode or town part, then a part of a home's name ending in an ODS-code-shaped token. */
function followsConvention(parts: readonly string[], vocab: Vocabulary): boolean {
  if (parts.length < 2) return false;
  const first = parts[0];
  const place = POSTCODE_DISTRICT.test(first) || readPart(first, vocab)?.kinds.has('place') === true;
  const code = SITE_CODE_AT_END.exec(parts[parts.length - 1])?.[1];
  return place && code !== undefined && HAS_DIGIT.test(code);
}

/** The words of the local part as the generic lists compare them (no "+tag", separators or trailing digits). */
function genericWords(local: string): { base: string; words: string[] } {
  const base = local.toLowerCase().replace(/\+.*$/, '');
  return {
    base,
    words: base
      .split(/[._-]+/)
      .filter(Boolean)
      .map((w) => w.replace(/\d+$/, '')),
  };
}

/** The shared-mailbox lists alone: info@, front.desk@, sunnyview.admin@, care.home@ (no organisation needed). */
function onGenericList(local: string, generic: GenericMailboxes): boolean {
  const { words } = genericWords(local);
  if (generic.localParts.has(words.join(''))) return true;
  if (words.some((w) => generic.words.has(w))) return true;
  return words.some((w) => w !== '') && words.every((w) => w === '' || generic.localParts.has(w));
}

/**
 * What an address's local part is: a person, a shared mailbox (refused), or a role word beside what may be a
 * surname (the helpdesk checks). `places` are London's boroughs and "london", for the postcode-or-town part.
 */
export function readMailbox(
  local: string,
  generic: GenericMailboxes,
  places: readonly string[],
  organisation?: MailboxOrganisation,
): MailboxVerdict {
  if (onGenericList(local, generic)) return { verdict: 'shared', why: { kind: 'generic' } };
  const { base } = genericWords(local);
  const parts = base.split(/[._-]+/).filter(Boolean);
  const vocab = vocabulary(generic, places, organisation);
  const code = organisation?.odsCode?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (code && code.length >= 3 && parts.some((part) => carriesCode(part, code))) {
    return { verdict: 'shared', why: { kind: 'odsCode', code: code.toUpperCase() } };
  }
  if (followsConvention(parts, vocab)) return { verdict: 'shared', why: { kind: 'convention' } };

  const readings = parts.map((part) => readPart(part, vocab));
  const roles = readings.flatMap((r) => r?.roles ?? []);
  const names = new Set(readings.flatMap((r) => [...(r?.names ?? [])]));
  const wholeName = vocab.significant.length > 0 && vocab.significant.every((w) => names.has(w));
  if (readings.every((r) => r !== undefined)) {
    // Nothing in it can be a person's name: made of the home's name, roles, care words, places and numbers.
    const kinds = new Set(readings.flatMap((r) => [...(r?.kinds ?? [])]));
    if (kinds.has('ods')) return { verdict: 'shared', why: { kind: 'odsCode', code: (code ?? '').toUpperCase() } };
    if (wholeName) return { verdict: 'shared', why: { kind: 'name', name: organisation?.name ?? '' } };
    if (roles.length > 0) return { verdict: 'shared', why: { kind: 'role', word: roles[0] } };
    if (kinds.has('filler') || kinds.has('place')) return { verdict: 'shared', why: { kind: 'generic' } };
    return { verdict: 'person' };
  }
  // Some part may be a person's name. Beside it, a part that is only a role ("jane.nurse", "matron.jo") could be a role
  // box or Jane Nurse's own: the helpdesk checks rather than guessing.
  // The home's name beside a possible name ("jane.sunnyview") stays a person: home names are often first names (Rose Court).
  const roleOnly = readings.find((r) => r !== undefined && r.roles.length > 0 && !r.kinds.has('name'));
  return roleOnly ? { verdict: 'unsure', word: roleOnly.roles[0] } : { verdict: 'person' };
}
