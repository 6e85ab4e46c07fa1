import { describe, expect, it } from '@jest/globals';
import { checkEmail, type EmailPolicy, type MailboxOrganisation } from '../../../data/rules/email.js';

const SUNNYVIEW: MailboxOrganisation = { name: 'Sunnyview Care Home', odsCode: 'VABC1' };
const check = (address: string, organisation: MailboxOrganisation | undefined = SUNNYVIEW) =>
  checkEmail(address, { accreditedDomains: new Set(), organisation } satisfies EmailPolicy);

const S004_CONVENTION = "source 004 'Naming convention for shared mailbox – postcodetown.carehomenameODScode@nhs.net'";
const S001_GENERIC = "source 001 'as long as it is not a personal or generic email'";
const S001_NHS_NET = "source 001 'Acceptable Email Domains: Nhs.net'";

describe('checkEmail: shared and role mailboxes are refused on any domain, nhs.net included (issue 11 point 1)', () => {
  it.each([
    ['n1sunnyview.vabc1@nhs.net', SUNNYVIEW, /ODS code \(VABC1\)/, `${S004_CONVENTION}: postcode, home name, the home's ODS code`],
    [
      'london.sunnyviewcarehomevabc12@nhs.net',
      SUNNYVIEW,
      /ODS code \(VABC1\)/,
      `${S004_CONVENTION}: town, full home name, code and a digit`,
    ],
    ['VABC1.office@nhs.net', SUNNYVIEW, /shared mailbox/, `${S001_GENERIC}: the ODS code, in capitals`],
    ['vabc1@sunnyviewcare.co.uk', SUNNYVIEW, /ODS code \(VABC1\)/, `${S001_GENERIC}: the ODS code alone, on the home's own domain`],
    ['sunnyview@nhs.net', SUNNYVIEW, /named after your organisation \(Sunnyview Care Home\)/, `${S001_GENERIC}: the home's name`],
    ['sunnyviewcarehome@nhs.net', SUNNYVIEW, /named after your organisation/, `${S001_GENERIC}: the home's whole name joined`],
    ['sunnyview.house@nhs.net', SUNNYVIEW, /named after your organisation/, `${S001_GENERIC}: the name with a building word`],
    ['sunnyview.nurse@nhs.net', SUNNYVIEW, /named after your organisation/, `${S001_GENERIC}: a role with the home's name`],
    ['matron.sunnyview@nhs.net', SUNNYVIEW, /named after your organisation/, `${S001_GENERIC}: the home's name after a role`],
    [
      'sunnyview.manager2@nhs.net',
      SUNNYVIEW,
      /named after your organisation/,
      `${S001_GENERIC}: manager with the home's name (issue: "combined with the home's name")`,
    ],
    [
      'stmarys.deputy@nhs.net',
      { name: "St Mary's Nursing Home", odsCode: 'VXY12' },
      /named after your organisation/,
      `${S001_GENERIC}: deputy with another home's name, apostrophe dropped`,
    ],
    [
      'e14.rosecourtvq2r7@nhs.net',
      undefined,
      /NHSmail's naming/,
      `${S004_CONVENTION}: no organisation known, postcode then a name ending in a site code`,
    ],
    ['camden.greenlodgev1ab2@nhs.net', undefined, /NHSmail's naming/, `${S004_CONVENTION}: a London borough as the town`],
    ['nurse@nhs.net', undefined, /"nurse" is a job, not a person/, `${S001_GENERIC}: a role alone`],
    ['matron@sunnyviewcare.co.uk', undefined, /"matron" is a job/, `${S001_GENERIC}: a role alone on the home's own domain`],
    ['nursingteam@nhs.net', undefined, /shared mailbox/, `${S001_GENERIC}: roles joined`],
    ['night.nurses@nhs.net', undefined, /shared mailbox/, `${S001_GENERIC}: "nightnurses" is not a person`],
    ['carehome1@nhs.net', undefined, /shared mailbox/, `${S001_GENERIC}: "carehome" alone`],
    ['reception@nhs.net', undefined, /shared mailbox/, `${S001_GENERIC}: reception`],
    ['deputy.manager@nhs.net', undefined, /shared mailbox/, `${S001_GENERIC}: deputy manager`],
  ])('refuses %s as a shared mailbox', (address, organisation, why, _source) => {
    const result = check(address, organisation);
    expect(result).toMatchObject({ outcome: 'refused', reason: 'generic' });
    expect(result.outcome === 'refused' && result.message).toMatch(why);
  });

  it('says why a shared mailbox cannot be used (the log-in code) and what to give instead, in words a manager understands', () => {
    const result = check('n1sunnyview.vabc1@nhs.net');
    const message = result.outcome === 'refused' ? result.message : '';
    // Source 001 "Non-HSCN": "User will be sent a special code to their email ... as part of the login procedure".
    expect(message).toMatch(
      /^This looks like a shared mailbox \(n1sunnyview\.vabc1@\)\. It carries your organisation's ODS code \(VABC1\)\./,
    );
    expect(message).toContain('when they log in over the internet, the UCP e-mails a code to their address');
    expect(message).toContain('everyone who reads a shared mailbox could use it');
    expect(message).toContain("Please give this person's own work address, such as their own NHSmail address.");
  });
});

describe('checkEmail: people stay people, with or without the organisation (issue 11 point 1)', () => {
  it.each([
    ['jane.smith@nhs.net', `${S001_NHS_NET}: an ordinary first.last`],
    ['jane.smith2@nhs.net', `${S001_NHS_NET}: NHSmail's number for a second Jane Smith`],
    ['brent.davies1@nhs.net', `${S004_CONVENTION} needs a home name and a site code: "Brent" the first name is not the borough`],
    ['kingston.greaves@nhs.net', `${S004_CONVENTION}: a town-like first name without a code`],
    ['rose.smith@nhs.net', "source 001 'Acceptable Email Domains': a person named like a home (Rose Court) stays a person"],
    ['jane.sunnyview@nhs.net', `${S001_NHS_NET}: a name beside the home's name is read as Jane at Sunnyview`],
    ['jo.house@nhs.net', `${S001_NHS_NET}: House is a surname; building words count only with the home's name`],
    ['sam.ward@nhs.net', `${S001_NHS_NET}: Ward is a surname and not on the role list`],
    ['bryan.vabc@nhs.net', `${S001_NHS_NET}: letters of a code without its digit are not the code`],
    [
      'ann.hall@sunnyviewcare.co.uk',
      "source 001 'the user can still use it to register': a person on the home's own domain goes to confirmation",
    ],
  ])('does not refuse %s as shared', (address, _source) => {
    const organisation = address === 'rose.smith@nhs.net' ? { name: 'Rose Court', odsCode: 'VRC12' } : SUNNYVIEW;
    expect(check(address, organisation).outcome).toMatch(/^(accepted|needsConfirmation)$/);
  });
});

describe('checkEmail: a role beside what may be a surname goes to the helpdesk, never a silent accept (issue 11 point 1)', () => {
  it.each([
    ['jane.nurse@nhs.net', 'nurse', 'Nurse is also a surname'],
    ['nurse.jane@nhs.net', 'nurse', 'the role first'],
    ['jane.manager@nhs.net', 'manager', 'was a "person" test: a named manager\'s box may pass to the next manager'],
    ['informatics.lead@nhs.net', 'lead', 'was a "person" test: "informatics lead" is a post, not a person'],
    ['j.matron@nhs.net', 'matron', 'an initial and a role'],
    ['amy.deputy@nhs.net', 'deputy', 'deputy with a first name'],
  ])('asks for %s to be checked by the helpdesk ("%s": %s)', (address, word) => {
    const result = check(address);
    expect(result).toMatchObject({ outcome: 'needsHelpdesk', address });
    if (result.outcome !== 'needsHelpdesk') return;
    expect(result.message).toContain(`("${word}" is a job as well as a name)`);
    expect(result.message).toContain('the helpdesk will check it before making the account');
    expect(result.helpdeskNote).toContain(`the role word "${word}"`);
    expect(result.domainConfirmation).toBeUndefined();
  });

  it('also asks for the appropriate-use confirmation when the domain is not accepted outright', () => {
    const result = check('jane.nurse@sunnyviewcare.co.uk');
    expect(result).toMatchObject({ outcome: 'needsHelpdesk' });
    expect(result.outcome === 'needsHelpdesk' && result.domainConfirmation).toMatch(
      /sunnyviewcare\.co\.uk is not on the list of NHS-approved/,
    );
  });

  it('still refuses a personal domain first, whatever the part before the @', () => {
    expect(check('jane.nurse@gmail.com')).toMatchObject({ outcome: 'refused', reason: 'personal' });
  });
});
