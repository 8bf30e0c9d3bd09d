import type { SqlConnection } from './postgres-connection.ts';

/**
 * The PostgreSQL schema, created and upgraded by the server at start (the same data as the
 * SQLite schema, `sqlite-schema.ts`). `rejse_schema` lists the applied steps; each step runs
 * in its own transaction, under an advisory lock so instances starting together apply it
 * once. How to change it: append a step, never edit a released one.
 */
interface PostgresSchemaStep {
  version: number;
  name: string;
  sql: string;
}

const POSTGRES_SCHEMA_STEPS: readonly PostgresSchemaStep[] = [
  {
    version: 1,
    name: 'boards, snapshots, the update log, links, participants, votes, drafts',
    sql: `
      CREATE TABLE boards (
        id         text PRIMARY KEY,
        title      text NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        -- The last update's seq: numbered per board, so appends of one board (from any
        -- instance) are serialised by this row's lock and never leave gaps.
        last_seq   bigint NOT NULL DEFAULT 0
      );
      CREATE INDEX boards_by_updated ON boards (updated_at DESC);

      -- One full Yjs state per board; apart from boards so listing never reads it.
      CREATE TABLE board_snapshots (
        board_id text PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
        data     bytea NOT NULL
      );

      CREATE TABLE board_updates (
        board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        seq      bigint NOT NULL,
        data     bytea NOT NULL,
        PRIMARY KEY (board_id, seq)
      );

      CREATE TABLE board_tokens (
        board_id   text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        role       text NOT NULL,
        token_hash bytea NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (board_id, role)
      );

      CREATE TABLE board_participants (
        board_id       text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        participant_id text NOT NULL,
        secret_hash    bytea NOT NULL,
        created_at     bigint NOT NULL,
        PRIMARY KEY (board_id, participant_id)
      );

      CREATE TABLE vote_rounds (
        board_id         text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        round_id         text NOT NULL,
        target           text NOT NULL,
        votes_per_person integer NOT NULL,
        allow_multiple   boolean NOT NULL,
        started_at       bigint NOT NULL,
        closed_at        bigint,
        PRIMARY KEY (board_id, round_id)
      );

      CREATE TABLE votes (
        board_id       text NOT NULL,
        round_id       text NOT NULL,
        participant_id text NOT NULL,
        card_id        text NOT NULL,
        count          integer NOT NULL,
        PRIMARY KEY (board_id, round_id, participant_id, card_id),
        FOREIGN KEY (board_id, round_id) REFERENCES vote_rounds (board_id, round_id) ON DELETE CASCADE
      );

      CREATE TABLE board_drafts (
        board_id       text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        participant_id text NOT NULL,
        data           bytea NOT NULL,
        updated_at     bigint NOT NULL,
        PRIMARY KEY (board_id, participant_id)
      );
    `,
  },
  {
    version: 2,
    name: 'blind tone rounds, version history, activity',
    sql: `
      CREATE TABLE tone_rounds (
        board_id   text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        round_id   text NOT NULL,
        card_id    text NOT NULL,
        started_at bigint NOT NULL,
        closed_at  bigint,
        PRIMARY KEY (board_id, round_id)
      );

      -- Ratings stay here, never in the shared document, while their round is open.
      CREATE TABLE tone_ratings (
        board_id       text NOT NULL,
        round_id       text NOT NULL,
        participant_id text NOT NULL,
        variant        text NOT NULL,
        rating         integer NOT NULL,
        PRIMARY KEY (board_id, round_id, participant_id, variant),
        FOREIGN KEY (board_id, round_id) REFERENCES tone_rounds (board_id, round_id) ON DELETE CASCADE
      );

      -- Named whole states of a board (snapshots.ts); seq orders snapshots taken in one millisecond.
      CREATE TABLE board_versions (
        board_id       text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        snapshot_id    text NOT NULL,
        seq            bigint GENERATED ALWAYS AS IDENTITY,
        name           text NOT NULL,
        kind           text NOT NULL,
        created_at     bigint NOT NULL,
        by_role        text,
        by_participant text,
        added          integer NOT NULL,
        removed        integer NOT NULL,
        edited         integer NOT NULL,
        data           bytea NOT NULL,
        PRIMARY KEY (board_id, snapshot_id)
      );
      CREATE INDEX board_versions_by_time ON board_versions (board_id, created_at);

      -- Who did what on a board, coalesced per minute (activity.ts); bounded per board.
      CREATE TABLE board_activity (
        seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        board_id       text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        at             bigint NOT NULL,
        participant_id text,
        role           text NOT NULL,
        action         text NOT NULL,
        target_kind    text NOT NULL,
        target_id      text NOT NULL,
        count          integer NOT NULL
      );
      CREATE INDEX board_activity_by_time ON board_activity (board_id, at);
      CREATE INDEX board_activity_by_seq ON board_activity (board_id, seq);
    `,
  },
  {
    version: 3,
    name: 'shared links sealed for the facilitator (shown again on any device)',
    sql: `
      -- The editor's and viewer's tokens sealed under a key from the facilitator's token
      -- (auth/sealed-links.ts); NULL when a link cannot be shown again.
      ALTER TABLE board_tokens ADD COLUMN sealed_token bytea;
    `,
  },
];

const LATEST_POSTGRES_SCHEMA_VERSION = Math.max(...POSTGRES_SCHEMA_STEPS.map((s) => s.version));

/** Any constant both sides agree on: the advisory lock that serialises schema changes. */
const SCHEMA_LOCK_KEY = 0x72656a73; // "rejs"

/** Brings the database to the latest schema. Refuses a database written by a newer server. */
export function migratePostgres(sql: SqlConnection): { from: number; to: number } {
  sql.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
  try {
    sql.query(`CREATE TABLE IF NOT EXISTS rejse_schema (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const from = sql.query<{ version: number | null }>('SELECT max(version) AS version FROM rejse_schema')[0]?.version ?? 0;
    if (from > LATEST_POSTGRES_SCHEMA_VERSION) {
      throw new Error(
        `the database schema is version ${from}, newer than this server understands (${LATEST_POSTGRES_SCHEMA_VERSION}); update Rejse`,
      );
    }
    for (const step of POSTGRES_SCHEMA_STEPS) {
      if (step.version <= from) continue;
      sql.transaction(() => {
        sql.query(step.sql);
        sql.query('INSERT INTO rejse_schema (version, name) VALUES ($1, $2)', [step.version, step.name]);
      });
    }
    return { from, to: LATEST_POSTGRES_SCHEMA_VERSION };
  } finally {
    sql.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]);
  }
}
