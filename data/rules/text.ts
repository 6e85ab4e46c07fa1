/** Text normalisation shared by the rules that match what people type against reference lists. */

/**
 * Lower-cases, drops accents and spells "&" as "and"; used before any comparison of typed text,
 * so "A&E", "a & e" and "A and E" compare equal.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ');
}

/** The words of a piece of text (letters and digits only); used to compare titles and names word by word. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[a-z0-9]+/g) ?? [];
}

/**
 * The text with everything but letters and digits removed; used as a lookup key so spacing and punctuation
 * never matter ("Health Care Assistant" = "healthcare assistant", "Co-ordinator" = "coordinator").
 */
export function compactKey(text: string): string {
  return wordsOf(text).join('');
}

const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * True for a lower-case internet domain name of at least two labels with a letter-only (or punycode) last label;
 * used to check typed e-mail domains and the domain lists we ship.
 */
export function isDomainName(domain: string): boolean {
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  const last = labels[labels.length - 1];
  return /^[a-z]{2,63}$/.test(last) || /^xn--[a-z0-9-]+$/.test(last);
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of neighbouring letters
 * (optimal string alignment); used to notice typing slips such as "nures" for "nurse".
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows are enough: a swap only looks two rows back.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
