import { describe, expect, it } from '@jest/globals';
import {
  accreditedDomains,
  genericMailboxes,
  icsReference,
  jobTitles,
  parseDomainList,
  parseGenericMailboxes,
  parseIcs,
  parseJobTitles,
  personalEmailDomains,
  readReferenceJson,
} from '../../../data/reference/index.js';
import { AppError } from '../../../data/errors.js';

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('reference-invalid');
    return (error as AppError).message;
  }
  throw new Error('expected the data to be refused');
}

const title = (t: string, role = 'Clinical', registrationBodies: string[] = []) => ({ title: t, role, registrationBodies });

describe('shipped reference data', () => {
  it('holds the 37 titles of source 001 Appendix 1 and only aliases of them', () => {
    expect(jobTitles.titles).toHaveLength(37);
    const names = new Set(jobTitles.titles.map((t) => t.title));
    expect(jobTitles.aliases.every((a) => names.has(a.title) && a.why.length > 0)).toBe(true);
  });

  it('keeps the words the helpdesk must decide out of the alias list', () => {
    const aliases = jobTitles.aliases.map((a) => a.alias.toLowerCase());
    for (const ambiguous of ['doctor', 'care assistant', 'senior carer', 'registered manager', 'carer', 'dn', 'csw', 'amhp']) {
      expect(aliases).not.toContain(ambiguous);
    }
  });

  it('never lists an NHS, government or charity domain as personal', () => {
    for (const domain of [
      'nhs.net',
      'nhs.uk',
      'gov.uk',
      'camden.gov.uk',
      'homestartbromley.org.uk',
      'tivertonhospitalleagueoffriends.co.uk',
    ]) {
      expect(personalEmailDomains.has(domain)).toBe(false);
    }
    expect([...personalEmailDomains].some((d) => /(^|\.)(nhs\.net|nhs\.uk|gov\.uk|org\.uk|ac\.uk)$/.test(d))).toBe(false);
  });

  it('lists the common UK personal providers, including those the upstream package misses', () => {
    for (const domain of [
      'gmail.com',
      'googlemail.com',
      'hotmail.co.uk',
      'live.co.uk',
      'yahoo.co.uk',
      'btinternet.com',
      'btopenworld.com',
      'sky.com',
      'talktalk.net',
      'virginmedia.com',
      'ntlworld.com',
      'blueyonder.co.uk',
      'tiscali.co.uk',
      'aol.co.uk',
      'o2.co.uk',
      'orange.net',
      'plus.com',
      'me.com',
      'icloud.com',
      'outlook.com',
    ]) {
      expect(personalEmailDomains.has(domain)).toBe(true);
    }
  });

  it('records the upstream version the personal list was built from', () => {
    expect(readReferenceJson('personalEmailDomains.json')).toMatchObject({
      source: { package: 'free-email-domains', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
    });
  });

  it('knows the shared mailboxes source 001 names', () => {
    for (const local of ['info', 'admin', 'office', 'enquiries', 'manager']) expect(genericMailboxes.localParts.has(local)).toBe(true);
  });

  it('ships no accredited domains: they are imported by an administrator', () => {
    expect(accreditedDomains).toEqual([]);
  });

  it('ships the five London ICSs', () => {
    expect(icsReference.systems.map((s) => s.icbCode)).toEqual(['QMJ', 'QMF', 'QRV', 'QKK', 'QWE']);
  });
});

describe('checking reference files at start', () => {
  it('refuses a job title file with an unknown role, naming the file', () => {
    expect(problemOf(() => parseJobTitles({ titles: [title('Nurse', 'Clinician')], aliases: [] }))).toMatch(/jobTitles\.json.*role/);
  });

  it('refuses a registration body it cannot check', () => {
    expect(problemOf(() => parseJobTitles({ titles: [title('Nurse', 'Clinical', ['RCN'])], aliases: [] }))).toMatch(/registrationBodies/);
  });

  it('refuses two titles that read the same once spacing and punctuation are ignored', () => {
    expect(
      problemOf(() => parseJobTitles({ titles: [title('Health Care Assistant'), title('Healthcare Assistant')], aliases: [] })),
    ).toMatch(/reads the same as "Health Care Assistant"/);
  });

  it('refuses an alias that points to no title, or that reads the same as a title', () => {
    expect(
      problemOf(() => parseJobTitles({ titles: [title('Nurse')], aliases: [{ alias: 'RGN', title: 'Nurse RGN', why: 'x' }] })),
    ).toMatch(/not a title/);
    expect(problemOf(() => parseJobTitles({ titles: [title('Nurse')], aliases: [{ alias: 'NURSE', title: 'Nurse', why: 'x' }] }))).toMatch(
      /reads the same/,
    );
  });

  it('refuses an alias without a reason', () => {
    expect(problemOf(() => parseJobTitles({ titles: [title('Nurse')], aliases: [{ alias: 'RGN', title: 'Nurse' }] }))).toMatch(/why/);
  });

  it('reads the clinical words with their reasons, and refuses one that is not a single lower-case word or has no why', () => {
    expect(jobTitles.clinicalWords).toEqual(['nurse', 'doctor', 'paediatrician']);
    expect(parseJobTitles({ titles: [title('Nurse')], aliases: [] }).clinicalWords).toEqual([]);
    for (const entry of [{ word: 'Nurse', why: 'x' }, { word: 'clinical lead', why: 'x' }, { word: 'nurse' }]) {
      expect(problemOf(() => parseJobTitles({ titles: [title('Nurse')], aliases: [], clinicalWords: [entry] }))).toMatch(/Clinical word 1/);
    }
  });

  it('refuses an ICS file with a bad ICB code, a borough in two ICSs or an alias to nowhere', () => {
    const ics = (icbCode: string, boroughs: string[]) => ({ icbCode, name: 'X', shortName: 'X', boroughs });
    expect(problemOf(() => parseIcs({ systems: [ics('123', ['Camden'])], boroughAliases: {} }))).toMatch(/icbCode/);
    expect(problemOf(() => parseIcs({ systems: [ics('QMJ', ['Camden']), ics('QRV', ['camden'])], boroughAliases: {} }))).toMatch(/twice/);
    expect(problemOf(() => parseIcs({ systems: [ics('QMJ', ['Camden'])], boroughAliases: { Kingston: 'Kingston upon Thames' } }))).toMatch(
      /Kingston/,
    );
  });

  it('refuses a domain list with something that is not a lower-case domain', () => {
    expect(problemOf(() => parseDomainList(['gmail.com', 'Hotmail.com', 'not a domain'], 'x.json'))).toMatch(/Hotmail\.com, not a domain/);
    expect(parseDomainList({ domains: ['gmail.com'] }, 'x.json')).toEqual(['gmail.com']);
  });

  it('refuses a generic mailbox file whose words are not plain lower-case words', () => {
    expect(problemOf(() => parseGenericMailboxes({ localParts: ['Info'], words: [] }))).toMatch(/genericMailboxes\.json/);
  });
});
