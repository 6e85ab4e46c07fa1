/** The DSPT status: found in the imported DSPT export by ODS code, or chosen by the manager from five plain answers. */
import type { DsptRecord } from '../../data/model.js';
import type { ButtonChoice } from '../input/choiceOptions.js';
import { parsePublishedStatus, type ParsedDsptStatus } from '../../data/rules/dspt.js';
import { normaliseOdsCode } from '../../data/rules/ods.js';

/** The answers offered when the status is not in the export, in the order shown. */
export const DSPT_CHOICES = [
  'Standards Met',
  'Standards Exceeded',
  'Approaching Standards',
  'Not registered or not published',
  "I don't know",
] as const;
export type DsptChoice = (typeof DSPT_CHOICES)[number];
/** The buttons for DSPT_CHOICES (the values); only the long one is shortened, and DSPT_EXPLAINED says what it means. */
export const DSPT_BUTTONS: readonly ButtonChoice[] = DSPT_CHOICES.map((value) =>
  value === 'Not registered or not published' ? { value, title: 'Not published', synonyms: ['not registered'] } : { value },
);
export const DSPT_EXPLAINED = 'Choose Not published if you are not registered or no assessment has been published.';

/** What the readiness outcome works from: the parsed status (undefined: none at all) and where it came from. */
export interface DsptFinding {
  parsed: ParsedDsptStatus | undefined;
  source: 'export' | 'manager' | 'notAsked';
  /** From the export: the organisation's name as published and the publication date (yyyy-mm-dd). */
  publishedName?: string;
  publishedOn?: string;
}

/** The published record for an ODS code, as a plain copy; used before asking the manager. */
export function findPublishedStatus(records: readonly DsptRecord[], odsCode: string): DsptRecord | undefined {
  const wanted = normaliseOdsCode(odsCode);
  const found = records.find((record) => normaliseOdsCode(record.odsCode) === wanted);
  return found ? { ...found } : undefined;
}

/** The finding for a published record, read on `today` (yyyy-mm-dd, London): a status that could not exist yet is unknown. */
export function fromExport(record: DsptRecord, today: string): DsptFinding {
  return { parsed: parsePublishedStatus(record, today), source: 'export', publishedName: record.name, publishedOn: record.publishedOn };
}

/**
 * The finding for the manager's answer. "Not registered or not published" is Not Published (no assessment to count);
 * "I don't know" is unknown, so the outcome tells them how to look it up; neither is ever read as met.
 */
export function fromChoice(choice: string): DsptFinding {
  switch (choice as DsptChoice) {
    // The answers carry no year, so there is nothing that could lie in the future.
    case 'Standards Met':
      return { parsed: { status: 'standardsMet', raw: 'Standards Met' }, source: 'manager' };
    case 'Standards Exceeded':
      return { parsed: { status: 'standardsExceeded', raw: 'Standards Exceeded' }, source: 'manager' };
    case 'Approaching Standards':
      return { parsed: { status: 'approachingStandards', raw: 'Approaching Standards' }, source: 'manager' };
    case 'Not registered or not published':
      return { parsed: { status: 'notPublished', raw: 'Not Published' }, source: 'manager' };
    default:
      return { parsed: { status: 'unknown', raw: choice }, source: 'manager' };
  }
}
