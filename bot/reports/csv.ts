/** CSV for the reports (admin CLI and the tab's download), written by the one CSV writer every export uses (data/csvWrite.ts). */
import { csvLine } from '../../data/csvWrite.js';

/** The header and the rows, one line each (no line break at the end). */
export function csvLines(header: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  return [header, ...rows].map(csvLine);
}
