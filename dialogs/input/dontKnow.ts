/** Answers that mean "I don't know" (an optional question can take them instead of a value). */
import { normaliseCommand } from '../base/menuActions.js';

const PHRASES: ReadonlySet<string> = new Set([
  "i don't know",
  'i dont know',
  'i do not know',
  "don't know",
  'dont know',
  'do not know',
  'not sure',
  "i'm not sure",
  'im not sure',
  'no idea',
  'unknown',
  'idk',
  'skip',
  'pass',
  'none',
  'n/a',
  'na',
]);

/** True when the whole answer says the person does not know, for optional questions such as the ODS code in readiness. */
export function isDontKnow(text: string | undefined): boolean {
  if (typeof text !== 'string') return false;
  return PHRASES.has(normaliseCommand(text.replace(/[’‘]/g, "'")));
}
