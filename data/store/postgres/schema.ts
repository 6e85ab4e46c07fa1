/**
 * The PostgreSQL store's tables, as plain SQL migrations run in order. Columns exist for what the contract's queries
 * look at (data/store/records.ts) and each such query has an index; the rest of a record is kept whole as jsonb.
 * Instants are ISO text compared as text, exactly as the other stores compare them, so all implementations agree.
 * A migration is never edited once shipped: a change is a new entry at the end.
 */
export const SQL_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tickets (
    seq bigserial PRIMARY KEY,
    id text NOT NULL,
    kind text NOT NULL,
    state text NOT NULL,
    ics text,
    assignee text,
    requester text,
    ods_code text NOT NULL,
    submission_id text,
    state_entered_at text NOT NULL,
    version integer NOT NULL,
    archived boolean NOT NULL DEFAULT false,
    ticket jsonb NOT NULL
  );
  CREATE UNIQUE INDEX tickets_live_id ON tickets (id) WHERE NOT archived;
  CREATE INDEX tickets_archived_id ON tickets (id, seq) WHERE archived;
  CREATE INDEX tickets_live_state ON tickets (state, seq) WHERE NOT archived;
  CREATE INDEX tickets_live_ics ON tickets (ics, seq) WHERE NOT archived;
  CREATE INDEX tickets_live_assignee ON tickets (assignee, seq) WHERE NOT archived;
  CREATE INDEX tickets_live_requester ON tickets (requester, seq) WHERE NOT archived;
  CREATE INDEX tickets_live_ods ON tickets (ods_code, seq) WHERE NOT archived;
  CREATE INDEX tickets_live_submission ON tickets (submission_id) WHERE NOT archived;
  CREATE INDEX tickets_live_waiting ON tickets (state_entered_at) WHERE NOT archived;
  CREATE INDEX tickets_archived_ics ON tickets (ics, seq) WHERE archived;
  CREATE INDEX tickets_archived_requester ON tickets (requester, seq) WHERE archived;
  CREATE INDEX tickets_archived_ods ON tickets (ods_code, seq) WHERE archived;
  CREATE SEQUENCE ticket_sequence;

  CREATE TABLE rosters (
    key text PRIMARY KEY,
    seq bigserial NOT NULL,
    kind text NOT NULL,
    scope text,
    id_lower text NOT NULL,
    doc jsonb NOT NULL
  );
  CREATE INDEX rosters_kind_scope ON rosters (kind, scope);
  CREATE INDEX rosters_id ON rosters (id_lower);

  CREATE TABLE conversations (key text PRIMARY KEY, seq bigserial NOT NULL, doc jsonb NOT NULL);

  CREATE TABLE notifications (
    key text PRIMARY KEY,
    seq bigserial NOT NULL,
    status text NOT NULL,
    next_attempt_at text NOT NULL,
    created_at text NOT NULL,
    recipient_conversation_key text,
    recipient_aad text,
    doc jsonb NOT NULL
  );
  CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
  CREATE INDEX notifications_created ON notifications (created_at);
  CREATE INDEX notifications_conversation ON notifications (recipient_conversation_key);
  CREATE INDEX notifications_aad ON notifications (recipient_aad);

  CREATE TABLE bot_state (key text PRIMARY KEY, seq bigserial NOT NULL, etag text NOT NULL, doc jsonb NOT NULL);

  CREATE TABLE reference_lists (name text PRIMARY KEY, value jsonb NOT NULL);
  CREATE TABLE reference_imports (list text PRIMARY KEY, imported_at text NOT NULL);

  CREATE TABLE reminder_tickets (ticket_id text PRIMARY KEY, entry jsonb NOT NULL);
  CREATE TABLE reminder_dspt (ods_code text PRIMARY KEY, entry jsonb NOT NULL);

  CREATE TABLE counters (name text PRIMARY KEY, value jsonb NOT NULL);

  CREATE TABLE audit (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    at text NOT NULL,
    ticket_id text,
    event jsonb NOT NULL
  );
  CREATE INDEX audit_ticket ON audit (ticket_id, seq);
  CREATE INDEX audit_at ON audit (at);
  -- Append-only: the trail is evidence, so no one changes or removes a line.
  CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
  END $$;
  CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
  `,
  // 2: the notifier's claims (data/store/postgres/notificationClaims.ts): who is delivering a notification, and until when.
  // NULL: nobody holds it. The claim's search runs on notifications_due (status, next_attempt_at).
  `
  ALTER TABLE notifications ADD COLUMN lease_owner text, ADD COLUMN lease_until text;
  `,
];
