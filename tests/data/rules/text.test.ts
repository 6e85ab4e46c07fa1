import { describe, expect, it } from '@jest/globals';
import { compactKey, damerauLevenshtein, foldText, isDomainName, wordsOf } from '../../../data/rules/text.js';

describe('text normalisation', () => {
  it('reads "&" as "and" and drops accents and capitals', () => {
    expect(foldText('A&E Café')).toBe('a and e cafe');
  });

  it('splits typed text into words whatever the punctuation', () => {
    expect(wordsOf(' Speech & Language/Therapist ')).toEqual(['speech', 'and', 'language', 'therapist']);
  });

  it.each([
    ['Health Care Assistant', 'healthcare assistant'],
    ['Access Co-ordinator', 'access coordinator'],
    ['A&E', 'a and e'],
  ])('gives "%s" and "%s" the same key', (a, b) => {
    expect(compactKey(a)).toBe(compactKey(b));
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['nurse', 'nurse', 0],
    ['nures', 'nurse', 1],
    ['nurse', 'nurses', 1],
    ['nurse', 'purse', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['therapy', 'therapist', 3],
  ])('counts %s → %s as %i edits', (a, b, distance) => {
    expect(damerauLevenshtein(a, b)).toBe(distance);
    expect(damerauLevenshtein(b, a)).toBe(distance);
  });
});

describe('isDomainName', () => {
  it.each(['nhs.net', 'x.nhs.uk', 'sunnyview-care.co.uk', 'xn--bcher-kva.example', 'a1.io'])('accepts %s', (domain) => {
    expect(isDomainName(domain)).toBe(true);
  });

  it.each(['nhs', 'NHS.NET', '-a.com', 'a-.com', 'a..com', 'a.com.', 'a.123', 'a_b.com', `${'a'.repeat(64)}.com`, ''])(
    'refuses %j',
    (domain) => {
      expect(isDomainName(domain)).toBe(false);
    },
  );
});
