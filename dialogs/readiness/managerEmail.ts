/** Whether the manager's own e-mail (as Teams knows it) could be used for a UCP account, and if not, why, in words for them. */
import { accreditedDomainSet, checkEmail } from '../../data/rules/email.js';

/** A sentence about the manager's address when it would be refused; undefined when it is fine or unknown. */
export function managerEmailRefusal(address: string | undefined, accreditedDomains: readonly string[]): string | undefined {
  if (!address) return undefined;
  const check = checkEmail(address, { accreditedDomains: accreditedDomainSet(accreditedDomains) });
  if (check.outcome !== 'refused') return undefined;
  switch (check.reason) {
    case 'personal':
      return (
        `the address Teams has for you (${address.trim()}) looks like a personal one. UCP accounts need a work ` +
        "address: NHSmail (ending @nhs.net) or one from your organisation's own domain."
      );
    case 'generic':
      return (
        `the address Teams has for you (${address.trim()}) looks like a shared mailbox. Each UCP account belongs ` +
        'to one person, so it needs your own work address.'
      );
    default:
      return "the address Teams has for you doesn't look like an e-mail address the UCP could use.";
  }
}
