import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TeamsManifest } from './fillManifest.js';

/** The shipped official schema (see schema/README.md for its source and date). */
export const SCHEMA_FILE = fileURLToPath(new URL('./schema/MicrosoftTeams.schema.json', import.meta.url));

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

let compiled: ValidateFunction | undefined;

/**
 * Checks a filled manifest against the official schema; used before a package is written and by the tests.
 * Returns one line per problem ("/bots/0/botId must match pattern …"); empty when the manifest is valid.
 */
export function manifestProblems(manifest: TeamsManifest): string[] {
  compiled ??= compileSchema();
  if (compiled(manifest)) return [];
  return (compiled.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? 'is not valid'}${e.params && 'allowedValues' in e.params ? ` (${JSON.stringify(e.params.allowedValues)})` : ''}`,
  );
}

function compileSchema(): ValidateFunction {
  const { $schema: _draft04, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // The schema says draft-04, which Ajv 8 does not ship; it uses no keyword whose meaning changed since, so the draft-07 class
  // reads it the same. strict off: Microsoft's schema carries annotations Ajv's strict mode would reject, not our mistakes.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
