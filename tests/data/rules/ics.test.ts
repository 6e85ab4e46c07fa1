import { describe, expect, it } from '@jest/globals';
import { findIcs, icsByCode, icsForBorough, listIcs } from '../../../data/rules/ics.js';
import type { IcsReference } from '../../../data/reference/index.js';

// DOMAIN.md, "London's ICSs", copied by hand so the shipped file is checked against it.
const BOROUGHS: [string, string][] = [
  ...['Barnet', 'Camden', 'Enfield', 'Haringey', 'Islington'].map((b): [string, string] => [b, 'QMJ']),
  ...['Barking and Dagenham', 'City of London', 'Hackney', 'Havering', 'Newham', 'Redbridge', 'Tower Hamlets', 'Waltham Forest'].map(
    (b): [string, string] => [b, 'QMF'],
  ),
  ...['Brent', 'Ealing', 'Hammersmith and Fulham', 'Harrow', 'Hillingdon', 'Hounslow', 'Kensington and Chelsea', 'Westminster'].map(
    (b): [string, string] => [b, 'QRV'],
  ),
  ...['Bexley', 'Bromley', 'Greenwich', 'Lambeth', 'Lewisham', 'Southwark'].map((b): [string, string] => [b, 'QKK']),
  ...['Croydon', 'Kingston upon Thames', 'Merton', 'Richmond upon Thames', 'Sutton', 'Wandsworth'].map((b): [string, string] => [b, 'QWE']),
];

describe('icsForBorough', () => {
  it('covers all 33 London boroughs (the City counted as one)', () => {
    expect(BOROUGHS).toHaveLength(33);
    expect(
      listIcs()
        .flatMap((ics) => ics.boroughs)
        .sort(),
    ).toEqual(BOROUGHS.map(([b]) => b).sort());
  });

  it.each(BOROUGHS)('places %s in the ICS whose ICB is %s', (borough, code) => {
    expect(icsForBorough(borough)).toEqual({ borough, ics: expect.objectContaining({ icbCode: code }) });
  });

  it.each([
    ['Kingston', 'Kingston upon Thames', 'QWE'],
    ['richmond', 'Richmond upon Thames', 'QWE'],
    ['City', 'City of London', 'QMF'],
    ['Hammersmith & Fulham', 'Hammersmith and Fulham', 'QRV'],
    ['Barking & Dagenham', 'Barking and Dagenham', 'QMF'],
    ['  tower-hamlets ', 'Tower Hamlets', 'QMF'],
    ['KINGSTON UPON THAMES', 'Kingston upon Thames', 'QWE'],
    ['London Borough of Camden', 'Camden', 'QMJ'],
    ['Royal Borough of Kensington & Chelsea', 'Kensington and Chelsea', 'QRV'],
    ['City of Westminster', 'Westminster', 'QRV'],
  ])('understands "%s" as %s (%s)', (typed, borough, code) => {
    expect(icsForBorough(typed)).toEqual({ borough, ics: expect.objectContaining({ icbCode: code }) });
  });

  it.each(['Surrey', 'Watford', '', 'London', 'Borough of'])('finds no London ICS for "%s"', (typed) => {
    expect(icsForBorough(typed)).toBeUndefined();
  });

  it('follows a merged ICS list without a code change', () => {
    const merged: IcsReference = {
      systems: [{ icbCode: 'QXX', name: 'North London', shortName: 'NL', boroughs: ['Camden', 'Brent'] }],
      boroughAliases: new Map(),
    };
    expect(icsForBorough('Brent', merged)?.ics.icbCode).toBe('QXX');
    expect(icsForBorough('Croydon', merged)).toBeUndefined();
  });
});

describe('icsByCode and listIcs', () => {
  it.each([
    ['QMJ', 'North Central London'],
    ['QMF', 'North East London'],
    ['QRV', 'North West London'],
    ['QKK', 'South East London'],
    ['QWE', 'South West London'],
  ])('finds %s as %s', (code, name) => {
    expect(icsByCode(code)?.name).toBe(name);
  });

  it('ignores case and spaces in a code', () => {
    expect(icsByCode(' qwe ')?.icbCode).toBe('QWE');
  });

  it('finds nothing for a code that is not a London ICB', () => {
    expect(icsByCode('QOP')).toBeUndefined();
    expect(icsByCode('')).toBeUndefined();
  });

  it('lists the five London ICSs', () => {
    expect(listIcs().map((ics) => ics.shortName)).toEqual(['NCL', 'NEL', 'NWL', 'SEL', 'SWL']);
  });
});

describe('findIcs', () => {
  it.each([
    ['QMJ', 'QMJ'],
    ['qrv', 'QRV'],
    ['NCL', 'QMJ'],
    ['swl', 'QWE'],
    ['North East London', 'QMF'],
    ['south-east london', 'QKK'],
    ['NHS North Central London Integrated Care Board', 'QMJ'],
    ['North West London ICB', 'QRV'],
    ['NEL ICS', 'QMF'],
    ['South West London Integrated Care System', 'QWE'],
  ])('finds the ICS written as "%s" (%s)', (written, code) => {
    expect(findIcs(written)?.icbCode).toBe(code);
  });

  it.each(['', 'ICB', 'NHS', 'London', 'Surrey Heartlands', 'Camden'])('finds no ICS for "%s"', (written) => {
    expect(findIcs(written)).toBeUndefined();
  });
});
