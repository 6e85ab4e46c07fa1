import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, ConflictError, StoreCorruptError, StoreUnavailableError, UpstreamError, ValidationError } from '../../data/errors.js';
import { StoreWriteError } from '../../data/store/lowdbStore.js';
import { DataFolderBusyError } from '../../data/store/writerLock.js';
import { COUNTED_KINDS, DestinationNotEmptyError, type StoreCounts } from '../../data/store/storeCopy.js';
import { ConfigError } from '../../bot/config.js';
import { ReminderSettingError } from '../../bot/reminders/thresholds.js';
import { UsageError } from '../../bot/admin/usage.js';
import { BadRowsError } from '../../bot/admin/importCommands.js';
import { TokenRefused } from '../../bot/teams/channelToken.js';
import { SigningKeysUnavailable } from '../../bot/teams/signingKeys.js';
import { DeliveryError } from '../../bot/notify/deliveryError.js';
import { AttachmentDownloadError, AttachmentTooLargeError } from '../../bot/attachments/attachmentErrors.js';
import { TabApiError } from '../../bot/web/page/tabApi.js';
import { InvalidManifestError } from '../../scripts/packageTeams.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the product's code lives (tests and benchmarks have their own helpers). */
const PRODUCT_FOLDERS = ['bot', 'cards', 'dialogs', 'data', 'scripts'];
/** JavaScript's own error classes: extending one of these directly is what starts an error family. */
const BUILT_IN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
]);

/** One of each error class, as the product raises it, with the code it carries. */
const ERRORS: [string, AppError, string][] = [
  ['ValidationError', new ValidationError('That ODS code is not in the right format.'), 'validation'],
  ['ConflictError', new ConflictError('Someone changed this ticket first.'), 'conflict'],
  ['UpstreamError', new UpstreamError('The ODS directory did not answer.'), 'upstream'],
  ['StoreCorruptError', new StoreCorruptError('live.json cannot be read.'), 'store-corrupt'],
  ['StoreUnavailableError', new StoreUnavailableError('the database server cannot be reached (ECONNREFUSED)'), 'store-unavailable'],
  ['StoreWriteError', new StoreWriteError(Object.assign(new Error('disk full'), { code: 'ENOSPC' })), 'store-write-failed'],
  [
    'DestinationNotEmptyError',
    new DestinationNotEmptyError('postgres', {
      ...(Object.fromEntries(COUNTED_KINDS.map((kind) => [kind, 0])) as StoreCounts),
      'live tickets': 3,
    }),
    'store-copy-destination-not-empty',
  ],
  ['DataFolderBusyError', new DataFolderBusyError('/var/ucp', { pid: 42, host: 'box' }), 'data-folder-busy'],
  ['ConfigError', new ConfigError('PORT', 'must be a whole number'), 'bad-setting'],
  ['ReminderSettingError', new ReminderSettingError('REMINDER_ICS_AFTER_HOURS', 'must be a number'), 'bad-reminder-setting'],
  ['UsageError', new UsageError('unknown command "frob"'), 'bad-command'],
  ['BadRowsError', new BadRowsError('2 bad rows: nothing imported', ['line 2: no ODS code', 'line 3: no ICS']), 'bad-import-rows'],
  ['TokenRefused', new TokenRefused('expired'), 'token-refused'],
  ['SigningKeysUnavailable', new SigningKeysUnavailable('unreachable'), 'signing-keys-unavailable'],
  ['DeliveryError', new DeliveryError('retryable', 'http-429'), 'upstream'],
  ['AttachmentTooLargeError', new AttachmentTooLargeError(2 * 1024 * 1024), 'attachment-too-large'],
  ['AttachmentDownloadError', new AttachmentDownloadError('timeout'), 'upstream'],
  ['TabApiError', new TabApiError('Only members of the UCP helpdesk can see the queue.', 403), 'tab-api-refused'],
  ['InvalidManifestError', new InvalidManifestError(['/name/short: too long']), 'invalid-manifest'],
];

async function productSources(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await productSources(full)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/** Every `class A extends B` in the product's code, as A → B. */
async function declaredClasses(): Promise<Map<string, string>> {
  const parents = new Map<string, string>();
  for (const folder of PRODUCT_FOLDERS) {
    for (const file of await productSources(path.join(ROOT, folder))) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/\bclass\s+(\w+)(?:<[^>{]*>)?\s+extends\s+([\w.]+)/g))
        parents.set(match[1], match[2].split('.').pop() ?? match[2]);
    }
  }
  return parents;
}

/** The classes whose line of parents reaches one of JavaScript's error classes. */
function errorClasses(parents: Map<string, string>): string[] {
  const isError = (name: string, seen = new Set<string>()): boolean => {
    const parent = parents.get(name);
    if (parent === undefined || seen.has(name)) return false;
    return BUILT_IN_ERRORS.has(parent) || isError(parent, seen.add(name));
  };
  return [...parents.keys()].filter((name) => isError(name)).sort();
}

describe('one error family', () => {
  it("no class in the product extends one of JavaScript's errors directly except AppError", async () => {
    const parents = await declaredClasses();
    expect(errorClasses(parents).filter((name) => BUILT_IN_ERRORS.has(parents.get(name) ?? ''))).toEqual(['AppError']);
  });

  it('every error class the product declares is listed here, so each is checked below', async () => {
    const declared = errorClasses(await declaredClasses()).filter((name) => name !== 'AppError');
    expect(declared).toEqual(ERRORS.map(([name]) => name).sort());
  });

  it.each(ERRORS)('%s is an AppError with its own name and a code that says what happened', (name, error, code) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.message).not.toBe('');
  });

  it('tells apart a tab call that was refused from one that never reached the service', () => {
    expect(new TabApiError('Please try again in a minute.', 503).code).toBe('tab-api-refused');
    expect(new TabApiError('The helpdesk service could not be reached. Please check your connection and try again.').code).toBe(
      'tab-api-unreachable',
    );
  });
});
