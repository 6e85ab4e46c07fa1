/**
 * A reply of several lines as a small Adaptive Card, one line per block. Teams and the Agents Playground run a plain-text
 * message's line breaks together into one paragraph (every message is sent as plain text, so markdown is not an
 * option), which turns a status or a list into a run-on sentence; a card keeps each line on its own. Each line is bound
 * as data into a TextRun (no markdown), so what a person typed still reads exactly as typed.
 */
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { CardJson } from './cardTemplates.js';

/** A line is cut to this many characters on the card: a card message must stay under Teams' 28 KB limit. */
export const MAX_LINE_ON_CARD = 2000;

let template: ACData.Template | undefined;

/** The template as stored, before any data is bound. */
export function readLinesTemplate(): CardJson {
  return JSON.parse(readFileSync(new URL('./templates/lines.json', import.meta.url), 'utf8')) as CardJson;
}

/**
 * The lines grouped into paragraphs: each text may hold several lines ("\n"), and an empty line starts a new paragraph
 * (shown with a gap). Pure.
 */
export function paragraphsOf(texts: readonly string[]): string[][] {
  const paragraphs: string[][] = [[]];
  for (const line of texts.flatMap((text) => text.split(/\r?\n/))) {
    if (line.trim() === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(line.length > MAX_LINE_ON_CARD ? `${line.slice(0, MAX_LINE_ON_CARD - 1)}…` : line);
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

/** The card for a reply of more than one line. */
export function buildLinesCard(texts: readonly string[]): CardJson {
  template ??= new ACData.Template(readLinesTemplate());
  // The callers bound their lists (ten requests, thirty people), so only one very long line needs cutting here.
  return template.expand({ $root: { paragraphs: paragraphsOf(texts).map((lines) => ({ lines })) } }) as CardJson;
}

/** The card as a message attachment. */
export function linesCardAttachment(texts: readonly string[]): Attachment {
  return CardFactory.adaptiveCard(buildLinesCard(texts));
}
