/**
 * The card a care home manager checks before an access (or add-staff) request is sent: the organisation, the people,
 * what happens next, and Submit / Change organisation details / Change users / Cancel. Buttons are Action.Submit, so
 * the answer arrives as a message the open conversation reads (not a ticket card invoke).
 */
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import type { RequestedUser, TicketOrganisation } from '../data/model.js';
import type { CardJson } from './cardTemplates.js';
import { organisationFacts, roleText } from './cardText.js';
import { clip } from './ticketCardView.js';

/** What the buttons send, in `activity.value.accessSummary`. */
export const ACCESS_SUMMARY_ACTIONS = ['submit', 'changeOrganisation', 'changeUsers', 'cancel'] as const;
export type AccessSummaryAction = (typeof ACCESS_SUMMARY_ACTIONS)[number];

/** What the summary shows; the dialog builds it from what the manager said. */
export interface AccessSummary {
  kind: 'organisationAccess' | 'addUsers';
  organisation: TicketOrganisation;
  users: readonly RequestedUser[];
  /** Highlighted lines, e.g. "ODS not yet verified: the helpdesk will check the code." */
  notices?: readonly string[];
  /** What happens after Submit, in order. */
  whatNext?: readonly string[];
  /** Sent back with every button, so a press on an older summary card is told apart from the current one. */
  summaryId: string;
  /** London's date (yyyy-mm-dd) the summary was made: a DSPT status dated after it is shown as not counting. */
  today: string;
}

/** A summary button press: which button, on which summary. */
export interface AccessSummaryPress {
  action: AccessSummaryAction;
  summaryId: string;
}

const HEADINGS: Readonly<Record<AccessSummary['kind'], string>> = {
  organisationAccess: 'Your Universal Care Plan (UCP) access request',
  addUsers: 'Your request to add staff to the Universal Care Plan (UCP)',
};

/** People listed one by one on the card at most; the rest are counted. */
export const MAX_USERS_SHOWN = 25;
/**
 * The built card stays under this many bytes (JSON, UTF-8). Teams refuses a message over about 28 KB, and the message
 * carries the question and the envelope as well as the card.
 */
export const MAX_CARD_BYTES = 24 * 1024;
/** A name, job title or e-mail address is cut to this many characters on the card (the request keeps it whole). */
export const MAX_FIELD_ON_CARD = 120;

let template: ACData.Template | undefined;

/** The template as stored, before any data is bound. */
export function readAccessSummaryTemplate(): CardJson {
  return JSON.parse(readFileSync(new URL('./templates/accessSummary.json', import.meta.url), 'utf8')) as CardJson;
}

/**
 * Shows the request before it is submitted. Up to 25 people are
 * listed, fewer when long names and addresses would take the card past MAX_CARD_BYTES; the rest are counted.
 */
export function buildAccessSummaryCard(summary: AccessSummary): CardJson {
  let shown = Math.min(summary.users.length, MAX_USERS_SHOWN);
  let card = expandSummary(summary, shown);
  while (shown > 0 && Buffer.byteLength(JSON.stringify(card)) > MAX_CARD_BYTES) {
    // Each person takes about the same room, so the next try is the count that fits at this size (at least one fewer).
    const size = Buffer.byteLength(JSON.stringify(card));
    shown = Math.min(shown - 1, Math.floor((shown * MAX_CARD_BYTES) / size));
    card = expandSummary(summary, Math.max(shown, 0));
  }
  return card;
}

function expandSummary(summary: AccessSummary, shown: number): CardJson {
  template ??= new ACData.Template(readAccessSummaryTemplate());
  const people = summary.users.length === 1 ? '1 person' : `${summary.users.length} people`;
  const hidden = summary.users.length - shown;
  return template.expand({
    $root: {
      heading: HEADINGS[summary.kind],
      notices: (summary.notices ?? []).map(clip),
      organisation: [...organisationFacts(summary.organisation, summary.today), ...extraFacts(summary.organisation)].map((fact) => ({
        label: fact.label,
        value: short(fact.value),
      })),
      usersHeading: `Staff who need access (${people})`,
      users: summary.users.slice(0, shown).map((user, i) => ({
        number: i + 1,
        name: short(user.name),
        jobTitle: short(user.jobTitle),
        role: roleText(user.role),
        email:
          short(user.email) +
          (user.emailConfirmed ? ' (you confirmed it is used appropriately)' : '') +
          (user.emailCheck ? ' (the helpdesk will check it is their own)' : ''),
        registration: user.registration ? short(`Registration: ${user.registration.body} ${user.registration.number}`) : '',
      })),
      more: hidden > 0 ? `…and ${hidden} more, all of them in the request. Choose Change users to see everyone.` : '',
      whatNext: (summary.whatNext ?? []).map(clip),
      summaryId: summary.summaryId,
    },
  }) as CardJson;
}

/** Typed text cut for the card, by characters (code points, so an emoji is never split), with an ellipsis. */
function short(text: string): string {
  const characters = Array.from(text);
  return characters.length <= MAX_FIELD_ON_CARD ? text : `${characters.slice(0, MAX_FIELD_ON_CARD - 1).join('')}…`;
}

/** The summary button pressed and on which summary, or undefined for anything else. */
export function readAccessSummaryPress(value: unknown): AccessSummaryPress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { accessSummary: action, summaryId } = value as Record<string, unknown>;
  if (!(ACCESS_SUMMARY_ACTIONS as readonly unknown[]).includes(action) || typeof summaryId !== 'string') return undefined;
  return { action: action as AccessSummaryAction, summaryId };
}

function extraFacts(org: TicketOrganisation): { label: string; value: string }[] {
  const facts: { label: string; value: string }[] = [];
  if (org.postcode?.trim()) facts.push({ label: 'Postcode', value: org.postcode });
  if (org.organisationType?.trim()) facts.push({ label: 'Type', value: org.organisationType });
  if (org.hscn !== undefined)
    facts.push({ label: 'Network', value: org.hscn ? 'HSCN' : 'Internet (an extra code is e-mailed at each log-in)' });
  if (org.accessRoute) {
    facts.push({
      label: 'How staff reach the UCP',
      value: org.accessRoute === 'webPortal' ? 'The UCP web portal' : 'Your own record system',
    });
  }
  return facts;
}
