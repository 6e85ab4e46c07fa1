import { describe, expect, it } from '@jest/globals';
import { columnForHeader, readYesNo, USER_COLUMNS } from '../../../data/imports/usersSheetColumns.js';

describe('the columns of the users spreadsheet', () => {
  it('recognises every template heading', () => {
    expect(USER_COLUMNS.map((c) => columnForHeader(c.header))).toEqual(USER_COLUMNS.map((c) => c.key));
  });

  it.each([
    ['FIRST NAME', 'firstName'],
    ['Forename', 'firstName'],
    ['Surname', 'lastName'],
    ['Full name', 'fullName'],
    ['E-mail address', 'email'],
    ['Work email (NHSmail preferred)', 'email'],
    ['EMAIL*', 'email'],
    ['Job role', 'jobTitle'],
    ['NMC PIN', 'registrationNumber'],
    ['Reg. No.', 'registrationNumber'],
    ['Regulator', 'professionalBody'],
    ['Appropriate use confirmed?', 'confirmAppropriateUse'],
  ])('reads the heading %p as %s', (heading, key) => {
    expect(columnForHeader(heading)).toBe(key);
  });

  it.each(['Title', 'Date of birth', 'Notes', ''])('does not guess at %p', (heading) => {
    expect(columnForHeader(heading)).toBeUndefined();
  });

  it('reads yes and no the ways people write them', () => {
    expect(['Yes', 'y', 'TRUE', '✓', 'Confirmed'].map(readYesNo)).toEqual([true, true, true, true, true]);
    expect(['No', 'n', 'FALSE'].map(readYesNo)).toEqual([false, false, false]);
    expect(['', 'maybe', '?'].map(readYesNo)).toEqual([undefined, undefined, undefined]);
  });
});
