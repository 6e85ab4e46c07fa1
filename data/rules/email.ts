/** Which e-mail addresses may receive a UCP web-portal account (source 001, "Acceptable Email Domains"; source 004 on shared mailboxes). */
import {
  genericMailboxes as shippedGeneric,
  icsReference,
  personalDomains as shippedPersonal,
  type GenericMailboxes,
} from '../reference/index.js';
import { acceptedRule, isInOrUnder, isPersonalDomain, type AcceptedRule } from './emailDomains.js';
import { readMailbox, type MailboxOrganisation, type SharedReason } from './sharedMailbox.js';
import { damerauLevenshtein, isDomainName, wordsOf } from './text.js';
import { DIGITAL_SOCIAL_CARE_HELPLINE } from './sourceContacts.js';

export type { AcceptedRule } from './emailDomains.js';
export type { MailboxOrganisation } from './sharedMailbox.js';

export type EmailCheck =
  | { outcome: 'accepted'; rule: AcceptedRule; address: string }
  | { outcome: 'needsConfirmation'; address: string; message: string }
  /**
   * The part before the @ may be a role mailbox or a person's own ("jane.nurse"): the manager confirms it is this
   * person's own, and the helpdesk checks it (`helpdeskNote`) before the account is made. `domainConfirmation` is set
   * when the domain also needs source 001's appropriate-use confirmation.
   */
  | { outcome: 'needsHelpdesk'; address: string; message: string; helpdeskNote: string; domainConfirmation?: string }
  | { outcome: 'refused'; reason: 'malformed' | 'personal' | 'generic'; message: string };

export interface EmailPolicy {
  /** The DCB1596 accredited list, as imported into the store; build it with `accreditedDomainSet`. */
  accreditedDomains: ReadonlySet<string>;
  /** The organisation the person works for, when known: its name and ODS code in an address mark a shared mailbox. */
  organisation?: MailboxOrganisation;
  personalDomains?: ReadonlySet<string>;
  /** ISPs that give each customer a subdomain (name.plus.com); the shipped ones unless given. */
  personalSuffixes?: readonly string[];
  /** Reviewed exceptions that are never personal (btconnect.com); the shipped ones unless given. */
  notPersonal?: ReadonlySet<string>;
  genericMailboxes?: GenericMailboxes;
}

const EXAMPLE = 'jane.smith@nhs.net';
// RFC 5321/5322: a dot-atom local part of at most 64 characters, a whole address of at most 254.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// A one-letter slip of these (gmial.com) is still a personal address, not "any other organisation". Some names
// (aol.com, live.co.uk, icloud.com) are left out: one letter away from them are real businesses (aon.com, life.co.uk, cloud.com).
const WELL_KNOWN_PERSONAL = [
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.co.uk',
  'outlook.com',
  'yahoo.com',
  'yahoo.co.uk',
  'btinternet.com',
];
/** London and its boroughs, as source 004's "postcodetown" part of a shared mailbox may name them. */
const PLACES: readonly string[] = [
  ...new Set(
    ['london', ...icsReference.systems.flatMap((ics) => ics.boroughs), ...icsReference.boroughAliases.keys()].map((p) =>
      wordsOf(p).join(''),
    ),
  ),
];

/** Turns an imported accredited-domain list into the set `checkEmail` expects (lower case, no leading "@" or "."). */
export function accreditedDomainSet(domains: Iterable<string>): ReadonlySet<string> {
  return new Set(
    [...domains]
      .map((d) =>
        d
          .trim()
          .toLowerCase()
          .replace(/^[@.]+/, ''),
      )
      .filter(isDomainName),
  );
}

function refused(reason: 'malformed' | 'personal' | 'generic', message: string): EmailCheck {
  return { outcome: 'refused', reason, message };
}

/** The first reason the address cannot be an e-mail address at all, in words a manager understands. */
function malformation(address: string, local: string, domain: string, accredited: ReadonlySet<string>): string | undefined {
  if (address === '') return `Please give the person's work e-mail address, for example ${EXAMPLE}.`;
  if (/\s/.test(address)) return "An e-mail address can't contain spaces. Please check it and try again.";
  const ats = address.split('@').length - 1;
  if (ats === 0) return `An e-mail address needs an @, for example ${EXAMPLE}.`;
  if (ats > 1) return `This has more than one @. An e-mail address has just one, for example ${EXAMPLE}.`;
  if (local === '') return `Something is missing before the @. It should look like ${EXAMPLE}.`;
  if (domain === '') return `Something is missing after the @. It should look like ${EXAMPLE}.`;
  if (address.length > 254 || local.length > 64) return 'This address is longer than e-mail allows. Please check it and try again.';
  if (!LOCAL_PART.test(local))
    return 'The part before the @ has characters or dots an e-mail address cannot have. Please check it and try again.';
  if (!isDomainName(domain))
    return `The part after the @ (${domain}) doesn't look like an e-mail domain. Please check it for typing mistakes.`;
  // Otherwise jane@nhs.nte would go to the confirmation route, be confirmed, and the account e-mail would never arrive.
  // An accredited domain is a real organisation's, so it is never a slip.
  if (domain !== 'nhs.net' && damerauLevenshtein(domain, 'nhs.net') === 1 && !isInOrUnder(domain, accredited)) {
    return `Did you mean ${local}@nhs.net? The part after the @ (${domain}) looks like a typing mistake.`;
  }
  return undefined;
}

function personalDomainMessage(domain: string, meant?: string): string {
  const named = meant ? `${domain}, which looks like ${meant}` : domain;
  return (
    `This looks like a personal e-mail address (${named}). The UCP needs the person's own work address: an NHSmail address ` +
    "ending @nhs.net or one from your organisation's own domain. If your home has no work e-mail yet, NHSmail is free for care " +
    `providers: the Digital Social Care helpline can tell you how to get it (${DIGITAL_SOCIAL_CARE_HELPLINE}).`
  );
}

/** Why a shared mailbox cannot be used, and what to give instead, in words a care home manager understands. */
function sharedMessage(local: string, why: SharedReason): string {
  const reason = {
    generic: '',
    odsCode: why.kind === 'odsCode' ? ` It carries your organisation's ODS code (${why.code}).` : '',
    name: why.kind === 'name' ? ` It is named after your organisation (${why.name}).` : '',
    convention: " It follows NHSmail's naming for a care home's shared mailbox: postcode or town, then the home's name and ODS code.",
    role: why.kind === 'role' ? ` "${why.word}" is a job, not a person.` : '',
  }[why.kind];
  // Source 001 "Non-HSCN" / source 000 "Non-HSCN": a code is e-mailed to the address at each log-in over the internet.
  return (
    `This looks like a shared mailbox (${local}@).${reason} Each UCP account belongs to one person: when they log in over ` +
    'the internet, the UCP e-mails a code to their address to finish logging in, so everyone who reads a shared mailbox could use it. ' +
    "Please give this person's own work address, such as their own NHSmail address."
  );
}

function doubtMessage(local: string, word: string): string {
  return (
    `${local}@ might be a shared or role mailbox ("${word}" is a job as well as a name). The UCP e-mails a log-in code to ` +
    'this address, so only this person may read it. If it is their own, the helpdesk will check it before making the account.'
  );
}

function confirmationMessage(domain: string): string {
  return (
    `${domain} is not on the list of NHS-approved e-mail domains. You can still use this address if you confirm that it ` +
    'belongs to this person at work and will be used appropriately, only for the direct care of the people you look after.'
  );
}

/**
 * Decides whether an address can have a UCP account: accepted, accepted once the requester confirms, accepted once the
 * helpdesk has checked it is one person's (a role word beside a possible surname), or refused with a reason.
 */
export function checkEmail(typed: string, policy: EmailPolicy): EmailCheck {
  const generic = policy.genericMailboxes ?? shippedGeneric;
  const personal = {
    domains: policy.personalDomains ?? shippedPersonal.domains,
    suffixes: policy.personalSuffixes ?? (policy.personalDomains ? [] : shippedPersonal.suffixes),
    notPersonal: policy.notPersonal ?? shippedPersonal.notPersonal,
  };
  const trimmed = typed.trim();
  const at = trimmed.lastIndexOf('@');
  const local = at < 0 ? trimmed : trimmed.slice(0, at);
  const domain = at < 0 ? '' : trimmed.slice(at + 1).toLowerCase();
  const problem = malformation(trimmed, local, domain, policy.accreditedDomains);
  if (problem) return refused('malformed', problem);
  const address = `${local}@${domain}`;

  // Source 001 refuses shared mailboxes on every domain: an nhs.net shared mailbox is still not a person.
  const mailbox = readMailbox(local, generic, PLACES, policy.organisation);
  if (mailbox.verdict === 'shared') return refused('generic', sharedMessage(local, mailbox.why));

  // Before the personal checks: an accredited (DCB1596) domain is organisational by definition, whatever the free-mail list says.
  const rule = acceptedRule(domain, policy.accreditedDomains);
  if (!rule) {
    if (isPersonalDomain(domain, personal)) return refused('personal', personalDomainMessage(domain));
    const lookalike = WELL_KNOWN_PERSONAL.find((known) => damerauLevenshtein(domain, known) === 1);
    if (lookalike && !personal.notPersonal.has(domain)) return refused('personal', personalDomainMessage(domain, lookalike));
  }
  if (mailbox.verdict === 'unsure') {
    return {
      outcome: 'needsHelpdesk',
      address,
      message: doubtMessage(local, mailbox.word),
      helpdeskNote: `Check this is the person's own mailbox, not a shared or role one: the part before the @ has the role word "${mailbox.word}".`,
      ...(rule ? {} : { domainConfirmation: confirmationMessage(domain) }),
    };
  }
  return rule ? { outcome: 'accepted', rule, address } : { outcome: 'needsConfirmation', address, message: confirmationMessage(domain) };
}
