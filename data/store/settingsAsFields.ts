/**
 * Schema step 5: the values the code kept in the live file's `settings` bag become typed fields. A value is moved only when
 * it has the shape the code read it with; anything else stays in settings untouched (the code read it as absent, and still
 * does). A reminder-ledger entry the code would have read as "nothing sent" is left out. Spelled out here, not shared with
 * the code, so later changes to the code cannot alter what this step did.
 */

const SEQUENCE_KEY = 'workflow.lastTicketNumber';
const LEDGER_KEY = 'reminders';
const DEMO_KEY = 'demoSeededAt';
const TURN_FAILURES_PREFIX = 'turnFailures:';

interface SettingsFields {
  ticketSequence: number;
  reminderLedger: {
    tickets: Record<string, { since: string; sent: Record<string, number> }>;
    dspt: Record<string, { year: string; sent: number }>;
  };
  turnFailures: Record<string, number>;
  demoSeededAt: string | null;
  settings: Record<string, unknown>;
}

/** The new fields from a schema-4 `settings` (missing or not an object: all empty), and what remains in settings. */
export function settingsAsFields(stored: unknown): SettingsFields {
  const settings: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
  const fields: SettingsFields = {
    ticketSequence: 0,
    reminderLedger: { tickets: {}, dspt: {} },
    turnFailures: {},
    demoSeededAt: null,
    settings,
  };
  const sequence = settings[SEQUENCE_KEY];
  if (typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0) {
    fields.ticketSequence = sequence;
    delete settings[SEQUENCE_KEY];
  }
  const ledger = settings[LEDGER_KEY];
  if (isRecord(ledger)) {
    fields.reminderLedger = { tickets: ticketEntries(ledger.tickets), dspt: dsptEntries(ledger.dspt) };
    delete settings[LEDGER_KEY];
  }
  const demo = settings[DEMO_KEY];
  if (typeof demo === 'string') {
    fields.demoSeededAt = demo;
    delete settings[DEMO_KEY];
  }
  for (const [key, count] of Object.entries(settings)) {
    if (!key.startsWith(TURN_FAILURES_PREFIX) || typeof count !== 'number') continue;
    fields.turnFailures[key.slice(TURN_FAILURES_PREFIX.length)] = count;
    delete settings[key];
  }
  return fields;
}

function ticketEntries(raw: unknown): SettingsFields['reminderLedger']['tickets'] {
  const entries: SettingsFields['reminderLedger']['tickets'] = {};
  if (!isRecord(raw)) return entries;
  for (const [id, entry] of Object.entries(raw)) {
    if (!isRecord(entry) || typeof entry.since !== 'string' || !isRecord(entry.sent)) continue;
    const sent: Record<string, number> = {};
    for (const [kind, n] of Object.entries(entry.sent)) if (typeof n === 'number') sent[kind] = n;
    entries[id] = { since: entry.since, sent };
  }
  return entries;
}

function dsptEntries(raw: unknown): SettingsFields['reminderLedger']['dspt'] {
  const entries: SettingsFields['reminderLedger']['dspt'] = {};
  if (!isRecord(raw)) return entries;
  for (const [code, entry] of Object.entries(raw)) {
    if (isRecord(entry) && typeof entry.year === 'string' && typeof entry.sent === 'number')
      entries[code] = { year: entry.year, sent: entry.sent };
  }
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
