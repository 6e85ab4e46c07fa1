import { describe, expect, it } from '@jest/globals';
import { parseCsv } from '../../../data/imports/csv.js';
import { parseAccreditedDomains } from '../../../data/imports/accreditedDomains.js';
import { parseDpiaRegister } from '../../../data/imports/dpiaRegister.js';
import { parseDsptExport, ukDateToIso } from '../../../data/imports/dsptExport.js';
import { icsReference } from '../../../data/reference/index.js';

const resolveIcs = (written: string) => icsReference.systems.find((s) => [s.icbCode, s.shortName, s.name].includes(written));

describe('reading CSV files', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const rows = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3\n')).toThrow('line 2: a quoted field is never closed');
  });
});

describe('importing the DSPT organisation-search export', () => {
  /** The day of the import: every year and publication date in the rows below lies before it, unless a test says otherwise. */
  const TODAY = '2026-12-05';
  const header = 'Code,Organisation Name,Status,Date Of Publication,Primary Sector,Integrated Care Board\n';

  it('reads every row of a good export with its published date as an ISO date', () => {
    const result = parseDsptExport(
      header +
        'VAB12,Rose Court Care Home,24/25 Standards Met,28/06/2025,Social Care,NHS North Central London ICB\n' +
        'AB1C,"Care Group, Ltd",23/24 Approaching Standards,01/07/2024,Social Care,\n',
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      records: [
        {
          odsCode: 'VAB12',
          name: 'Rose Court Care Home',
          status: '24/25 Standards Met',
          publishedOn: '2025-06-28',
          sector: 'Social Care',
          icb: 'NHS North Central London ICB',
        },
        {
          odsCode: 'AB1C',
          name: 'Care Group, Ltd',
          status: '23/24 Approaching Standards',
          publishedOn: '2024-07-01',
          sector: 'Social Care',
        },
      ],
    });
  });

  it('imports nothing when rows are bad, and lists every bad row by its line number', () => {
    const result = parseDsptExport(
      header +
        'VAB12,Rose Court,24/25 Standards Met,28/06/2025,Social Care,\n' +
        'not a code!,Somewhere,24/25 Standards Met,28/06/2025,,\n' +
        'VAB13,,24/25 Standards Met,31/02/2025,,\n' +
        'VAB12,Rose Court again,24/25 Standards Met,,,\n',
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, problem: 'the code "not a code!" is not an ODS code' },
        { line: 4, problem: 'the organisation name is empty; the date "31/02/2025" is not a real date in dd/mm/yyyy form' },
        { line: 5, problem: 'VAB12 is listed twice (first on line 2)' },
      ],
    });
  });

  it('keeps a status it does not recognise but warns that it counts as unknown', () => {
    const result = parseDsptExport(header + 'VAB12,Rose Court,Standards Not Met,,,\n', TODAY);
    expect(result.ok && result.warnings).toEqual([
      { line: 2, problem: 'the status "Standards Not Met" is not one we recognise; it will count as unknown (not met)' },
    ]);
  });

  // Source 004 "annual self-assessment": no assessment is published before its year begins (data/rules/dspt.ts).
  it.each([
    [
      'a year that begins after today',
      'VAB12,Rose Court,27/28 Standards Met,01/11/2026,,\n',
      'the status "27/28 Standards Met" is for an assessment year that starts on 2027-04-01, after today; it will count as unknown (not met) until then',
    ],
    [
      'a publication date after today',
      'VAB12,Rose Court,26/27 Standards Met,06/12/2026,,\n',
      'the publication date 06/12/2026 is after today; the status will count as unknown (not met) until then',
    ],
  ])('keeps a row with %s as published but warns that it counts as unknown', (_name, row, problem) => {
    const result = parseDsptExport(header + row, TODAY);
    expect(result.ok && result.records.map((r) => r.status)).toEqual([row.split(',')[2]]);
    expect(result.ok && result.warnings).toEqual([{ line: 2, problem }]);
  });

  it('does not warn about a row published today for the year in progress', () => {
    const result = parseDsptExport(header + 'VAB12,Rose Court,26/27 Standards Met,05/12/2026,,\n', TODAY);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('refuses a file without the columns it needs, saying which', () => {
    expect(parseDsptExport('Organisation,Rating\nX,Y\n', TODAY)).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          problem:
            'the header has no "Code", "Organisation Name", "Status" column (expected: Code, Organisation Name, Status, Date Of Publication, Primary Sector, Integrated Care Board)',
        },
      ],
    });
  });

  it('refuses an empty file', () => {
    expect(parseDsptExport('', TODAY)).toEqual({ ok: false, problems: [{ line: 1, problem: 'the file is empty' }] });
  });

  it.each([
    ['01/01/2026', '2026-01-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2025', null],
    ['2025-06-28', null],
    ['13/13/2025', null],
  ])('reads the UK date %s as %s', (text, iso) => expect(ukDateToIso(text)).toBe(iso));
});

describe('importing the DPIA register', () => {
  it('reads the ICS written as an ICB code, a short name or a name', () => {
    const result = parseDpiaRegister(
      'ODS Code,Name,ICS\nvab12,Rose Court,QMJ\nVAB13,Lime Tree,SEL\nVAB14,Oak House,North West London\n',
      resolveIcs,
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      records: [
        { odsCode: 'VAB12', name: 'Rose Court', icbCode: 'QMJ' },
        { odsCode: 'VAB13', name: 'Lime Tree', icbCode: 'QKK' },
        { odsCode: 'VAB14', name: 'Oak House', icbCode: 'QRV' },
      ],
    });
  });

  it('imports nothing when any row is bad and lists each one', () => {
    const result = parseDpiaRegister('ODS Code,Name,ICS\nVAB12,Rose Court,QMJ\nVAB13,Lime Tree,Kent\n??,Oak,QMJ\nVAB15,,\n', resolveIcs);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, problem: '"Kent" is not one of the London ICSs' },
        { line: 4, problem: 'the ODS code "??" is not valid' },
        { line: 5, problem: 'the name is empty; the ICS is empty' },
      ],
    });
  });
});

describe('importing the accredited-domains list', () => {
  it('reads domains written bare, with @ or with *., several to a cell, de-duplicated and sorted', () => {
    const result = parseAccreditedDomains(
      'Organisation Name,Email Domain,Date\nA,careco.org.uk,2025\nB,"@b-care.co.uk; *.c-care.com",2025\nC,CARECO.org.uk,2024\n',
    );
    expect(result).toEqual({ ok: true, warnings: [], records: ['b-care.co.uk', 'c-care.com', 'careco.org.uk'] });
  });

  it('refuses a file whose header has no domain column rather than guessing', () => {
    const result = parseAccreditedDomains('Organisation,Website\nA,careco.org.uk\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].problem).toMatch(/no "Domain" column/);
  });

  it('imports nothing when a row is not a domain', () => {
    expect(parseAccreditedDomains('Domain\ncareco.org.uk\nnot a domain\n\n,\n')).toEqual({
      ok: false,
      problems: [
        { line: 3, problem: '"not", "a", "domain" is not a domain name' },
        { line: 5, problem: 'the domain is empty' },
      ],
    });
  });
});
