/**
 * Loads the card templates in cards/templates/ and fills them with data. Data is bound by adaptivecards-templating and
 * never spliced into template text, so a `${...}` someone typed stays literal text.
 */
import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';

/** Every template file, by name (without ".json"). */
export const TEMPLATE_NAMES = ['ticketIcsLead', 'ticketHelpdesk', 'ticketReadOnly', 'ticketRequester'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** An Adaptive Card (or part of one) as plain JSON. */
export type CardJson = Record<string, unknown>;

const templates = new Map<TemplateName, ACData.Template>();

/** The raw template JSON, as stored. */
export function readTemplate(name: TemplateName): CardJson {
  return JSON.parse(readFileSync(new URL(`./templates/${name}.json`, import.meta.url), 'utf8')) as CardJson;
}

/** The template filled with `data` (read once, then kept). */
export function expandTemplate(name: TemplateName, data: object): CardJson {
  let template = templates.get(name);
  if (!template) {
    template = new ACData.Template(readTemplate(name));
    templates.set(name, template);
  }
  return template.expand({ $root: data }) as CardJson;
}
