/**
 * The reminder digest: one card per person (or channel) per sweep listing everything due for them, each with a button
 * that opens that request's card (Action.Execute refreshCard answers with the viewer's own view and its actions).
 */
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import type { CardJson } from './cardTemplates.js';

/** One line of the digest. */
export interface DigestLine {
  text: string;
  /** The request it is about, when there is one (a DSPT reminder is about an organisation). */
  ticketId?: string;
  ticketVersion?: number;
}

/** Teams refuses cards over about 28 KB: the digest lists this many and counts the rest. */
export const MAX_DIGEST_LINES = 25;

let template: ACData.Template | undefined;

/** The raw template JSON, before any data is bound. */
export function readReminderDigestTemplate(): CardJson {
  return JSON.parse(readFileSync(new URL('./templates/reminderDigest.json', import.meta.url), 'utf8')) as CardJson;
}

/** One recipient's reminder digest. Text is bound as data, never spliced into the template. */
export function buildReminderDigestCard(lines: readonly DigestLine[]): CardJson {
  template ??= new ACData.Template(readReminderDigestTemplate());
  const shown = lines.slice(0, MAX_DIGEST_LINES);
  const rest = lines.length - shown.length;
  return template.expand({
    $root: {
      heading: lines.length === 1 ? 'A reminder' : `${lines.length} reminders`,
      intro: 'These are waiting for you. Open a request to see it and act on it.',
      items: shown.map((line) => ({
        text: line.text,
        hasTicket: line.ticketId !== undefined,
        ticketId: line.ticketId ?? '',
        version: line.ticketVersion ?? 0,
        actionTitle: line.ticketId ? `Open ${line.ticketId}` : '',
      })),
      more: { show: rest > 0, text: `And ${rest} more waiting as well.` },
    },
  }) as CardJson;
}

/** The digest as plain text: the Teams message text and the e-mail body. */
export function reminderDigestText(lines: readonly DigestLine[]): string {
  const intro =
    lines.length === 1 ? 'A reminder from the UCP onboarding assistant:' : `${lines.length} reminders from the UCP onboarding assistant:`;
  return [intro, '', ...lines.map((line) => `- ${line.text}`)].join('\n');
}
