/** Which e-mail addresses may receive a UCP web-portal account (source 001, "Acceptable Email Domains"). */
import {
  genericMailboxes as shippedGeneric, personalEmailDomains as shippedPersonal, type GenericMailboxes,
} from '../reference/index.js';
import { damerauLevenshtein, isDomainName } from './text.js';

export type AcceptedRule = 'nhs.net' | 'nhs.uk' | 'government' | 'accredited';

export type EmailCheck =
  | { outcome: 'accepted'; rule: AcceptedRule; address: string }
  | { outcome: 'needsConfirmation'; address: string; message: string }
  | { outcome: 'refused'; reason: 'malformed' | 'personal' | 'generic'; message: string };

export interface EmailPolicy {
  /** The DCB1596 accredited list, as imported into the store; build it with `accreditedDomainSet`. */
  accreditedDomains: ReadonlySet<string>;
  personalDomains?: ReadonlySet<string>;
  genericMailboxes?: GenericMailboxes;
}

const EXAMPLE = 'jane.smith@nhs.net';
// RFC 5321/5322: a dot-atom local part of at most 64 characters, a whole address of at most 254.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// A one-letter slip of these (gmial.com) is still a personal address, not "any other organisation". Some names
// (aol.com, live.co.uk, icloud.com) are left out: one letter away from them are real businesses (aon.com, life.co.uk, cloud.com).
const WELL_KNOWN_PERSONAL = ['gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.co.uk', 'outlook.com',
  'yahoo.com', 'yahoo.co.uk', 'btinternet.com'];

/** Turns an imported accredited-domain list into the set `checkEmail` expects (lower case, no leading "@" or "."). */
export function accreditedDomainSet(domains: Iterable<string>): ReadonlySet<string> {
  return new Set([...domains].map((d) => d.trim().toLowerCase().replace(/^[@.]+/, '')).filter(isDomainName));
}

function refused(reason: 'malformed' | 'personal' | 'generic', message: string): EmailCheck {
  return { outcome: 'refused', reason, message };
}

function isUnder(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/** True when the domain, or a domain it is under, is on the accredited list. */
function isAccredited(domain: string, accredited: ReadonlySet<string>): boolean {
  const labels = domain.split('.');
  return labels.some((_, i) => accredited.has(labels.slice(i).join('.')));
}

/** The rule that accepts the domain outright, if any (source 001). */
function acceptedRule(domain: string, accredited: ReadonlySet<string>): AcceptedRule | undefined {
  if (domain === 'nhs.net') return 'nhs.net';
  if (isUnder(domain, 'nhs.uk')) return 'nhs.uk';
  // Source 001 says ".gov". UK central and local government mail is under gov.uk (camden.gov.uk); a bare ".gov"
  // is the United States federal government, which has no part in London care, so it is not accepted outright.
  if (isUnder(domain, 'gov.uk')) return 'government';
  return isAccredited(domain, accredited) ? 'accredited' : undefined;
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
  if (!LOCAL_PART.test(local)) return 'The part before the @ has characters or dots an e-mail address cannot have. Please check it and try again.';
  if (!isDomainName(domain)) return `The part after the @ (${domain}) doesn't look like an e-mail domain. Please check it for typing mistakes.`;
  // Otherwise jane@nhs.nte would go to the confirmation route, be confirmed, and the account e-mail would never arrive.
  // An accredited domain is a real organisation's, so it is never a slip.
  if (domain !== 'nhs.net' && damerauLevenshtein(domain, 'nhs.net') === 1 && !isAccredited(domain, accredited)) {
    return `Did you mean ${local}@nhs.net? The part after the @ (${domain}) looks like a typing mistake.`;
  }
  return undefined;
}

/** True when the part before the @ names a shared mailbox rather than a person (info@, front.desk@, sunnyview.admin@). */
function isGeneric(local: string, generic: GenericMailboxes): boolean {
  const base = local.toLowerCase().replace(/\+.*$/, '');
  const words = base.split(/[._-]+/).filter(Boolean).map((w) => w.replace(/\d+$/, ''));
  if (generic.localParts.has(words.join(''))) return true;
  if (words.some((w) => generic.words.has(w))) return true;
  // Made only of shared-mailbox words and numbers, e.g. care.home@ or nursing.team2@.
  return words.some((w) => w !== '') && words.every((w) => w === '' || generic.localParts.has(w));
}

function personalDomainMessage(domain: string, meant?: string): string {
  const named = meant ? `${domain}, which looks like ${meant}` : domain;
  return `This looks like a personal e-mail address (${named}). The UCP needs the person's own work address: an NHSmail address `
    + "ending @nhs.net or one from your organisation's own domain. If your home has no work e-mail yet, NHSmail is free for care "
    + 'homes and the helpdesk can tell you how to get it.';
}

/** Decides whether an address can have a UCP account: accepted, accepted once the requester confirms, or refused with a reason. */
export function checkEmail(typed: string, policy: EmailPolicy): EmailCheck {
  const personal = policy.personalDomains ?? shippedPersonal;
  const generic = policy.genericMailboxes ?? shippedGeneric;
  const trimmed = typed.trim();
  const at = trimmed.lastIndexOf('@');
  const local = at < 0 ? trimmed : trimmed.slice(0, at);
  const domain = at < 0 ? '' : trimmed.slice(at + 1).toLowerCase();
  const problem = malformation(trimmed, local, domain, policy.accreditedDomains);
  if (problem) return refused('malformed', problem);
  const address = `${local}@${domain}`;

  // Source 001 refuses shared mailboxes on every domain: an nhs.net shared mailbox is still not a person.
  if (isGeneric(local, generic)) {
    return refused('generic', `This looks like a shared mailbox (${local}@). Each UCP account belongs to one person, so that `
      + "everyone who opens a care plan is known. Please give this person's own work address.");
  }

  // Before the personal checks: an accredited (DCB1596) domain is organisational by definition, whatever the free-mail list says.
  const rule = acceptedRule(domain, policy.accreditedDomains);
  if (rule) return { outcome: 'accepted', rule, address };

  if (personal.has(domain)) return refused('personal', personalDomainMessage(domain));
  const lookalike = WELL_KNOWN_PERSONAL.find((known) => damerauLevenshtein(domain, known) === 1);
  if (lookalike) return refused('personal', personalDomainMessage(domain, lookalike));

  return {
    outcome: 'needsConfirmation',
    address,
    message: `${domain} is not on the list of NHS-approved e-mail domains. You can still use this address if you confirm that it `
      + "belongs to this person at work and will be used appropriately, only for the direct care of the people you look after.",
  };
}
