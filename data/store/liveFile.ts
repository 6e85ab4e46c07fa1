import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { StoreCorruptError } from '../errors.js';
import type { AuditEvent, ReminderLedger } from '../model.js';
import { writeFileDurably } from './durableFs.js';
import type { LiveData } from './store.js';

/** What `live.json` holds: the live data plus the audit outbox (events committed but maybe not yet in audit.jsonl). */
export interface LiveFile extends LiveData {
  pendingAudit: AuditEvent[];
}

const ARRAYS = [
  'tickets',
  'rosters',
  'conversations',
  'dpiaRegister',
  'dsptStatuses',
  'accreditedDomains',
  'notifications',
  'pendingAudit',
] as const;
const OBJECTS = ['settings', 'botState', 'imports'] as const;

/** A fresh, empty live file at the given schema version; used when the data folder is new. */
export function emptyLiveFile(schemaVersion: number): LiveFile {
  return {
    schemaVersion,
    tickets: [],
    rosters: [],
    conversations: [],
    dpiaRegister: [],
    dsptStatuses: [],
    accreditedDomains: [],
    bankHolidays: null,
    ticketSequence: 0,
    reminderLedger: { tickets: {}, dspt: {} },
    turnFailures: {},
    demoSeededAt: null,
    settings: {},
    imports: {},
    notifications: [],
    botState: {},
    pendingAudit: [],
  };
}

/** Checks, after migration, that every collection has the shape the code relies on; stops the start otherwise. */
export function validateLiveFile(document: Record<string, unknown>, file: string): LiveFile {
  document.pendingAudit ??= [];
  const wrong = [
    ...ARRAYS.filter((key) => !Array.isArray(document[key])),
    ...OBJECTS.filter((key) => !isPlainObject(document[key])),
    ...(document.bankHolidays === null || Array.isArray(document.bankHolidays) ? [] : ['bankHolidays']),
    ...wrongTypedFields(document),
  ];
  if (wrong.length > 0) {
    throw new StoreCorruptError(
      `The data file ${file} has missing or unexpected content in ${wrong.join(', ')}, so the assistant did not start. The file was left untouched: restore it from a backup or repair it, then start again.`,
      { file, fields: wrong },
    );
  }
  return document as unknown as LiveFile;
}

/**
 * lowdb adapter for the live file. lowdb keeps the data in memory; this adapter makes each write durable
 * (steno, behind lowdb's JSONFile, renames without fsync) and refuses, without touching it, a file it cannot parse.
 * `read` only checks that the file holds a JSON object: migration and validation follow in openLowdbStore.
 */
export class DurableJsonFile implements Adapter<LiveFile> {
  constructor(
    readonly file: string,
    private readonly encode: (data: LiveFile) => Promise<string | readonly Buffer[]>,
  ) {}

  async read(): Promise<LiveFile | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not the parser's message: it quotes the file around the fault, and the file holds names and e-mail addresses.
      throw this.#unreadable('it is not valid JSON');
    }
    if (!isPlainObject(parsed)) throw this.#unreadable('it does not hold a JSON object');
    return parsed as unknown as LiveFile;
  }

  async write(data: LiveFile): Promise<void> {
    await writeFileDurably(this.file, await this.encode(data));
  }

  #unreadable(reason: string): StoreCorruptError {
    return new StoreCorruptError(
      `The data file ${this.file} cannot be read: ${reason}. The assistant did not start, and the file was left untouched: restore it from a backup or repair it, then start again.`,
      { file: this.file },
    );
  }
}

/** The fields that replaced settings (schema 5) whose shape is not what the code relies on. */
function wrongTypedFields(document: Record<string, unknown>): string[] {
  const wrong: string[] = [];
  const sequence = document.ticketSequence;
  if (!(typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0)) wrong.push('ticketSequence');
  if (!isReminderLedger(document.reminderLedger)) wrong.push('reminderLedger');
  if (!isRecordOf(document.turnFailures, (n) => typeof n === 'number')) wrong.push('turnFailures');
  if (!(document.demoSeededAt === null || typeof document.demoSeededAt === 'string')) wrong.push('demoSeededAt');
  return wrong;
}

function isReminderLedger(value: unknown): value is ReminderLedger {
  return (
    isPlainObject(value) &&
    isRecordOf(value.tickets, (t) => isPlainObject(t) && typeof t.since === 'string' && isRecordOf(t.sent, (n) => typeof n === 'number')) &&
    isRecordOf(value.dspt, (d) => isPlainObject(d) && typeof d.year === 'string' && typeof d.sent === 'number')
  );
}

function isRecordOf(value: unknown, each: (entry: unknown) => boolean): boolean {
  return isPlainObject(value) && Object.values(value).every(each);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
