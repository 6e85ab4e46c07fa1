/**
 * The welcome card: what the assistant does and a button for each conversation. The buttons are Action.Submit with
 * `{ action }` data (dialogs/base/menuActions.ts reads it): a simple menu needs no Universal Action round trip, and a
 * submit arrives as an ordinary message that the dialogs already handle. The card has no data bound into it.
 */
import { readFileSync } from 'node:fs';
import { CardFactory, type Attachment } from 'botbuilder';
import type { CardJson } from './cardTemplates.js';

const TEMPLATE_URL = new URL('./templates/welcome.json', import.meta.url);
let cached: string | undefined;

/** The welcome card JSON, a fresh copy each time. */
export function buildWelcomeCard(): CardJson {
  cached ??= readFileSync(TEMPLATE_URL, 'utf8');
  return JSON.parse(cached) as CardJson;
}

/** The welcome card as a message attachment; used on install, on a first message, on "start again" and on "help". */
export function welcomeCardAttachment(): Attachment {
  return CardFactory.adaptiveCard(buildWelcomeCard());
}
