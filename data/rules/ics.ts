/** London's Integrated Care Systems and their boroughs. The list is data (ICSs merge): see data/reference/ics.json. */
import type { Ics } from '../model.js';
import { icsReference as shipped, type IcsReference } from '../reference/index.js';
import { compactKey, foldText } from './text.js';

export interface BoroughMatch {
  /** The borough's name as listed, e.g. "Kingston upon Thames" for "Kingston". */
  borough: string;
  ics: Ics;
}

const indexes = new WeakMap<IcsReference, Map<string, BoroughMatch>>();

function boroughIndex(reference: IcsReference): Map<string, BoroughMatch> {
  const cached = indexes.get(reference);
  if (cached) return cached;
  const index = new Map<string, BoroughMatch>();
  for (const ics of reference.systems) {
    for (const borough of ics.boroughs) index.set(compactKey(borough), { borough, ics });
  }
  for (const [alias, borough] of reference.boroughAliases) {
    const match = index.get(compactKey(borough));
    if (match) index.set(compactKey(alias), match);
  }
  indexes.set(reference, index);
  return index;
}

// Official styles people copy from letters: "London Borough of Camden", "Royal Borough of Greenwich".
const BOROUGH_STYLE = /^\s*(?:the\s+)?(?:london\s+borough\s+of|royal\s+borough\s+of|borough\s+of)\s+/;

/** The ICS a London borough belongs to, ignoring case, punctuation and "London Borough of"; undefined outside London. */
export function icsForBorough(name: string, reference: IcsReference = shipped): BoroughMatch | undefined {
  const index = boroughIndex(reference);
  const folded = foldText(name);
  return index.get(compactKey(folded)) ?? index.get(compactKey(folded.replace(BOROUGH_STYLE, '')));
}

/** The ICS whose ICB has this ODS code (e.g. QMJ); used with rosters, DPIA entries and ODS relationships. */
export function icsByCode(code: string, reference: IcsReference = shipped): Ics | undefined {
  const wanted = code.trim().toUpperCase();
  return reference.systems.find((ics) => ics.icbCode === wanted);
}

// How ICSs are written in DPIA registers and letters: "NHS North Central London Integrated Care Board", "NCL ICS".
const ICS_STYLE = /^(?:nhs)?(.*?)(?:integratedcareboard|integratedcaresystem|icb|ics)?$/;

/**
 * The ICS named by its ICB code (QMJ), short name (NCL) or name ("North Central London", "NHS North Central London ICB");
 * used where people and imported files name an ICS in their own words.
 */
export function findIcs(written: string, reference: IcsReference = shipped): Ics | undefined {
  const key = compactKey(written).replace(ICS_STYLE, '$1');
  if (key === '') return undefined;
  return reference.systems.find((ics) => [ics.icbCode, ics.shortName, ics.name].some((name) => compactKey(name) === key));
}

/** Every London ICS in the shipped order; used to offer a choice and to check rosters cover each one. */
export function listIcs(reference: IcsReference = shipped): readonly Ics[] {
  return reference.systems;
}
