import type Database from 'better-sqlite3';

/**
 * The database schema, created and upgraded by the server itself. SQLite's `user_version`
 * holds the number of the last applied step; each step runs in its own transaction.
 *
 * How to change the schema: append a step (never edit a released one) and extend
 * the contract suite of the store it changes (`*.contract.test.ts`) if the change is observable.
 */
interface SchemaStep {
  version: number;
  name: string;
  sql: string;
}

export const SCHEMA_STEPS: readonly SchemaStep[] = [
  {
    version: 1,
    name: 'boards, snapshots and the update log',
    sql: `
      CREATE TABLE boards (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX boards_by_updated ON boards (updated_at DESC);

      -- One full Yjs state per board; kept apart from boards so listing never reads blobs.
      CREATE TABLE board_snapshots (
        board_id TEXT PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
        data     BLOB NOT NULL
      );

      -- Updates received after the snapshot; seq orders them and marks what compaction folded in.
      CREATE TABLE board_updates (
        seq      INTEGER PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        data     BLOB NOT NULL
      );
      CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);
    `,
  },
  {
    version: 2,
    name: 'secret links, participants, vote rounds and votes, private drafts',
    sql: `
      -- One link per role and board; only the SHA-256 of the token is stored.
      CREATE TABLE board_tokens (
        board_id   TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        role       TEXT NOT NULL,
        token_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, role)
      );

      -- A participant id is bound to the hash of its secret on first use.
      CREATE TABLE board_participants (
        board_id       TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        secret_hash    BLOB NOT NULL,
        created_at     INTEGER NOT NULL,
        PRIMARY KEY (board_id, participant_id)
      );

      CREATE TABLE vote_rounds (
        board_id         TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        round_id         TEXT NOT NULL,
        target           TEXT NOT NULL,
        votes_per_person INTEGER NOT NULL,
        allow_multiple   INTEGER NOT NULL,
        started_at       INTEGER NOT NULL,
        closed_at        INTEGER,
        PRIMARY KEY (board_id, round_id)
      );

      -- Votes stay here, never in the shared document, while their round is open.
      CREATE TABLE votes (
        board_id       TEXT NOT NULL,
        round_id       TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        card_id        TEXT NOT NULL,
        count          INTEGER NOT NULL,
        PRIMARY KEY (board_id, round_id, participant_id, card_id),
        FOREIGN KEY (board_id, round_id) REFERENCES vote_rounds (board_id, round_id) ON DELETE CASCADE
      );

      -- Private-mode drafts: one small Yjs document per participant, replaced whole on change.
      CREATE TABLE board_drafts (
        board_id       TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        data           BLOB NOT NULL,
        updated_at     INTEGER NOT NULL,
        PRIMARY KEY (board_id, participant_id)
      );
    `,
  },
  {
    version: 3,
    name: 'blind tone rounds and their ratings',
    sql: `
      CREATE TABLE tone_rounds (
        board_id   TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        round_id   TEXT NOT NULL,
        card_id    TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        closed_at  INTEGER,
        PRIMARY KEY (board_id, round_id)
      );

      -- Ratings stay here, never in the shared document, while their round is open.
      CREATE TABLE tone_ratings (
        board_id       TEXT NOT NULL,
        round_id       TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        variant        TEXT NOT NULL,
        rating         INTEGER NOT NULL,
        PRIMARY KEY (board_id, round_id, participant_id, variant),
        FOREIGN KEY (board_id, round_id) REFERENCES tone_rounds (board_id, round_id) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 4,
    name: 'version history and activity',
    sql: `
      -- Named whole states of a board (snapshots.ts); retention prunes them as they are added.
      CREATE TABLE board_versions (
        board_id       TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        snapshot_id    TEXT NOT NULL,
        name           TEXT NOT NULL,
        kind           TEXT NOT NULL,
        created_at     INTEGER NOT NULL,
        by_role        TEXT,
        by_participant TEXT,
        changes        TEXT NOT NULL,
        data           BLOB NOT NULL,
        PRIMARY KEY (board_id, snapshot_id)
      );
      CREATE INDEX board_versions_by_time ON board_versions (board_id, created_at);

      -- Who did what on a board, coalesced per minute (activity.ts); bounded per board.
      CREATE TABLE board_activity (
        seq            INTEGER PRIMARY KEY,
        board_id       TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        at             INTEGER NOT NULL,
        participant_id TEXT,
        role           TEXT NOT NULL,
        action         TEXT NOT NULL,
        target_kind    TEXT NOT NULL,
        target_id      TEXT NOT NULL,
        count          INTEGER NOT NULL
      );
      CREATE INDEX board_activity_by_time ON board_activity (board_id, at);
    `,
  },
  {
    version: 5,
    name: 'shared links sealed for the facilitator (shown again on any device)',
    sql: `
      -- The editor's and viewer's tokens, AES-GCM sealed under a key from the facilitator's
      -- token (auth/sealed-links.ts); NULL when a link cannot be shown again.
      ALTER TABLE board_tokens ADD COLUMN sealed_token BLOB;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = Math.max(...SCHEMA_STEPS.map((s) => s.version));

/** Brings the database to the latest schema. Refuses a database written by a newer server. */
export function migrateDatabase(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > LATEST_SCHEMA_VERSION) {
    throw new Error(`the database schema is version ${from}, newer than this server understands (${LATEST_SCHEMA_VERSION}); update Rejse`);
  }
  for (const step of SCHEMA_STEPS) {
    if (step.version <= from) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return { from, to: LATEST_SCHEMA_VERSION };
}
