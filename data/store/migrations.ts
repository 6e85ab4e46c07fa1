import { StoreCorruptError } from '../errors.js';
import { trimConversationReference } from './conversationReference.js';
import { settingsAsFields } from './settingsAsFields.js';

/** One step of the live file's schema: takes a document at version `to - 1` and returns it at version `to`. */
export interface Migration {
  to: number;
  description: string;
  up(document: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Every schema change, oldest first. Never edit a shipped step: files in the field were upgraded by it as written;
 * add a new step instead. Each step spells out its own defaults so later changes to the code cannot alter it.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    description: 'Files from before schema versions: add every collection that is missing, empty.',
    up: (document) => ({
      tickets: [],
      rosters: [],
      conversations: [],
      dpiaRegister: [],
      dsptStatuses: [],
      accreditedDomains: [],
      bankHolidays: null,
      settings: {},
      botState: {},
      pendingAudit: [],
      ...document,
    }),
  },
  {
    to: 2,
    description: 'Notifications owed to people are kept in the live file until delivered.',
    up: (document) => ({ notifications: [], ...document }),
  },
  {
    to: 3,
    description:
      'Conversation references keep only what is needed to write to a person or channel, each field bounded; ' +
      'one that cannot be used is dropped (the next message from that person or channel stores it afresh).',
    up: (document) => ({ ...document, conversations: trimmedConversations(document.conversations) }),
  },
  {
    to: 4,
    description: 'The time each reference list was last imported is kept; for lists imported before this step it is not known.',
    up: (document) => ({ imports: {}, ...document }),
  },
  {
    to: 5,
    description:
      'What settings held becomes typed fields: the ticket sequence, the reminder ledger, failed turns per conversation and ' +
      'when the demo was seeded. Each value moves out of settings; anything else there stays as it is.',
    up: (document) => ({ ...document, ...settingsAsFields(document.settings) }),
  },
];

/** Step 3: every stored conversation with its reference trimmed; records whose reference is unusable are left out. */
function trimmedConversations(conversations: unknown): unknown[] {
  if (!Array.isArray(conversations)) return [];
  return conversations.flatMap((record: unknown) => {
    if (record === null || typeof record !== 'object') return [];
    const trimmed = trimConversationReference((record as { reference?: unknown }).reference);
    return trimmed.ok ? [{ ...record, reference: trimmed.reference }] : [];
  });
}

/** The schema version this code writes. */
export const CURRENT_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1].to;

/** The result of bringing a document up to date; `from` tells the caller whether anything changed. */
export interface Migrated {
  document: Record<string, unknown>;
  from: number;
}

/** Used on open: upgrades a live file to the current schema, or stops the start for a file from a newer version. */
export function migrateLiveFile(document: Record<string, unknown>, file: string, migrations: readonly Migration[] = MIGRATIONS): Migrated {
  const from = schemaVersionOf(document, file);
  const current = migrations.length === 0 ? 0 : migrations[migrations.length - 1].to;
  if (from > current) {
    throw new StoreCorruptError(
      `The data file ${file} was written by a newer version of the assistant (data version ${from}; this version understands up to ${current}). The assistant did not start and the file was left untouched: run the newer version, or restore a backup made for this one.`,
      { file, schemaVersion: from, supported: current },
    );
  }
  let migrated = document;
  for (const migration of migrations) {
    if (migration.to <= from) continue;
    migrated = { ...migration.up(migrated), schemaVersion: migration.to };
  }
  // schemaVersion first, so a person opening the file sees it at once.
  const { schemaVersion, ...rest } = migrated;
  return { document: { schemaVersion, ...rest }, from };
}

function schemaVersionOf(document: Record<string, unknown>, file: string): number {
  const version = document.schemaVersion;
  if (version === undefined) return 0;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 0) return version;
  throw new StoreCorruptError(
    `The data file ${file} has a data version the assistant does not recognise (${JSON.stringify(version)}). The assistant did not start and the file was left untouched.`,
    { file, schemaVersion: version },
  );
}
