/**
 * Reading a typed answer to a choice question, by simple rules a person can predict (no language model):
 * the whole answer is an option's words or a listed synonym; or it is an unambiguous part of one option ("internet",
 * "care home"); or one option's words stand whole inside it ("yes please"). A number picks by position only where the
 * options are numbered on screen, and answers a quantity where the question is about one. Anything else, or anything
 * that fits more than one option, is re-asked.
 */

/** One option as the matcher sees it: its button title, its value (the dialog's constant) and its listed synonyms. */
export interface MatchableChoice {
  title: string;
  value: string;
  synonyms?: readonly string[];
}

/**
 * What a typed number means for a question: nothing (the default: the buttons are not numbered), a position (the
 * options are numbered on screen), or a quantity: option i is picked from `quantityFrom[i]` up to the next one's start.
 */
export type ChoiceNumbers = 'position' | { quantityFrom: readonly number[] };

/** A pick (the option's index), or why nothing was picked. `candidates` are the indexes an ambiguous answer fits. */
export type ChoiceMatch =
  { ok: true; index: number } | { ok: false; why: 'nothing' | 'numberNotShown' | 'numberOutOfRange' | 'ambiguous'; candidates?: number[] };

/** Said yes in other words; listed once here and given to any option whose title starts with "Yes". */
export const YES_SYNONYMS = ['y', 'yeah', 'yep', 'yes please', 'correct', 'right', "that's right", 'that is right', 'ok', 'okay'] as const;
/** Said no in other words; given to any option whose title starts with "No". */
export const NO_SYNONYMS = ['n', 'nope', 'no thanks', 'no thank you', 'wrong', 'not right'] as const;
/** Said "I don't know" in other words; given to any option titled "Not sure" or "I don't know". */
export const NOT_SURE_SYNONYMS = ["i don't know", "don't know", 'dont know', 'not sure', "i'm not sure", 'unsure', 'no idea'] as const;

// Words that carry no meaning on their own: an answer made only of them is never a part of an option.
const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'or',
  'and',
  'to',
  'for',
  'in',
  'on',
  'at',
  'with',
  'by',
  'is',
  'it',
  'its',
  'i',
  'we',
  'our',
  'my',
  'me',
  'be',
  'are',
  'this',
  'that',
  'one',
  'please',
]);
// With one of these outside an option's words, the option standing inside the answer is not a pick ("not in London").
const NEGATIONS = new Set(['not', 'no', 'dont', 'isnt', 'arent', 'never', 'nor', 'neither', 'without']);

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ].map((word, n) => [word, n]),
);
// "about 12 people", "3 staff": a quantity said plainly. Comparisons ("fewer than 10") are options' words, never quantities.
const QUANTITY =
  /^(?:(?:about|around|roughly|approximately|maybe|just|only) )?(\S+)(?: (?:people|persons|person|staff|members of staff|members|users|of them))?$/;

/** Lower case, apostrophes dropped ("that's" → "thats"), words only; used on both sides of every comparison. */
export function choiceWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** An option's own words (title and value) and its listed synonyms, as words; a synonym is never matched by a part of it. */
function phrasesOf(choice: MatchableChoice): { own: string[][]; listed: string[][] } {
  const title = choiceWords(choice.title);
  const general = [
    ...(title[0] === 'yes' ? YES_SYNONYMS : []),
    ...(title[0] === 'no' ? NO_SYNONYMS : []),
    ...(['not sure', 'i dont know'].includes(title.join(' ')) ? NOT_SURE_SYNONYMS : []),
  ];
  const own = [title, choiceWords(choice.value)].filter((words) => words.length > 0);
  const listed = [...(choice.synonyms ?? []), ...general].map(choiceWords).filter((words) => words.length > 0);
  return { own, listed };
}

/** True when every word of `part` stands in `whole`, in the same order (other words may come between). */
function inOrder(whole: readonly string[], part: readonly string[]): boolean {
  let at = 0;
  for (const word of whole) if (word === part[at]) at += 1;
  return at === part.length;
}

/** Where `part` stands as a run of whole words inside `whole`, or -1. */
function runAt(whole: readonly string[], part: readonly string[]): number {
  for (let start = 0; start + part.length <= whole.length; start += 1) {
    if (part.every((word, i) => whole[start + i] === word)) return start;
  }
  return -1;
}

function only(indexes: Set<number>): ChoiceMatch | undefined {
  if (indexes.size === 1) return { ok: true, index: [...indexes][0] };
  if (indexes.size > 1) return { ok: false, why: 'ambiguous', candidates: [...indexes].sort((a, b) => a - b) };
  return undefined;
}

function numberOf(words: readonly string[]): number | undefined {
  const quantity = QUANTITY.exec(words.join(' '));
  if (!quantity) return undefined;
  if (/^\d{1,6}$/.test(quantity[1])) return Number(quantity[1]);
  return NUMBER_WORDS.get(quantity[1]);
}

function byNumber(n: number, count: number, numbers: ChoiceNumbers | undefined): ChoiceMatch {
  if (numbers === 'position') return n >= 1 && n <= count ? { ok: true, index: n - 1 } : { ok: false, why: 'numberOutOfRange' };
  if (numbers === undefined) return { ok: false, why: 'numberNotShown' };
  let index = -1;
  numbers.quantityFrom.forEach((from, i) => {
    if (n >= from) index = i;
  });
  return index >= 0 && index < count ? { ok: true, index } : { ok: false, why: 'numberOutOfRange' };
}

/** Matches a typed answer to a choice; pure, so the tables in the tests are the rules. */
export function matchTypedChoice(typed: string, choices: readonly MatchableChoice[], numbers?: ChoiceNumbers): ChoiceMatch {
  const words = choiceWords(typed);
  if (words.length === 0) return { ok: false, why: 'nothing' };
  const phrases = choices.map(phrasesOf);
  const said = words.join(' ');
  const exact = only(new Set(phrases.flatMap(({ own, listed }, i) => ([...own, ...listed].some((p) => p.join(' ') === said) ? [i] : []))));
  if (exact) return exact;
  const n = numberOf(words);
  if (n !== undefined) return byNumber(n, choices.length, numbers);
  const meaningful = words.filter((word) => !FILLER.has(word));
  if (meaningful.length === 0) return { ok: false, why: 'nothing' };
  const part = only(new Set(phrases.flatMap(({ own }, i) => (own.some((p) => inOrder(p, meaningful)) ? [i] : []))));
  if (part) return part;
  const inside = new Set(
    phrases.flatMap(({ own, listed }, i) =>
      [...own, ...listed].some((p) => {
        // A single letter ("y", "n") counts only as the whole answer, never inside a longer one ("n/a").
        if (p.join('').length < 2) return false;
        const at = runAt(words, p);
        if (at < 0) return false;
        const rest = [...words.slice(0, at), ...words.slice(at + p.length)];
        return !rest.some((word) => NEGATIONS.has(word));
      })
        ? [i]
        : [],
    ),
  );
  return only(inside) ?? { ok: false, why: 'nothing' };
}
