import { isDomainName } from '../rules/text.js';
import { readCsvTable, type ImportResult, type RowProblem } from './importResult.js';

/**
 * The published DCB1596 list is a spreadsheet whose header has changed over time, so we insist on a recognisable
 * domain column rather than guessing a position, and ignore the rest (organisation name, dates).
 */
const REQUIRED = { domain: ['Domain', 'Email Domain', 'Domain Name', 'Accredited Domain', 'Secure Domain', 'Domains'] };
const OPTIONAL = { organisation: ['Organisation', 'Organisation Name', 'Name'] };

/** Reads the accredited-domains CSV: one or more domains a row (separated by ; or spaces), all good or nothing imported. */
export function parseAccreditedDomains(text: string): ImportResult<string> {
  const read = readCsvTable(text, REQUIRED, OPTIONAL);
  if (!read.ok) return read;
  const problems: RowProblem[] = [];
  const domains = new Set<string>();
  for (const row of read.table.rows) {
    const cell = read.table.cell(row, 'domain');
    // Lists write domains as "example.org", "@example.org" or "*.example.org"; all mean the same domain and its subdomains.
    const found = cell
      .split(/[;\s]+/)
      .map((d) =>
        d
          .trim()
          .toLowerCase()
          .replace(/^\*?\.|^@/, ''),
      )
      .filter(Boolean);
    if (found.length === 0) {
      problems.push({ line: row.line, problem: 'the domain is empty' });
      continue;
    }
    const bad = found.filter((d) => !isDomainName(d));
    if (bad.length > 0) problems.push({ line: row.line, problem: `"${bad.join('", "')}" is not a domain name` });
    else found.forEach((d) => domains.add(d));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records: [...domains].sort(), warnings: [] };
}
