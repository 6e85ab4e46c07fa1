/** What people do once their UCP web portal accounts exist (source 000, step 3). */
import type { TicketOrganisation, WorkflowTicket } from '../data/model.js';

/** The UCP's own mailbox, which sends every activation e-mail. */
export const ACTIVATION_SENDER = 'ucp.better@nhs.net';
/** The web portal on the Health and Social Care Network. */
export const UCP_HSCN_URL = 'https://london-scpa-hscn.better.care/';
/** The web portal on the internet: an extra code is e-mailed at every log-in. */
export const UCP_INTERNET_URL = 'https://london-scpa.better.care/';

/** Lines to read and links to open. */
export interface NextSteps {
  lines: string[];
  links: { title: string; url: string }[];
}

/** True once the helpdesk has ticked "Accounts created" on a finished request: the point at which next steps apply. */
export function accountsWereCreated(ticket: WorkflowTicket): boolean {
  return ticket.checklist?.accountsCreated !== undefined && ['resolved', 'closed', 'archived'].includes(ticket.state);
}

/** What the requester does next once accounts were created; the network decides which address comes first. */
export function accountNextSteps(org: Pick<TicketOrganisation, 'hscn'> | undefined): NextSteps {
  const activation = `Each person will get an e-mail from ${ACTIVATION_SENDER} with their username and a link to activate their account and choose a password.`;
  const training = 'We advise everyone to complete the online UCP training (on the UCP website, onelondon.online) before they start.';
  const hscnLink = { title: 'Open the UCP (HSCN)', url: UCP_HSCN_URL };
  const internetLink = { title: 'Open the UCP (internet)', url: UCP_INTERNET_URL };
  const extraCode = 'each time someone logs in there, they are sent an extra code by e-mail to type in';
  if (org?.hscn === true) {
    return {
      lines: [
        activation,
        `Your organisation is on the HSCN, so log in at ${UCP_HSCN_URL}. If that address does not open, use ${UCP_INTERNET_URL} instead: ${extraCode}.`,
        training,
      ],
      links: [hscnLink, internetLink],
    };
  }
  if (org?.hscn === false) {
    return { lines: [activation, `Log in at ${UCP_INTERNET_URL}: ${extraCode}.`, training], links: [internetLink] };
  }
  return {
    lines: [
      activation,
      `If your organisation is on the HSCN, log in at ${UCP_HSCN_URL}. Otherwise use ${UCP_INTERNET_URL}: ${extraCode}.`,
      training,
    ],
    links: [hscnLink, internetLink],
  };
}
