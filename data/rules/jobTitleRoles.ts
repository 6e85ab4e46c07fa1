/** Job title → UCP role (source 001 Appendix 1). A title not in the table is never guessed: the helpdesk decides. */
import type { UcpRole } from '../model.js';
import { jobTitles as shippedTitles, type JobTitle, type JobTitles } from '../reference/index.js';
import { compactKey, damerauLevenshtein, wordsOf } from './text.js';

export type JobTitleMatch =
  | { kind: 'exact'; title: string; role: UcpRole; needsRegistration: boolean }
  | { kind: 'alias'; alias: string; title: string; role: UcpRole; needsRegistration: boolean }
  | { kind: 'unknown'; input: string; suggestions: string[]; message: string };

const MAX_SUGGESTIONS = 3;
// Joining words carry no meaning of their own: "Bed and Breakfast" must not suggest "Speech and Language Therapist".
const JOINING_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'a']);

interface Phrase {
  title: JobTitle;
  words: string[];
  key: string;
  /** An alias only counts when all of its words were typed: "Registered Manager" must not reach "Registered Nurse". */
  needsAllWords: boolean;
}

interface TitleIndex {
  byKey: Map<string, { title: JobTitle; alias?: string }>;
  phrases: Phrase[];
  clinicalWords: ReadonlySet<string>;
}

const indexes = new WeakMap<JobTitles, TitleIndex>();

function indexOf(reference: JobTitles): TitleIndex {
  const cached = indexes.get(reference);
  if (cached) return cached;
  const byTitle = new Map(reference.titles.map((t) => [t.title, t]));
  const index: TitleIndex = { byKey: new Map(), phrases: [], clinicalWords: new Set(reference.clinicalWords) };
  const add = (text: string, title: JobTitle, alias?: string) => {
    index.byKey.set(compactKey(text), { title, alias });
    const words = wordsOf(text).filter((w) => !JOINING_WORDS.has(w));
    index.phrases.push({ title, words, key: compactKey(text), needsAllWords: alias !== undefined });
  };
  for (const title of reference.titles) add(title.title, title);
  for (const alias of reference.aliases) {
    const title = byTitle.get(alias.title);
    if (title) add(alias.alias, title, alias.alias);
  }
  indexes.set(reference, index);
  return index;
}

/** How alike two words are, from 0 (nothing in common) to 1 (the same); short words must match exactly. */
function wordLikeness(typed: string, known: string): number {
  if (typed === known) return 1;
  const shorter = Math.min(typed.length, known.length);
  if (shorter < 4) return 0;
  const distance = damerauLevenshtein(typed, known);
  if (distance === 1) return 0.8;
  if (distance === 2 && shorter >= 7) return 0.7;
  if (known.startsWith(typed) || typed.startsWith(known)) return 0.6;
  return 0;
}

/**
 * How close typed text is to one title or alias: `score` is 0 when they have nothing in common;
 * `spelling` (whole-text likeness) only breaks ties, so "Care Assistant" ranks Health Care Assistant first.
 */
function closeness(typedWords: string[], typedKey: string, phrase: Phrase): { score: number; spelling: number } {
  const bestPerKnownWord = phrase.words.map((known) => Math.max(0, ...typedWords.map((typed) => wordLikeness(typed, known))));
  const shared = bestPerKnownWord.reduce((sum, score) => sum + score, 0);
  const wordsMatch = phrase.needsAllWords ? bestPerKnownWord.every((s) => s > 0) : shared > 0;
  // The whole title spelt nearly right, with the spaces in the wrong places ("heathcare assistant").
  const spelling = 1 - damerauLevenshtein(typedKey, phrase.key) / Math.max(typedKey.length, phrase.key.length);
  const byWords = wordsMatch ? (2 * shared) / (typedWords.length + phrase.words.length) : 0;
  return { score: Math.max(byWords, spelling >= 0.8 ? spelling : 0), spelling };
}

/**
 * The role decides what a person can do in care plans, so a Clinical title is offered only on clinical evidence:
 * the whole title typed with at most two slips, every word of it (or of one of its aliases) typed, or a word of it typed that is
 * clinical on its own in a care home (jobTitles.json clinicalWords: "nurse", not "Lead", "Consultant" or "Practitioner").
 * Otherwise "Activities Lead" would be offered Clinical Lead, and one click would give an activities lead clinical access.
 */
function clinicalEvidence(typedWords: string[], typedKey: string, phrase: Phrase, clinicalWords: ReadonlySet<string>): boolean {
  // Counted in edits, not as a share: "Care Practitioner" is 82% alike "Nurse Practitioner" but three letters away.
  if (damerauLevenshtein(typedKey, phrase.key) <= 2) return true;
  const typed = (known: string) => typedWords.some((word) => wordLikeness(word, known) > 0);
  return phrase.words.every(typed) || phrase.words.some((known) => clinicalWords.has(known) && typed(known));
}

/** The nearest titles to something typed, best first, ties in alphabetical order; used when a title is unknown. */
export function nearestJobTitles(input: string, reference: JobTitles = shippedTitles, limit = MAX_SUGGESTIONS): string[] {
  const typedWords = wordsOf(input).filter((w) => !JOINING_WORDS.has(w));
  const typedKey = compactKey(input);
  if (typedKey === '') return [];
  const best = new Map<string, { score: number; spelling: number }>();
  const index = indexOf(reference);
  for (const phrase of index.phrases) {
    const found = closeness(typedWords, typedKey, phrase);
    if (phrase.title.role === 'Clinical' && !clinicalEvidence(typedWords, typedKey, phrase, index.clinicalWords)) continue;
    const known = best.get(phrase.title.title);
    if (found.score > 0 && (!known || found.score > known.score || (found.score === known.score && found.spelling > known.spelling))) {
      best.set(phrase.title.title, found);
    }
  }
  return [...best.entries()]
    .sort(([titleA, a], [titleB, b]) => b.score - a.score || b.spelling - a.spelling || titleA.localeCompare(titleB, 'en'))
    .slice(0, limit)
    .map(([title]) => title);
}

function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function unknownTitle(input: string, suggestions: string[]): JobTitleMatch {
  const shown = input.trim().replace(/\s+/g, ' ');
  const closest =
    suggestions.length > 0 ? ` The closest titles we use are ${listInWords(suggestions)}. If none of them fits, keep` : ' Keep';
  const message =
    `"${shown}" is not one of the job titles the UCP uses, so we won't guess which access it gives.${closest}` +
    ' the title you gave and the helpdesk will decide the right role when they check the request.';
  return { kind: 'unknown', input: shown, suggestions, message };
}

/** Decides the UCP role for a job title a person typed or picked; used for every user on an access request. */
export function roleForJobTitle(input: string, reference: JobTitles = shippedTitles): JobTitleMatch {
  const key = compactKey(input);
  if (key === '') {
    return {
      kind: 'unknown',
      input: '',
      suggestions: [],
      message: "Please tell us the person's job title, for example Nurse or Health Care Assistant.",
    };
  }
  const found = indexOf(reference).byKey.get(key);
  if (!found) return unknownTitle(input, nearestJobTitles(input, reference));
  const { title, role } = found.title;
  // Source 001 Appendix 1: clinical access needs registration with a clinical professional body.
  const needsRegistration = role === 'Clinical';
  return found.alias === undefined
    ? { kind: 'exact', title, role, needsRegistration }
    : { kind: 'alias', alias: found.alias, title, role, needsRegistration };
}
