/**
 * The buttons under the spreadsheet question: the template as a download (Action.OpenUrl) and "Enter people one by
 * one" (Action.Submit with `{ oneByOne: true }`, which the file question's check reads). The card carries no typed text.
 */
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { CardJson } from './cardTemplates.js';

let template: ACData.Template | undefined;

/** The template as stored, before any data is bound. */
export function readSpreadsheetQuestionTemplate(): CardJson {
  return JSON.parse(readFileSync(new URL('./templates/spreadsheetQuestion.json', import.meta.url), 'utf8')) as CardJson;
}

/** What the card shows: where the bot serves the template (configuration) and the two buttons' titles (the dialog's words). */
export interface SpreadsheetQuestionCard {
  templateUrl: string;
  downloadTitle: string;
  oneByOneTitle: string;
}

/** The card for the spreadsheet question. */
export function spreadsheetQuestionAttachment(input: SpreadsheetQuestionCard): Attachment {
  template ??= new ACData.Template(readSpreadsheetQuestionTemplate());
  return CardFactory.adaptiveCard(template.expand({ $root: { ...input } }) as CardJson);
}

/** True for a press of "Enter people one by one". */
export function isOneByOnePress(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>).oneByOne === true;
}
