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
}

/** A summary button press: which button, on which summary. */
export interface AccessSummaryPress {
  action: AccessSummaryAction;
  summaryId: string;
}

const HEADINGS: Readonly<Record<AccessSummary['kind'], string>> = {
  organisationAccess: 'Your Urgent Care Plan access request',
  addUsers: 'Your request to add staff to the Urgent Care Plan',
};

/** People listed one by one on the card; a 500-row spreadsheet would pass Teams' 28 KB card limit, so the rest are counted. */
export const MAX_USERS_SHOWN = 25;

let template: ACData.Template | undefined;

/** The stored template; used by the tests that validate it as stored. */
export function readAccessSummaryTemplate(): CardJson {
  return JSON.parse(readFileSync(new URL('./templates/accessSummary.json', import.meta.url), 'utf8')) as CardJson;
}

/** Used by the access request and add-staff conversations to show the request before it is submitted. */
export function buildAccessSummaryCard(summary: AccessSummary): CardJson {
  template ??= new ACData.Template(readAccessSummaryTemplate());
  const people = summary.users.length === 1 ? '1 person' : `${summary.users.length} people`;
  return template.expand({
    $root: {
      heading: HEADINGS[summary.kind],
      notices: (summary.notices ?? []).map(clip),
      organisation: [...organisationFacts(summary.organisation), ...extraFacts(summary.organisation)].map((fact) => ({
        label: fact.label, value: clip(fact.value),
      })),
      usersHeading: `Staff who need access (${people})`,
      users: summary.users.slice(0, MAX_USERS_SHOWN).map((user, i) => ({
        number: i + 1,
        name: clip(user.name),
        jobTitle: clip(user.jobTitle),
        role: roleText(user.role),
        email: clip(user.email) + (user.emailConfirmed ? ' (you confirmed it is used appropriately)' : ''),
        registration: user.registration ? clip(`Registration: ${user.registration.body} ${user.registration.number}`) : '',
      })),
      more: summary.users.length > MAX_USERS_SHOWN
        ? `…and ${summary.users.length - MAX_USERS_SHOWN} more, all of them in the request. Choose Change users to see everyone.` : '',
      whatNext: (summary.whatNext ?? []).map(clip),
      summaryId: summary.summaryId,
    },
  }) as CardJson;
}

/** Used by the conversations on every reply: the summary button pressed and on which summary, or undefined for anything else. */
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
  if (org.hscn !== undefined) facts.push({ label: 'Network', value: org.hscn ? 'HSCN' : 'Internet (an extra code is e-mailed at each log-in)' });
  if (org.accessRoute) {
    facts.push({ label: 'How staff reach the UCP', value: org.accessRoute === 'webPortal' ? 'The UCP web portal' : 'Your own record system' });
  }
  return facts;
}
