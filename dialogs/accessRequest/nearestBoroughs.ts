/** The London boroughs nearest to what a manager typed, for "did you mean …?" when a borough is not recognised. */
import { listIcs } from '../../data/rules/ics.js';
import { compactKey, damerauLevenshtein } from '../../data/rules/text.js';

const MAX_SUGGESTIONS = 3;

/**
 * Used when icsForBorough finds nothing: up to three boroughs, closest first. A borough counts when its name starts
 * with what was typed ("Kens"), contains it, or is within a few typing slips of it ("Lewisam", "Hackny").
 */
export function nearestBoroughs(typed: string, limit = MAX_SUGGESTIONS): string[] {
  const key = compactKey(typed);
  if (key.length < 3) return [];
  const scored: { borough: string; score: number }[] = [];
  for (const ics of listIcs()) {
    for (const borough of ics.boroughs) {
      const name = compactKey(borough);
      // The start of the name, give or take a letter or two, so a slip in a shortened name ("Richmnd") still counts.
      const distance = Math.min(...[-1, 0, 1, 2].map((extra) => damerauLevenshtein(key, name.slice(0, key.length + extra))));
      const whole = damerauLevenshtein(key, name);
      const allowed = Math.max(1, Math.floor(key.length / 4));
      let score = Infinity;
      if (name.startsWith(key) || name.includes(key)) score = 0;
      else if (whole <= allowed) score = whole;
      else if (distance <= allowed) score = distance + 0.5;
      if (score !== Infinity) scored.push({ borough, score });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.borough.localeCompare(b.borough, 'en'))
    .slice(0, limit)
    .map((s) => s.borough);
}
