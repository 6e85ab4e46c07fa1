import { readFile } from 'node:fs/promises';
import { parseAccreditedDomains } from '../../data/imports/accreditedDomains.js';
import { parseDpiaRegister } from '../../data/imports/dpiaRegister.js';
import { parseDsptExport } from '../../data/imports/dsptExport.js';
import { parseBankHolidayFile } from '../../data/imports/bankHolidayFile.js';
import { londonToday } from '../../data/rules/londonTime.js';
import type { ImportResult, RowProblem } from '../../data/imports/importResult.js';
import type { ReferenceWrites } from '../../data/store/store.js';
import { findIcs, icsByCode } from '../../data/rules/ics.js';
import type { DpiaEntry, ImportedList } from '../../data/model.js';
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

interface Importer<T> {
  what: string;
  /** Where the store keeps when this list was imported. */
  list: ImportedList;
  parse(text: string): ImportResult<T>;
  /** Puts the records in place; returns what changed, in words, for the operator. */
  apply(reference: ReferenceWrites, records: T[]): Promise<string>;
}

/** A file read by its importer: the bad rows, or the records with what putting them in place does. */
type ReadFile =
  | Extract<ImportResult<unknown>, { ok: false }>
  | { ok: true; count: number; warnings: RowProblem[]; apply(reference: ReferenceWrites): Promise<string> };

/** An importer with its record type hidden, so one table holds them all. */
interface AnyImporter {
  what: string;
  list: ImportedList;
  read(text: string): ReadFile;
}

function importer<T>(spec: Importer<T>): AnyImporter {
  return {
    what: spec.what,
    list: spec.list,
    read: (text) => {
      const result = spec.parse(text);
      if (!result.ok) return result;
      return {
        ok: true,
        count: result.records.length,
        warnings: result.warnings,
        apply: (reference) => spec.apply(reference, result.records),
      };
    },
  };
}

const IMPORTERS: Record<string, AnyImporter> = {
  dpia: importer({
    what: 'DPIA register entries',
    list: 'dpia',
    parse: (text) => parseDpiaRegister(text, findIcs),
    apply: replaceDpiaEntriesOfListedIcss,
  }),
  dspt: importer({
    what: 'DSPT statuses',
    list: 'dspt',
    parse: (text) => parseDsptExport(text, londonToday(new Date())),
    apply: async (reference, records) => {
      const before = (await reference.dsptStatuses()).length;
      await reference.setDsptStatuses(records);
      return replaced('DSPT statuses', before, records.length);
    },
  }),
  'accredited-domains': importer({
    what: 'accredited domains',
    list: 'accreditedDomains',
    parse: parseAccreditedDomains,
    apply: async (reference, records) => {
      const before = (await reference.accreditedDomains()).length;
      await reference.setAccreditedDomains(records);
      return replaced('accredited domains', before, records.length);
    },
  }),
  'bank-holidays': importer({
    what: 'bank holidays',
    list: 'bankHolidays',
    parse: (text) => parseBankHolidayFile(text, londonToday(new Date())),
    apply: async (reference, records) => {
      const before = (await reference.bankHolidays())?.length ?? 0;
      await reference.setBankHolidays(records);
      return replaced('bank holidays', before, records.length);
    },
  }),
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
  const result = importer.read(text);
  if (!result.ok) {
    throw new BadRowsError(
      `nothing imported: ${result.problems.length} bad row${result.problems.length === 1 ? '' : 's'} in ${file}`,
      result.problems.map((p) => `line ${p.line}: ${p.problem}`),
    );
  }
  const store = await ctx.store();
  const change = await store.transaction(async (tx) => {
    const summary = await result.apply(tx.reference);
    // Automatic checks made before this moment relied on the previous list: they are run again (data/workflow/automaticChecks.ts).
    await tx.reference.setImported(importer.list, new Date().toISOString());
    tx.audit({ actor: ctx.actor, action: `import.${kind}`, details: { records: result.count, warnings: result.warnings.length } });
    return summary;
  });
  print(ctx, { imported: result.count, kind, change, warnings: result.warnings }, () => [
    `Imported ${result.count} ${importer.what} from ${file}. ${change}`,
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
async function replaceDpiaEntriesOfListedIcss(reference: ReferenceWrites, entries: DpiaEntry[]): Promise<string> {
  const register = await reference.dpiaRegister();
  const listed = [...new Set(entries.map((e) => e.icbCode))].sort();
  const counts = listed.map((code) => {
    const before = register.filter((e) => e.icbCode === code).length;
    const after = entries.filter((e) => e.icbCode === code).length;
    return `${icsByCode(code)?.shortName ?? code} ${before} → ${after}`;
  });
  await reference.setDpiaRegister([...register.filter((e) => !listed.includes(e.icbCode)), ...entries]);
  return `Replaced the entries of ${counts.join(', ')}; other ICSs unchanged.`;
}
