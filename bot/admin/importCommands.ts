import { readFile } from 'node:fs/promises';
import { parseAccreditedDomains } from '../../data/imports/accreditedDomains.js';
import { parseDpiaRegister } from '../../data/imports/dpiaRegister.js';
import { parseDsptExport } from '../../data/imports/dsptExport.js';
import { parseBankHolidayFile } from '../../data/imports/bankHolidayFile.js';
import { londonToday } from '../../data/rules/londonTime.js';
import type { ImportResult } from '../../data/imports/importResult.js';
import type { LiveData } from '../../data/store/store.js';
import { findIcs, icsByCode } from '../../data/rules/ics.js';
import type { BankHoliday, DpiaEntry, ImportedList } from '../../data/model.js';
import { noMore, required, type ParsedArgs } from './args.js';
import { print, type AdminContext } from './context.js';
import { UsageError } from './usage.js';

/** Thrown when an import file has bad rows: the CLI prints the first line, then every bad row, and exits 2. */
export class BadRowsError extends UsageError {
  constructor(
    message: string,
    readonly rows: string[],
  ) {
    super(message, 'bad-import-rows', { rows: rows.length });
  }
}

interface Importer {
  what: string;
  /** Where the store keeps when this list was imported. */
  list: ImportedList;
  parse(text: string): ImportResult<unknown>;
  /** Puts the records in place; returns what changed, in words, for the operator. */
  apply(data: LiveData, records: unknown[]): string;
}

const IMPORTERS: Record<string, Importer> = {
  dpia: {
    what: 'DPIA register entries',
    list: 'dpia',
    parse: (text) => parseDpiaRegister(text, findIcs),
    apply: replaceDpiaEntriesOfListedIcss,
  },
  dspt: {
    what: 'DSPT statuses',
    list: 'dspt',
    parse: (text) => parseDsptExport(text, londonToday(new Date())),
    apply: (data, records) =>
      replaced('DSPT statuses', data.dsptStatuses.length, (data.dsptStatuses = records as LiveData['dsptStatuses']).length),
  },
  'accredited-domains': {
    what: 'accredited domains',
    list: 'accreditedDomains',
    parse: parseAccreditedDomains,
    apply: (data, records) =>
      replaced('accredited domains', data.accreditedDomains.length, (data.accreditedDomains = records as string[]).length),
  },
  'bank-holidays': {
    what: 'bank holidays',
    list: 'bankHolidays',
    parse: (text) => parseBankHolidayFile(text, londonToday(new Date())),
    apply: (data, records) =>
      replaced('bank holidays', data.bankHolidays?.length ?? 0, (data.bankHolidays = records as BankHoliday[]).length),
  },
};

/** `import <kind> <file>`: replaces that reference list with the file's rows, all or nothing, audited. */
export async function importCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const kind = required(args, 1, `what to import (${Object.keys(IMPORTERS).join(', ')})`);
  const importer = IMPORTERS[kind];
  if (!importer) throw new UsageError(`cannot import "${kind}" (use ${Object.keys(IMPORTERS).join(', ')})`);
  const file = required(args, 2, 'file to import');
  noMore(args, 3);
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(
      `cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a folder' : (err.code ?? 'unreadable')}`,
    );
  });
  const result = importer.parse(text);
  if (!result.ok) {
    throw new BadRowsError(
      `nothing imported: ${result.problems.length} bad row${result.problems.length === 1 ? '' : 's'} in ${file}`,
      result.problems.map((p) => `line ${p.line}: ${p.problem}`),
    );
  }
  const change = await (
    await ctx.store()
  ).update((tx) => {
    const summary = importer.apply(tx.data, result.records);
    // Automatic checks made before this moment relied on the previous list: they are run again (data/workflow/automaticChecks.ts).
    tx.data.imports = { ...tx.data.imports, [importer.list]: new Date().toISOString() };
    tx.audit({ actor: ctx.actor, action: `import.${kind}`, details: { records: result.records.length, warnings: result.warnings.length } });
    return summary;
  });
  print(ctx, { imported: result.records.length, kind, change, warnings: result.warnings }, () => [
    `Imported ${result.records.length} ${importer.what} from ${file}. ${change}`,
    ...result.warnings.map((w) => `  warning, line ${w.line}: ${w.problem}`),
  ]);
}

function replaced(what: string, before: number, after: number): string {
  return `The previous list of ${what} (${before}) was replaced (${after}).`;
}

/**
 * Each ICS keeps its own onboarding DPIA, so a file replaces the entries of the ICSs it names and leaves the others
 * as they were: importing North Central London's register must not empty South East London's.
 */
function replaceDpiaEntriesOfListedIcss(data: LiveData, records: unknown[]): string {
  const entries = records as DpiaEntry[];
  const listed = [...new Set(entries.map((e) => e.icbCode))].sort();
  const counts = listed.map((code) => {
    const before = data.dpiaRegister.filter((e) => e.icbCode === code).length;
    const after = entries.filter((e) => e.icbCode === code).length;
    return `${icsByCode(code)?.shortName ?? code} ${before} → ${after}`;
  });
  data.dpiaRegister = [...data.dpiaRegister.filter((e) => !listed.includes(e.icbCode)), ...entries];
  return `Replaced the entries of ${counts.join(', ')}; other ICSs unchanged.`;
}
