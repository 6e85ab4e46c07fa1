/** Which e-mail domains source 001 accepts outright, and which are personal (free mail, consumer ISPs). Pure. */

export type AcceptedRule = 'nhs.net' | 'nhs.uk' | 'government' | 'accredited';

/**
 * Source 001 accepts ".gov". Read as UK government (its programme is London's), these are the government domains:
 * - gov.uk and everything under it: central departments, councils (camden.gov.uk), Northern Ireland (nidirect.gov.uk);
 * - gov.scot: the Scottish Government; gov.wales and llyw.cymru: the Welsh Government, in English and in Welsh;
 * - mod.uk: the Ministry of Defence, a central government department with its own domain.
 * Left out: a bare ".gov" (the United States federal government), police.uk and parliament.uk (public bodies, but not
 * government), nhs.scot (NHS Scotland: source 001 names only nhs.net and nhs.uk). They go to the confirmation route.
 */
export const GOVERNMENT_DOMAINS: readonly string[] = ['gov.uk', 'gov.scot', 'gov.wales', 'llyw.cymru', 'mod.uk'];

/** The personal-domain lists checkEmail uses (the shipped ones unless a test passes its own). */
export interface PersonalDomainLists {
  domains: ReadonlySet<string>;
  /** ISPs that give each customer a subdomain (andrew@smith.plus.com). */
  suffixes?: readonly string[];
  /** Reviewed exceptions: never personal (btconnect.com). */
  notPersonal?: ReadonlySet<string>;
}

/** True when the domain is the parent or one of its subdomains. */
export function isUnder(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/** True when the domain, or a domain it is under, is in the set (the accredited list, the reviewed exceptions). */
export function isInOrUnder(domain: string, set: ReadonlySet<string>): boolean {
  const labels = domain.split('.');
  return labels.some((_, i) => set.has(labels.slice(i).join('.')));
}

/** The rule that accepts the domain outright, if any (source 001 "Acceptable Email Domains"). */
export function acceptedRule(domain: string, accredited: ReadonlySet<string>): AcceptedRule | undefined {
  if (domain === 'nhs.net') return 'nhs.net';
  if (isUnder(domain, 'nhs.uk')) return 'nhs.uk';
  if (GOVERNMENT_DOMAINS.some((gov) => isUnder(domain, gov))) return 'government';
  return isInOrUnder(domain, accredited) ? 'accredited' : undefined;
}

/**
 * True for a personal domain: on the list, or under an ISP that gives customers subdomains (smith.plus.com). A reviewed
 * exception (btconnect.com, or anything under it) is never personal.
 */
export function isPersonalDomain(domain: string, lists: PersonalDomainLists): boolean {
  if (isInOrUnder(domain, lists.notPersonal ?? new Set<string>())) return false;
  return lists.domains.has(domain) || (lists.suffixes ?? []).some((suffix) => isUnder(domain, suffix));
}
