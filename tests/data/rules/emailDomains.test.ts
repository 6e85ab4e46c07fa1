import { describe, expect, it } from '@jest/globals';
import { checkEmail } from '../../../data/rules/email.js';
import { GOVERNMENT_DOMAINS, isPersonalDomain } from '../../../data/rules/emailDomains.js';
import { personalDomains, readReferenceJson } from '../../../data/reference/index.js';

const check = (address: string) => checkEmail(address, { accreditedDomains: new Set() });

const S001_PERSONAL = "source 001 'as long as it is not a personal or generic email'";
const S001_CONFIRM = "source 001 'They will be asked to confirm ... that their Email Domain will be used in an appropriate way'";
const S001_GOV = "source 001 'Acceptable Email Domains: .gov'";

describe('checkEmail: personal ISP addresses on per-customer subdomains are personal (issue 11 point 2)', () => {
  it.each([
    ['andrew@smith.plus.com', 'plus.com', `${S001_PERSONAL}: Plusnet's firstname@username.plus.com`],
    ['smith@smith.plus.com', 'plus.com', `${S001_PERSONAL}: Plusnet's older username@username.plus.com`],
    ['jane@plus.com', 'plus.com', `${S001_PERSONAL}: the ISP's own domain stays personal`],
    ['jane@jsmith.force9.co.uk', 'force9.co.uk', `${S001_PERSONAL}: Force9, Plusnet's older brand`],
    ['jane@jsmith.f9.co.uk', 'f9.co.uk', `${S001_PERSONAL}: Force9's short domain, missing upstream`],
    ['jane@smith21.freeserve.co.uk', 'freeserve.co.uk', `${S001_PERSONAL}: Freeserve puts the account name after the @`],
    ['jane@smith.fsnet.co.uk', 'fsnet.co.uk', `${S001_PERSONAL}: Freeserve's second domain, missing upstream`],
    ['jane@home.dial.pipex.com', 'dial.pipex.com', `${S001_PERSONAL}: Pipex Dial accounts`],
    ['jane@area.ntlworld.com', 'ntlworld.com', `${S001_PERSONAL}: NTL consumer cable mail`],
    ['jane@host.blueyonder.co.uk', 'blueyonder.co.uk', `${S001_PERSONAL}: Telewest consumer cable mail`],
    ['jane@Smith.PLUS.com', 'plus.com', `${S001_PERSONAL}: capitals in the domain do not matter`],
  ])('refuses %s as personal (%s)', (address, _suffix, _source) => {
    expect(check(address)).toMatchObject({ outcome: 'refused', reason: 'personal' });
  });

  it.each([
    ['jane@pipex.com', "the company's own domain: only Pipex Dial's branch is personal"],
    ['jane@notplus.com', 'a domain that only ends with the same letters'],
    ['jane@plus.com.example.org', 'the suffix must be at the end'],
  ])('does not call %s personal (%s)', (address) => {
    expect(check(address).outcome).toBe('needsConfirmation');
  });

  it('ships every suffix with its reason', () => {
    const file = readReferenceJson('personalEmailDomains.json') as { personalSuffixes: { suffix: string; why: string }[] };
    expect(file.personalSuffixes.length).toBeGreaterThanOrEqual(5);
    for (const entry of file.personalSuffixes) expect(entry.why.length).toBeGreaterThan(20);
    expect(personalDomains.suffixes).toEqual(file.personalSuffixes.map((e) => e.suffix));
  });
});

describe('checkEmail: business ISP and organisation domains are not refused as personal (issue 11 point 3)', () => {
  it.each([
    ['jane@btconnect.com', `${S001_CONFIRM}: BT's business mail (btconnect family)`],
    ['jane@sunnyview.btconnect.com', `${S001_CONFIRM}: under btconnect.com`],
    ['jane@btconnect.co.uk', `${S001_CONFIRM}: the btconnect family, which the upstream list named`],
    ['jane@sunnyview.zen.co.uk', `${S001_CONFIRM}: Zen Internet, mostly business hosting`],
    ['jane@hostname.demon.co.uk', `${S001_CONFIRM}: Demon hostnames, home and business alike`],
    ['jane@sunnyviewcare.onmicrosoft.com', `${S001_CONFIRM}: a Microsoft 365 tenant's starting domain`],
    ['jane@lympstonevillagehall.co.uk', `${S001_CONFIRM}: a village hall the upstream list holds by mistake`],
    ['jane@jamesthynnealmshouse.co.uk', `${S001_CONFIRM}: an almshouse charity the upstream list holds`],
    ['jane@tivertonhospitalleagueoffriends.co.uk', `${S001_CONFIRM}: a hospital League of Friends the upstream list holds`],
    ['jane@homestartbromley.org.uk', `${S001_CONFIRM}: a .org.uk charity (all .org.uk left out upstream)`],
    ['jane@violinmakers.co.uk', `${S001_CONFIRM}: a small business named after itself`],
  ])('asks for confirmation, not refusal, for %s', (address, _source) => {
    expect(check(address).outcome).toBe('needsConfirmation');
  });

  it('keeps a reason for each reviewed exception, and none of them is on the personal list', () => {
    const file = readReferenceJson('personalEmailDomains.json') as { notPersonal: { domain: string; why: string }[] };
    expect(file.notPersonal.map((e) => e.domain)).toEqual(expect.arrayContaining(['btconnect.com', 'btconnect.co.uk']));
    for (const entry of file.notPersonal) {
      expect(entry.why.length).toBeGreaterThan(20);
      expect(personalDomains.domains.has(entry.domain)).toBe(false);
    }
  });

  it('lets an exception win over a personal suffix, so a reviewed business domain is never refused', () => {
    expect(
      isPersonalDomain('a.example.co.uk', { domains: new Set(), suffixes: ['example.co.uk'], notPersonal: new Set(['a.example.co.uk']) }),
    ).toBe(false);
    expect(
      isPersonalDomain('b.example.co.uk', { domains: new Set(), suffixes: ['example.co.uk'], notPersonal: new Set(['a.example.co.uk']) }),
    ).toBe(true);
  });
});

describe('checkEmail: source 001 ".gov" means UK government (issue 11 point 3)', () => {
  it.each([
    ['jane@camden.gov.uk', `${S001_GOV}: a London council under gov.uk`],
    ['jane@dhsc.gov.uk', `${S001_GOV}: a central department`],
    ['jane@digital.cabinet-office.gov.uk', `${S001_GOV}: any depth under gov.uk`],
    ['jane@finance-ni.gov.uk', `${S001_GOV}: Northern Ireland's departments use gov.uk`],
    ['jane@gov.scot', `${S001_GOV}: the Scottish Government`],
    ['jane@socialcare.gov.scot', `${S001_GOV}: under gov.scot`],
    ['jane@gov.wales', `${S001_GOV}: the Welsh Government`],
    ['jane@llyw.cymru', `${S001_GOV}: the Welsh Government in Welsh`],
    ['jane@mod.uk', `${S001_GOV}: the Ministry of Defence`],
    ['jane@army.mod.uk', `${S001_GOV}: under mod.uk`],
  ])('accepts %s under the government rule', (address, _source) => {
    expect(check(address)).toMatchObject({ outcome: 'accepted', rule: 'government' });
  });

  it.each([
    ['jane@agency.gov', "the United States federal government's .gov"],
    ['jane@met.police.uk', 'police forces are public bodies, not government'],
    ['jane@parliament.uk', 'Parliament is not the government'],
    ['jane@nhs.scot', 'NHS Scotland: source 001 names only nhs.net and nhs.uk'],
    ['jane@gov.im', 'the Isle of Man is not the UK'],
    ['jane@notgov.uk', 'only ends with the same letters'],
  ])('asks for confirmation for %s (%s)', (address) => {
    expect(check(address).outcome).toBe('needsConfirmation');
  });

  it('lists exactly the government domains docs/domain.md documents', () => {
    expect(GOVERNMENT_DOMAINS).toEqual(['gov.uk', 'gov.scot', 'gov.wales', 'llyw.cymru', 'mod.uk']);
  });
});
