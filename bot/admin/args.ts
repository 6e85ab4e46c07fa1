import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | undefined>;
  json: boolean;
}

const VALUE_OPTIONS = [
  'as',
  'ics',
  'name',
  'type',
  'type-confirmed',
  'dpia',
  'location',
  'dspt',
  'ods',
  'state',
  'from',
  'to',
  'at',
] as const;

/** Splits argv into positionals and the few --options the commands take; an unknown option is a usage error. */
export function parseCommandLine(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' as const }])),
      },
    });
    const options: Record<string, string | undefined> = {};
    for (const name of VALUE_OPTIONS) options[name] = (values as Record<string, unknown>)[name] as string | undefined;
    return { positionals: values.help ? ['help'] : positionals, options, json: Boolean(values.json) };
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (see: npx ucp-admin help)`);
  }
}

/** The positional at `index`, or a usage error naming what was expected there. */
export function required(args: ParsedArgs, index: number, what: string): string {
  const value = args.positionals[index];
  if (value === undefined || value.trim() === '') throw new UsageError(`missing ${what} (see: npx ucp-admin help)`);
  return value;
}

/** Refuses anything typed after the arguments a command takes, so a typo is never silently ignored. */
export function noMore(args: ParsedArgs, count: number): void {
  const extra = args.positionals.slice(count);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (see: npx ucp-admin help)`);
}
