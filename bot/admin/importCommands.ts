import { readFile } from 'node:fs/promises';
import { parseAccreditedDomains } from '../../data/imports/accreditedDomains.js';
import { parseDpiaRegister } from '../../data/imports/dpiaRegister.js';
import { parseDsptExport } from '../../data/imports/dsptExport.js';
import type { ImportResult } from '../../data/imports/importResult.js';
import type { LiveData } from '../../data/store/store.js';
import { parseBankHolidayFeed } from '../../data/rules/bankHolidays.js';
import { findIcs } from '../../data/rules/ics.js';
import { ValidationError } from '../../data/errors.js';
import { noMore, required, type ParsedArgs } from './args.js';
import { print, type AdminContext } from './context.js';
import { UsageError } from './usage.js';

/** Thrown when an import file has bad rows: the CLI prints the first line, then every bad row, and exits 2. */
export class BadRowsError extends UsageError {
  constructor(message: string, readonly rows: string[]) {
    super(message);
  }
}

interface Importer {
  what: string;
  parse(text: string): ImportResult<unknown>;
  apply(data: LiveData, records: unknown[]): void;
}

const IMPORTERS: Record<string, Importer> = {
  dpia: {
    what: 'DPIA register entries',
    parse: (text) => parseDpiaRegister(text, findIcs),
    apply: (data, records) => { data.dpiaRegister = records as LiveData['dpiaRegister']; },
  },
  dspt: {
    what: 'DSPT statuses',
    parse: parseDsptExport,
    apply: (data, records) => { data.dsptStatuses = records as LiveData['dsptStatuses']; },
  },
  'accredited-domains': {
    what: 'accredited domains',
    parse: parseAccreditedDomains,
    apply: (data, records) => { data.accreditedDomains = records as string[]; },
  },
  'bank-holidays': {
    what: 'bank holidays',
    parse: parseHolidayFile,
    apply: (data, records) => { data.bankHolidays = records as LiveData['bankHolidays']; },
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
    throw new UsageError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a folder' : err.code ?? 'unreadable'}`);
  });
  const result = importer.parse(text);
  if (!result.ok) {
    throw new BadRowsError(`nothing imported: ${result.problems.length} bad row${result.problems.length === 1 ? '' : 's'} in ${file}`,
      result.problems.map((p) => `line ${p.line}: ${p.problem}`));
  }
  await (await ctx.store()).update((tx) => {
    importer.apply(tx.data, result.records);
    tx.audit({ actor: ctx.actor, action: `import.${kind}`, details: { records: result.records.length, warnings: result.warnings.length } });
  });
  print(ctx, { imported: result.records.length, kind, warnings: result.warnings }, () => [
    `Imported ${result.records.length} ${importer.what} from ${file} (the previous list was replaced).`,
    ...result.warnings.map((w) => `  warning, line ${w.line}: ${w.problem}`),
  ]);
}

/** The gov.uk feed is JSON, not rows: a parse failure is reported as one problem on line 1. */
function parseHolidayFile(text: string): ImportResult<unknown> {
  try {
    return { ok: true, records: parseBankHolidayFeed(JSON.parse(text)), warnings: [] };
  } catch (err) {
    const problem = err instanceof SyntaxError ? 'the file is not JSON' : err instanceof ValidationError ? err.message : String(err);
    return { ok: false, problems: [{ line: 1, problem }] };
  }
}
