import { describe, it, expect } from '@jest/globals';
import { HSCN_BUTTONS, LOCATION_CHOICES, ROUTE_CHOICES } from '../../../dialogs/accessRequest/accessMessages.js';
import { matchTypedChoice, type ChoiceNumbers, type MatchableChoice } from '../../../dialogs/input/choiceMatch.js';
import type { ButtonChoice } from '../../../dialogs/input/choiceOptions.js';
import { ORGANISATION_TYPE_CHOICES } from '../../../dialogs/input/organisationTypeChoices.js';
import { DSPT_BUTTONS } from '../../../dialogs/readiness/dsptAnswers.js';
import {
  CONFIRM_NO,
  CONFIRM_NO_TITLE,
  CONFIRM_YES,
  HOW_MANY_CHOICES,
  ROLE_NO,
  ROLE_NO_TITLE,
  ROLE_YES,
} from '../../../dialogs/users/usersMessages.js';

/** The options as the prompt sees them (title defaults to the value), and what the manager typed → the title picked, or null (asked again). */
function options(choices: readonly (string | ButtonChoice)[]): MatchableChoice[] {
  return choices.map((c) =>
    typeof c === 'string' ? { title: c, value: c } : { title: c.title ?? c.value, value: c.value, synonyms: c.synonyms },
  );
}
function picked(typed: string, choices: MatchableChoice[], numbers?: ChoiceNumbers): string | null {
  const match = matchTypedChoice(typed, choices, numbers);
  return match.ok ? choices[match.index].title : null;
}

const TYPES = options(ORGANISATION_TYPE_CHOICES);
const DSPT = options(DSPT_BUTTONS);
const HSCN = options(HSCN_BUTTONS);
const ROUTE = options([...ROUTE_CHOICES]);
const LOCATION = options(LOCATION_CHOICES);
const ROLE = options([ROLE_YES, { value: ROLE_NO, title: ROLE_NO_TITLE }]);
const CONFIRM = options([CONFIRM_YES, { value: CONFIRM_NO, title: CONFIRM_NO_TITLE }]);
const HOW_MANY = options(HOW_MANY_CHOICES);
const QUANTITY: ChoiceNumbers = { quantityFrom: [1, 10] };

describe('typed answers to a choice question', () => {
  it.each([
    ['care home', 'Care home'],
    ['Care Home.', 'Care home'],
    ['a care home', 'Care home'],
    ['nursing home', 'Care home'],
    ['nursing', 'Care home'],
    ['residential', 'Care home'],
    ['Care home (residential or nursing)', 'Care home'],
    ['domiciliary', 'Home care'],
    ['home care', 'Home care'],
    ['charity', 'Charity'],
    ['gp', 'GP practice'],
    ['GP surgery', 'GP practice'],
    ['nhs trust', 'NHS trust'],
    ['trust', 'NHS trust'],
    ['home', null],
    ['care', null],
    ['other', null],
    ['nhs', null],
    ['the', null],
    ['2', null],
    ['banana', null],
  ])('organisation type (source 001 "Eligible organisations"): %s → %s', (typed, title) => {
    expect(picked(typed, TYPES)).toBe(title);
  });

  it.each([
    ['standards met', 'Standards Met'],
    ['met', 'Standards Met'],
    ['exceeded', 'Standards Exceeded'],
    ['approaching', 'Approaching Standards'],
    ['not published', 'Not published'],
    ['not registered', 'Not published'],
    ['Not registered or not published', 'Not published'],
    ["I don't know", "I don't know"],
    ['dont know', "I don't know"],
    ['not sure', "I don't know"],
    ['not met', null],
    ['standards', null],
    ['yes', null],
    ['1', null],
  ])('DSPT status (source 001 "DSPT compliant at Standards Met"): %s → %s', (typed, title) => {
    expect(picked(typed, DSPT)).toBe(title);
  });

  it.each([
    ['yes', 'Yes, HSCN'],
    ['hscn', 'Yes, HSCN'],
    ["yes we're on the HSCN", 'Yes, HSCN'],
    ['no', 'No, internet'],
    ['internet', 'No, internet'],
    ['we use the internet', 'No, internet'],
    ['nope', 'No, internet'],
    ['not sure', 'Not sure'],
    ['no idea', 'Not sure'],
    ["I'm not sure", 'Not sure'],
    ['no, not yes', null],
    ['1', null],
    ['maybe', null],
  ])('HSCN connection (source 000 "HSCN" and "internet" addresses): %s → %s', (typed, title) => {
    expect(picked(typed, HSCN)).toBe(title);
  });

  it.each([
    ['record system', 'Our record system'],
    ['our record system please', 'Our record system'],
    ['web portal', 'The UCP web portal'],
    ['the web portal', 'The UCP web portal'],
    ['portal', 'The UCP web portal'],
    ['system', 'Our record system'],
    ['our', null],
    ['the', null],
  ])('how staff reach the UCP: %s → %s', (typed, title) => {
    expect(picked(typed, ROUTE)).toBe(title);
  });

  it.each([
    ['in london', 'In London'],
    ['commissioned', 'Commissioned'],
    ['outside london', 'Outside London'],
    ['Outside London, commissioned to care for Londoners', 'Commissioned'],
    ['for a London patient', 'Outside London'],
    ['london', null],
    ['not in london', null],
    ['outside', null],
  ])('where the organisation is (source 001 non-London routes): %s → %s', (typed, title) => {
    expect(picked(typed, LOCATION)).toBe(title);
  });

  it.each([
    [ROLE, 'yes', 'Yes'],
    [ROLE, 'Yes please', 'Yes'],
    [ROLE, 'yep', 'Yes'],
    [ROLE, "that's right", 'Yes'],
    [ROLE, 'no', 'No, change it'],
    [ROLE, 'No, change the job title', 'No, change it'],
    [ROLE, "that's not right", 'No, change it'],
    [ROLE, 'change it', 'No, change it'],
    [CONFIRM, 'yes', 'Yes, I confirm'],
    [CONFIRM, 'I confirm', 'Yes, I confirm'],
    [CONFIRM, 'no', 'No, another address'],
    [CONFIRM, 'another address', 'No, another address'],
    [CONFIRM, 'n/a', null],
    [CONFIRM, '1', null],
  ])('yes or no: %#. %s', (choices, typed, title) => {
    expect(picked(typed, choices)).toBe(title);
  });
});

describe('numbers typed to a choice question', () => {
  it.each([
    ['1', 'Fewer than 10'],
    ['2', 'Fewer than 10'],
    ['two', 'Fewer than 10'],
    ['9', 'Fewer than 10'],
    ['about 5 people', 'Fewer than 10'],
    ['10', '10 or more'],
    ['ten', '10 or more'],
    ['12 staff', '10 or more'],
    ['40', '10 or more'],
    ['fewer than 10', 'Fewer than 10'],
    ['less than 10', 'Fewer than 10'],
    ['under ten', 'Fewer than 10'],
    ['10 or more', '10 or more'],
    ['more than 10', '10 or more'],
    ['0', null],
    ['none', null],
    ['2 or 3', null],
  ])(
    '"How many members of staff need access?" takes a number as how many people (source 001: 10 or more by spreadsheet): %s → %s',
    (typed, title) => {
      expect(picked(typed, HOW_MANY, QUANTITY)).toBe(title);
    },
  );

  it('picks by position only where the options are numbered on screen', () => {
    const who = options([
      { value: '1', synonyms: ['Ben Walsh'] },
      { value: '2', synonyms: ['Amara Okafor'] },
    ]);
    expect(picked('2', who, 'position')).toBe('2');
    expect(picked('Amara Okafor', who, 'position')).toBe('2');
    expect(picked('3', who, 'position')).toBeNull();
    expect(matchTypedChoice('3', who, 'position')).toEqual({ ok: false, why: 'numberOutOfRange' });
    expect(matchTypedChoice('2', DSPT)).toEqual({ ok: false, why: 'numberNotShown' });
  });

  it('says which options an ambiguous answer fits', () => {
    expect(matchTypedChoice('london', LOCATION)).toEqual({ ok: false, why: 'ambiguous', candidates: [0, 1, 2] });
    expect(matchTypedChoice('standards', DSPT)).toEqual({ ok: false, why: 'ambiguous', candidates: [0, 1, 2] });
  });
});
